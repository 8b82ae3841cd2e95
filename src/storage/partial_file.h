#pragma once
// Files being written carry a ".partial-" name beside their target until they are renamed into
// place, so a reader never sees half an object and listings can skip them.
#include <filesystem>
#include <string_view>

namespace clipgen::storage {

inline constexpr std::string_view kPartialPrefix = ".partial-";

// A fresh name next to `target`, unique within this machine.
std::filesystem::path partial_path_for(const std::filesystem::path& target);

bool is_partial(const std::filesystem::path& file);

}  // namespace clipgen::storage
