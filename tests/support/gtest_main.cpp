// The main of every test binary: GoogleTest's, except that no test passes by being skipped.
// GoogleTest skips the tests of a suite whose SetUpTestSuite failed (a server that did not start,
// a fixture that is not running), and CTest, reading "[  SKIPPED ]", counts them as passed: a
// PostgreSQL run without its database once looked green that way. No test here skips on purpose,
// so a skipped test is reported as failed and the binary exits 1.
#include <gtest/gtest.h>

#include <cstdio>
#include <memory>

namespace {

// GoogleTest's own printer, with skipped tests printed as failures.
class SkippedIsFailed : public ::testing::TestEventListener {
 public:
  explicit SkippedIsFailed(::testing::TestEventListener* printer) : printer_(printer) {}

  void OnTestProgramStart(const ::testing::UnitTest& unit) override { printer_->OnTestProgramStart(unit); }
  void OnTestIterationStart(const ::testing::UnitTest& unit, int i) override {
    printer_->OnTestIterationStart(unit, i);
  }
  void OnEnvironmentsSetUpStart(const ::testing::UnitTest& unit) override {
    printer_->OnEnvironmentsSetUpStart(unit);
  }
  void OnEnvironmentsSetUpEnd(const ::testing::UnitTest& unit) override { printer_->OnEnvironmentsSetUpEnd(unit); }
  void OnTestSuiteStart(const ::testing::TestSuite& suite) override { printer_->OnTestSuiteStart(suite); }
#ifndef GTEST_REMOVE_LEGACY_TEST_CASEAPI_
  // The printer prints a suite's header and footer from these (GoogleTest calls both names).
  void OnTestCaseStart(const ::testing::TestCase& suite) override { printer_->OnTestCaseStart(suite); }
  void OnTestCaseEnd(const ::testing::TestCase& suite) override { printer_->OnTestCaseEnd(suite); }
#endif
  void OnTestStart(const ::testing::TestInfo& info) override { printer_->OnTestStart(info); }
  void OnTestDisabled(const ::testing::TestInfo& info) override { printer_->OnTestDisabled(info); }
  void OnTestPartResult(const ::testing::TestPartResult& result) override { printer_->OnTestPartResult(result); }
  void OnTestEnd(const ::testing::TestInfo& info) override {
    if (!info.result()->Skipped()) return printer_->OnTestEnd(info);
    std::printf("[  FAILED  ] %s.%s: not run, its suite's setup failed (above)\n", info.test_suite_name(), info.name());
    std::fflush(stdout);
  }
  void OnTestSuiteEnd(const ::testing::TestSuite& suite) override { printer_->OnTestSuiteEnd(suite); }
  void OnEnvironmentsTearDownStart(const ::testing::UnitTest& unit) override {
    printer_->OnEnvironmentsTearDownStart(unit);
  }
  void OnEnvironmentsTearDownEnd(const ::testing::UnitTest& unit) override {
    printer_->OnEnvironmentsTearDownEnd(unit);
  }
  void OnTestIterationEnd(const ::testing::UnitTest& unit, int i) override {
    if (unit.skipped_test_count() == 0) return printer_->OnTestIterationEnd(unit, i);
    std::printf("[  FAILED  ] %d of %d tests not run: their suite's setup failed\n", unit.skipped_test_count(),
                unit.test_to_run_count());
    std::fflush(stdout);
  }
  void OnTestProgramEnd(const ::testing::UnitTest& unit) override { printer_->OnTestProgramEnd(unit); }

 private:
  std::unique_ptr<::testing::TestEventListener> printer_;
};

}  // namespace

int main(int argc, char** argv) {
  ::testing::InitGoogleTest(&argc, argv);
  auto& listeners = ::testing::UnitTest::GetInstance()->listeners();
  listeners.Append(new SkippedIsFailed(listeners.Release(listeners.default_result_printer())));
  const int status = RUN_ALL_TESTS();
  return ::testing::UnitTest::GetInstance()->skipped_test_count() > 0 ? 1 : status;
}
