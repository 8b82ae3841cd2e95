#include "storage/s3_xml.h"

#include <gtest/gtest.h>

namespace clipgen::storage {

TEST(S3Xml, ListPageWithContinuationAndEscapedKeys) {
  const auto page = parse_list_page(R"(<?xml version="1.0" encoding="UTF-8"?>
<ListBucketResult xmlns="http://s3.amazonaws.com/doc/2006-03-01/"><Name>b</Name><Prefix>u/</Prefix>
<KeyCount>2</KeyCount><MaxKeys>2</MaxKeys><IsTruncated>true</IsTruncated>
<Contents><Key>u/a &amp; b.mp4</Key><Size>1</Size></Contents><Contents><Key>u/&#233;&#x1F600;.jpg</Key></Contents>
<NextContinuationToken>1ueGcxLPRx1Tr/XYExHnhbYLgveDs2J/wm36Hy4vbOwM=</NextContinuationToken></ListBucketResult>)");
  EXPECT_EQ(page.keys, (std::vector<std::string>{"u/a & b.mp4", "u/\xC3\xA9\xF0\x9F\x98\x80.jpg"}));
  EXPECT_EQ(page.continuation, "1ueGcxLPRx1Tr/XYExHnhbYLgveDs2J/wm36Hy4vbOwM=");
  const auto last = parse_list_page("<ListBucketResult><IsTruncated>false</IsTruncated></ListBucketResult>");
  EXPECT_TRUE(last.keys.empty());
  EXPECT_FALSE(last.continuation);
}

TEST(S3Xml, UploadIdErrorsAndCompletion) {
  EXPECT_EQ(parse_upload_id("<InitiateMultipartUploadResult><Bucket>b</Bucket><Key>k</Key><UploadId>VXBsb2Fk</UploadId>"
                            "</InitiateMultipartUploadResult>"),
            "VXBsb2Fk");
  EXPECT_THROW(parse_upload_id("<Nothing/>"), std::runtime_error);
  const auto error = parse_error("<Error><Code>NoSuchBucket</Code><Message>The specified bucket does not exist</Message></Error>");
  ASSERT_TRUE(error);
  EXPECT_EQ(error->code, "NoSuchBucket");
  EXPECT_EQ(error->message, "The specified bucket does not exist");
  EXPECT_FALSE(parse_error("<CompleteMultipartUploadResult/>"));
  EXPECT_EQ(complete_multipart_xml({"\"a\"", "\"b\""}),
            "<CompleteMultipartUpload><Part><PartNumber>1</PartNumber><ETag>&quot;a&quot;</ETag></Part>"
            "<Part><PartNumber>2</PartNumber><ETag>&quot;b&quot;</ETag></Part></CompleteMultipartUpload>");
}

}  // namespace clipgen::storage
