#pragma once
// Settings from a .env file, the way users of the FastAPI original keep them: KEY=VALUE lines.
#include <filesystem>
#include <string>
#include <utility>
#include <vector>

namespace clipgen::app {

// The assignments in .env text: `KEY=VALUE`, `export KEY=VALUE`, values optionally in single
// or double quotes; blank lines and # comments ignored. Throws std::invalid_argument naming
// the line for anything else.
std::vector<std::pair<std::string, std::string>> parse_dotenv(const std::string& text);

// Loads `path` if it exists into the process environment; variables already set win.
void load_dotenv(const std::filesystem::path& path);

}  // namespace clipgen::app
