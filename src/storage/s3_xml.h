#pragma once
// The few S3 XML documents clipgen reads and writes. Pure; S3's XML is flat enough that
// finding elements by name is exact (no attributes, no nesting of the same name).
#include <optional>
#include <string>
#include <vector>

namespace clipgen::storage {

struct ListPage {
  std::vector<std::string> keys;
  std::optional<std::string> continuation;  // NextContinuationToken when the list is truncated
};

struct S3ErrorBody {
  std::string code;     // "NoSuchKey", "SignatureDoesNotMatch", ...
  std::string message;
};

// ListBucketResult of ListObjectsV2.
ListPage parse_list_page(const std::string& xml);
// UploadId of InitiateMultipartUploadResult; throws std::runtime_error when absent.
std::string parse_upload_id(const std::string& xml);
// An <Error> document, or nullopt when the body is not one (S3 may answer 200 with an error
// to CompleteMultipartUpload).
std::optional<S3ErrorBody> parse_error(const std::string& xml);
// CompleteMultipartUpload listing parts 1..n with their ETags.
std::string complete_multipart_xml(const std::vector<std::string>& etags);

std::string xml_escape(const std::string& text);
std::string xml_unescape(const std::string& text);

}  // namespace clipgen::storage
