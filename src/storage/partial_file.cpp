#include "storage/partial_file.h"

#include <fmt/format.h>
#include <unistd.h>

#include <atomic>

namespace clipgen::storage {

std::filesystem::path partial_path_for(const std::filesystem::path& target) {
  static std::atomic<unsigned> counter{0};
  return target.parent_path() /
         fmt::format("{}{}-{}-{}", kPartialPrefix, ::getpid(), counter++, target.filename().string());
}

bool is_partial(const std::filesystem::path& file) { return file.filename().string().starts_with(kPartialPrefix); }

}  // namespace clipgen::storage
