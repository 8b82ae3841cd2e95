#pragma once
// A test fixture whose tests share one `clipgen serve`: on the database dialect under test
// (support/test_database.h), with a data folder of its own under the test work folder, stopped
// and removed after the suite. `Suite` is the deriving fixture (each gets its own server); it
// names its data folder with `static constexpr const char* kDataPrefix`.
#include <gtest/gtest.h>

#include <filesystem>
#include <memory>
#include <string>

#include "db/ids.h"
#include "server_process.h"
#include "support/test_database.h"

namespace clipgen::testing {

template <typename Suite>
class ServerSuite : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    database_ = std::make_unique<TestDatabase>(test_dialect());
    data_dir_ = std::filesystem::path(CLIPGEN_TEST_WORK_DIR) / (Suite::kDataPrefix + db::new_id().substr(0, 8));
    server_ = std::make_unique<TestServer>(TestServer::Options{.data_dir = data_dir_, .database_url = database_->url()});
  }
  static void TearDownTestSuite() {
    server_.reset();
    database_.reset();
    std::filesystem::remove_all(data_dir_);
  }

  static inline std::unique_ptr<TestDatabase> database_;
  static inline std::unique_ptr<TestServer> server_;
  static inline std::filesystem::path data_dir_;
};

}  // namespace clipgen::testing
