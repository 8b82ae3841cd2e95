#include "app/dotenv.h"

#include <cctype>
#include <cstdlib>
#include <fstream>
#include <sstream>
#include <stdexcept>

namespace clipgen::app {
namespace {

std::string trim(const std::string& s) {
  const auto first = s.find_first_not_of(" \t\r");
  if (first == std::string::npos) return "";
  return s.substr(first, s.find_last_not_of(" \t\r") - first + 1);
}

bool valid_name(const std::string& name) {
  if (name.empty() || std::isdigit(static_cast<unsigned char>(name[0]))) return false;
  for (char c : name)
    if (!std::isalnum(static_cast<unsigned char>(c)) && c != '_') return false;
  return true;
}

}  // namespace

std::vector<std::pair<std::string, std::string>> parse_dotenv(const std::string& text) {
  std::vector<std::pair<std::string, std::string>> out;
  std::istringstream lines(text);
  std::string line;
  for (int number = 1; std::getline(lines, line); ++number) {
    line = trim(line);
    if (line.empty() || line[0] == '#') continue;
    if (line.rfind("export ", 0) == 0) line = trim(line.substr(7));
    const auto eq = line.find('=');
    const std::string name = eq == std::string::npos ? "" : trim(line.substr(0, eq));
    if (!valid_name(name)) throw std::invalid_argument(".env line " + std::to_string(number) + ": expected NAME=VALUE");
    std::string value = trim(line.substr(eq + 1));
    if (value.size() >= 2 && (value.front() == '"' || value.front() == '\'') && value.back() == value.front()) {
      value = value.substr(1, value.size() - 2);
    } else if (const auto hash = value.find(" #"); hash != std::string::npos) {
      value = trim(value.substr(0, hash));  // an unquoted value may carry a trailing comment
    }
    out.emplace_back(name, value);
  }
  return out;
}

void load_dotenv(const std::filesystem::path& path) {
  std::ifstream in(path);
  if (!in) return;  // no .env is the normal case
  std::stringstream text;
  text << in.rdbuf();
  for (const auto& [name, value] : parse_dotenv(text.str())) setenv(name.c_str(), value.c_str(), /*overwrite=*/0);
}

}  // namespace clipgen::app
