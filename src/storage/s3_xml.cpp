#include "storage/s3_xml.h"

#include <fmt/format.h>

#include <stdexcept>
#include <string_view>

namespace clipgen::storage {

namespace {

// The text of each <name>...</name> in order, unescaped.
std::vector<std::string> elements(const std::string& xml, std::string_view name) {
  std::vector<std::string> out;
  const std::string open = fmt::format("<{}>", name);
  const std::string close = fmt::format("</{}>", name);
  for (std::size_t at = xml.find(open); at != std::string::npos; at = xml.find(open, at)) {
    const std::size_t begin = at + open.size();
    const std::size_t end = xml.find(close, begin);
    if (end == std::string::npos) break;
    out.push_back(xml_unescape(xml.substr(begin, end - begin)));
    at = end + close.size();
  }
  return out;
}

std::optional<std::string> element(const std::string& xml, std::string_view name) {
  auto all = elements(xml, name);
  if (all.empty()) return std::nullopt;
  return std::move(all.front());
}

void append_utf8(std::string& out, unsigned long code) {
  if (code < 0x80) {
    out.push_back(static_cast<char>(code));
  } else if (code < 0x800) {
    out.push_back(static_cast<char>(0xC0 | (code >> 6)));
    out.push_back(static_cast<char>(0x80 | (code & 0x3F)));
  } else if (code < 0x10000) {
    out.push_back(static_cast<char>(0xE0 | (code >> 12)));
    out.push_back(static_cast<char>(0x80 | ((code >> 6) & 0x3F)));
    out.push_back(static_cast<char>(0x80 | (code & 0x3F)));
  } else {
    out.push_back(static_cast<char>(0xF0 | (code >> 18)));
    out.push_back(static_cast<char>(0x80 | ((code >> 12) & 0x3F)));
    out.push_back(static_cast<char>(0x80 | ((code >> 6) & 0x3F)));
    out.push_back(static_cast<char>(0x80 | (code & 0x3F)));
  }
}

}  // namespace

std::string xml_escape(const std::string& text) {
  std::string out;
  for (char c : text) {
    switch (c) {
      case '&': out += "&amp;"; break;
      case '<': out += "&lt;"; break;
      case '>': out += "&gt;"; break;
      case '"': out += "&quot;"; break;
      case '\'': out += "&apos;"; break;
      default: out.push_back(c);
    }
  }
  return out;
}

std::string xml_unescape(const std::string& text) {
  std::string out;
  for (std::size_t i = 0; i < text.size(); ++i) {
    const std::size_t semi = text[i] == '&' ? text.find(';', i) : std::string::npos;
    if (semi == std::string::npos) {
      out.push_back(text[i]);
      continue;
    }
    const std::string_view entity(text.data() + i + 1, semi - i - 1);
    if (entity == "amp") out.push_back('&');
    else if (entity == "lt") out.push_back('<');
    else if (entity == "gt") out.push_back('>');
    else if (entity == "quot") out.push_back('"');
    else if (entity == "apos") out.push_back('\'');
    else if (entity.starts_with("#x") || entity.starts_with("#X"))
      append_utf8(out, std::stoul(std::string(entity.substr(2)), nullptr, 16));
    else if (entity.starts_with('#'))
      append_utf8(out, std::stoul(std::string(entity.substr(1))));
    else {
      out.push_back(text[i]);
      continue;
    }
    i = semi;
  }
  return out;
}

ListPage parse_list_page(const std::string& xml) {
  ListPage page;
  page.keys = elements(xml, "Key");
  if (element(xml, "IsTruncated") == "true") page.continuation = element(xml, "NextContinuationToken");
  return page;
}

std::string parse_upload_id(const std::string& xml) {
  auto id = element(xml, "UploadId");
  if (!id || id->empty()) throw std::runtime_error("S3 started a multipart upload but returned no UploadId");
  return *id;
}

std::optional<S3ErrorBody> parse_error(const std::string& xml) {
  if (xml.find("<Error>") == std::string::npos) return std::nullopt;
  return S3ErrorBody{element(xml, "Code").value_or(""), element(xml, "Message").value_or("")};
}

std::string complete_multipart_xml(const std::vector<std::string>& etags) {
  std::string xml = "<CompleteMultipartUpload>";
  for (std::size_t i = 0; i < etags.size(); ++i)
    xml += fmt::format("<Part><PartNumber>{}</PartNumber><ETag>{}</ETag></Part>", i + 1, xml_escape(etags[i]));
  return xml + "</CompleteMultipartUpload>";
}

}  // namespace clipgen::storage
