#include "storage/s3_storage.h"

#include <fmt/format.h>
#include <openssl/evp.h>

#include <atomic>
#include <cstdio>
#include <memory>
#include <mutex>
#include <thread>

#include "storage/partial_file.h"
#include "storage/s3_request.h"
#include "storage/s3_xml.h"
#include "storage/storage_key.h"

namespace clipgen::storage {

namespace fs = std::filesystem;

struct S3Storage::Transfer {
  std::string body;
  fs::path body_file;
  std::uint64_t body_offset = 0;
  std::uint64_t body_length = UINT64_MAX;
  fs::path response_file;
};

namespace {

struct DigestDeleter {
  void operator()(EVP_MD_CTX* ctx) const { EVP_MD_CTX_free(ctx); }
};
struct FileCloser {
  void operator()(std::FILE* file) const { std::fclose(file); }
};

std::string sha256_of_file_range(const fs::path& path, std::uint64_t offset, std::uint64_t length) {
  std::unique_ptr<std::FILE, FileCloser> file(std::fopen(path.c_str(), "rb"));
  if (!file || std::fseek(file.get(), static_cast<long>(offset), SEEK_SET) != 0)
    throw std::runtime_error(fmt::format("cannot read {} to upload it", path.string()));
  std::unique_ptr<EVP_MD_CTX, DigestDeleter> ctx(EVP_MD_CTX_new());
  if (!ctx || !EVP_DigestInit_ex(ctx.get(), EVP_sha256(), nullptr)) throw std::runtime_error("OpenSSL SHA-256 failed");
  std::vector<char> buffer(1 << 16);
  while (length > 0) {
    const std::size_t got = std::fread(buffer.data(), 1, std::min<std::uint64_t>(buffer.size(), length), file.get());
    if (got == 0) break;
    EVP_DigestUpdate(ctx.get(), buffer.data(), got);
    length -= got;
  }
  unsigned char digest[EVP_MAX_MD_SIZE];
  unsigned int size = 0;
  EVP_DigestFinal_ex(ctx.get(), digest, &size);
  return sigv4::to_hex({reinterpret_cast<const char*>(digest), size});
}

bool is_success(long status) { return status >= 200 && status < 300; }

std::string describe_failure(const net::HttpResponse& response) {
  if (auto error = parse_error(response.body))
    return fmt::format("HTTP {} {}: {}", response.status, error->code, error->message);
  return fmt::format("HTTP {}", response.status);
}

}  // namespace

S3Storage::S3Storage(S3Config config, S3Options options) : config_(std::move(config)), options_(options) {
  if (options_.part_size < (5ull << 20)) options_.part_size = 5ull << 20;
  if (options_.parallel_parts == 0) options_.parallel_parts = 1;
}

net::HttpResponse S3Storage::send(net::HttpClient& client, const S3Operation& operation, const Transfer& transfer,
                                  const std::string& what) {
  auto make_request = [&] {
    const SignedS3Request signed_request = sign_s3_request(config_, operation, std::chrono::system_clock::now());
    net::HttpRequest request;
    request.method = operation.method;
    request.url = signed_request.url;
    request.headers = signed_request.headers;
    request.body = transfer.body;
    request.body_file = transfer.body_file;
    request.body_offset = transfer.body_offset;
    request.body_length = transfer.body_length;
    request.response_file = transfer.response_file;
    request.timeout_seconds = options_.timeout_seconds;
    request.connect_timeout_seconds = options_.connect_timeout_seconds;
    return request;
  };
  try {
    return net::send_with_retries(client, options_.retry, make_request);
  } catch (const net::TransportError& e) {
    throw std::runtime_error(fmt::format("cannot reach S3 bucket '{}' at {} to {} after {} tries: {}", config_.bucket,
                                         config_.endpoint.empty() ? "AWS" : config_.endpoint, what,
                                         options_.retry.attempts, e.what()));
  }
}

std::string S3Storage::payload_hash(const fs::path& file, std::uint64_t offset, std::uint64_t length) const {
  // Over TLS the body is already protected in transit; hashing it would read every byte twice.
  if (config_.endpoint.empty() || config_.endpoint.starts_with("https://")) return std::string(sigv4::kUnsignedPayload);
  return sha256_of_file_range(file, offset, length);
}

void S3Storage::put_file(const std::string& key, const fs::path& source, const std::string& content_type) {
  check_key(key);
  std::error_code ec;
  const std::uint64_t bytes = fs::file_size(source, ec);
  if (ec) throw std::runtime_error(fmt::format("cannot store {} as '{}': {}", source.string(), key, ec.message()));
  if (bytes > options_.multipart_threshold)
    put_multipart(key, source, bytes, content_type);
  else
    put_single(key, source, bytes, content_type);
}

void S3Storage::put_single(const std::string& key, const fs::path& source, std::uint64_t bytes,
                           const std::string& content_type) {
  net::HttpClient client;
  const S3Operation operation{.method = "PUT", .key = key, .headers = {{"content-type", content_type}},
                              .payload_hash = payload_hash(source, 0, bytes)};
  const auto response = send(client, operation, {.body_file = source, .body_length = bytes}, "upload '" + key + "'");
  if (!is_success(response.status))
    throw std::runtime_error(fmt::format("S3 upload of '{}' failed: {}", key, describe_failure(response)));
}

void S3Storage::put_multipart(const std::string& key, const fs::path& source, std::uint64_t bytes,
                              const std::string& content_type) {
  // S3 allows 10,000 parts: grow the part size for files beyond that many parts.
  const std::uint64_t part_size = std::max(options_.part_size, (bytes + 9999) / 10000);
  const std::size_t part_count = static_cast<std::size_t>((bytes + part_size - 1) / part_size);
  const std::string what = "upload '" + key + "'";

  net::HttpClient client;
  const auto started = send(client,
                            {.method = "POST", .key = key, .query = {{"uploads", ""}},
                             .headers = {{"content-type", content_type}}},
                            {}, what);
  if (!is_success(started.status))
    throw std::runtime_error(fmt::format("S3 could not start the upload of '{}': {}", key, describe_failure(started)));
  const std::string upload_id = parse_upload_id(started.body);

  std::vector<std::string> etags(part_count);
  std::atomic<std::size_t> next_part{0};
  std::atomic<bool> failed{false};
  std::mutex error_mutex;
  std::exception_ptr first_error;
  auto upload_parts = [&] {
    try {
      net::HttpClient part_client;
      for (std::size_t i = next_part++; i < part_count && !failed; i = next_part++) {
        const std::uint64_t offset = i * part_size;
        const std::uint64_t length = std::min(part_size, bytes - offset);
        const S3Operation operation{.method = "PUT", .key = key,
                                    .query = {{"partNumber", std::to_string(i + 1)}, {"uploadId", upload_id}},
                                    .payload_hash = payload_hash(source, offset, length)};
        const auto response = send(part_client, operation,
                                   {.body_file = source, .body_offset = offset, .body_length = length}, what);
        const auto etag = response.headers.find("etag");
        if (!is_success(response.status) || etag == response.headers.end())
          throw std::runtime_error(fmt::format("S3 upload of part {} of '{}' failed: {}", i + 1, key,
                                               describe_failure(response)));
        etags[i] = etag->second;
      }
    } catch (...) {
      std::lock_guard lock(error_mutex);
      if (!first_error) first_error = std::current_exception();
      failed = true;
    }
  };
  {
    std::vector<std::jthread> workers;
    for (unsigned i = 0; i < std::min<std::size_t>(options_.parallel_parts, part_count); ++i)
      workers.emplace_back(upload_parts);
  }

  if (!first_error) {
    const auto completed = send(client,
                                {.method = "POST", .key = key, .query = {{"uploadId", upload_id}},
                                 .headers = {{"content-type", "application/xml"}},
                                 .payload_hash = sigv4::sha256_hex(complete_multipart_xml(etags))},
                                {.body = complete_multipart_xml(etags)}, what);
    // S3 can answer 200 and still report an error in the body of a completion.
    if (is_success(completed.status) && !parse_error(completed.body)) return;
    first_error = std::make_exception_ptr(std::runtime_error(
        fmt::format("S3 could not complete the upload of '{}': {}", key, describe_failure(completed))));
  }
  // Abort, so the parts already stored do not linger (and cost) in the bucket.
  std::string abort_note;
  try {
    const auto aborted = send(client, {.method = "DELETE", .key = key, .query = {{"uploadId", upload_id}}}, {},
                              "abort the upload of '" + key + "'");
    if (!is_success(aborted.status) && aborted.status != 404)
      abort_note = fmt::format(" (aborting the upload failed too: {}; upload id {})", describe_failure(aborted), upload_id);
  } catch (const std::exception& e) {
    abort_note = fmt::format(" (aborting the upload failed too: {}; upload id {})", e.what(), upload_id);
  }
  try {
    std::rethrow_exception(first_error);
  } catch (const std::exception& e) {
    throw std::runtime_error(e.what() + abort_note);
  }
}

void S3Storage::get_file(const std::string& key, const fs::path& destination) {
  check_key(key);
  if (destination.has_parent_path()) fs::create_directories(destination.parent_path());
  const fs::path partial = partial_path_for(destination);
  net::HttpClient client;
  net::HttpResponse response;
  try {
    response = send(client, {.method = "GET", .key = key}, {.response_file = partial}, "download '" + key + "'");
  } catch (...) {
    std::error_code ignored;
    fs::remove(partial, ignored);
    throw;
  }
  if (!is_success(response.status)) {
    std::error_code ignored;
    fs::remove(partial, ignored);
    if (response.status == 404) throw std::runtime_error(fmt::format("no stored object '{}'", key));
    throw std::runtime_error(fmt::format("S3 download of '{}' failed: {}", key, describe_failure(response)));
  }
  fs::rename(partial, destination);
}

std::string S3Storage::read_range(const std::string& key, std::uint64_t offset, std::uint64_t length) {
  check_key(key);
  if (length == 0) return {};
  net::HttpClient client;
  const auto response = send(client,
                             {.method = "GET", .key = key,
                              .headers = {{"range", fmt::format("bytes={}-{}", offset, offset + length - 1)}}},
                             {}, "read '" + key + "'");
  if (response.status == 404) throw std::runtime_error(fmt::format("no stored object '{}'", key));
  if (response.status == 416) return {};
  if (!is_success(response.status))
    throw std::runtime_error(fmt::format("S3 read of '{}' failed: {}", key, describe_failure(response)));
  // A server ignoring Range answers 200 with the whole object.
  if (response.status == 200) return response.body.substr(std::min<std::uint64_t>(offset, response.body.size()), length);
  return response.body;
}

std::optional<std::uint64_t> S3Storage::size(const std::string& key) {
  check_key(key);
  net::HttpClient client;
  const auto response = send(client, {.method = "HEAD", .key = key}, {}, "look up '" + key + "'");
  if (response.status == 404) return std::nullopt;
  const auto length = response.headers.find("content-length");
  if (!is_success(response.status) || length == response.headers.end())
    throw std::runtime_error(fmt::format("S3 lookup of '{}' failed: {}", key, describe_failure(response)));
  return std::stoull(length->second);
}

void S3Storage::remove(const std::string& key) {
  check_key(key);
  net::HttpClient client;
  const auto response = send(client, {.method = "DELETE", .key = key}, {}, "remove '" + key + "'");
  if (!is_success(response.status) && response.status != 404)
    throw std::runtime_error(fmt::format("S3 removal of '{}' failed: {}", key, describe_failure(response)));
}

void S3Storage::remove_prefix(const std::string& prefix) {
  for (const auto& key : list(prefix)) remove(key);
}

std::vector<std::string> S3Storage::list(const std::string& prefix) {
  std::vector<std::string> keys;
  net::HttpClient client;
  std::optional<std::string> continuation;
  do {
    S3Operation operation{.method = "GET",
                          .query = {{"list-type", "2"}, {"prefix", prefix},
                                    {"max-keys", std::to_string(options_.list_page_size)}}};
    if (continuation) operation.query.emplace_back("continuation-token", *continuation);
    const auto response = send(client, operation, {}, "list '" + prefix + "'");
    if (!is_success(response.status))
      throw std::runtime_error(fmt::format("S3 listing of '{}' failed: {}", prefix, describe_failure(response)));
    ListPage page = parse_list_page(response.body);
    keys.insert(keys.end(), page.keys.begin(), page.keys.end());
    continuation = std::move(page.continuation);
  } while (continuation);
  return keys;
}

std::optional<std::string> S3Storage::presigned_get(const std::string& key, std::chrono::seconds expires_in,
                                                    const std::string& download_filename) {
  check_key(key);
  S3Operation operation{.method = "GET", .key = key};
  if (!download_filename.empty())
    operation.query.emplace_back("response-content-disposition", attachment_disposition(download_filename));
  return presign_s3_url(config_, operation, expires_in, std::chrono::system_clock::now());
}

std::optional<std::string> S3Storage::presigned_put(const std::string& key, std::chrono::seconds expires_in,
                                                    const std::string& content_type,
                                                    std::optional<std::uint64_t> content_length) {
  check_key(key);
  S3Operation operation{.method = "PUT", .key = key};
  if (!content_type.empty()) operation.headers.emplace_back("content-type", content_type);
  if (content_length) operation.headers.emplace_back("content-length", std::to_string(*content_length));
  return presign_s3_url(config_, operation, expires_in, std::chrono::system_clock::now());
}

std::optional<fs::path> S3Storage::local_path(const std::string&) { return std::nullopt; }

}  // namespace clipgen::storage
