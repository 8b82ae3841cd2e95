#pragma once
// A `clipgen serve` or `clipgen worker` process for a test: started with its own data dir and
// environment, logs to a file, stopped (or killed) at the end.
#include <sys/types.h>

#include <filesystem>
#include <map>
#include <string>
#include <vector>

#include "db/database.h"

namespace clipgen::testing {

// A TCP port on 127.0.0.1 that nothing listens on right now.
int free_port();

class ServiceProcess {
 public:
  // Runs CLIPGEN_BINARY with `args`. The environment is this process's without any clipgen,
  // database or storage settings, plus `env`.
  ServiceProcess(const std::vector<std::string>& args, const std::map<std::string, std::string>& env,
                 const std::filesystem::path& log_file);
  ~ServiceProcess();  // SIGKILL when still running
  ServiceProcess(const ServiceProcess&) = delete;
  ServiceProcess& operator=(const ServiceProcess&) = delete;

  pid_t pid() const { return pid_; }
  void signal(int signal) const;
  // Waits for the process to end; its exit code, or 128 + signal.
  int wait();
  bool running();
  std::string log() const;

 private:
  pid_t pid_ = -1;
  int status_ = -1;
  std::filesystem::path log_file_;
};

// `clipgen serve` on a free port, answering /healthz before the constructor returns (throws
// with the server's log when it exits instead).
class TestServer {
 public:
  struct Options {
    std::filesystem::path data_dir;
    std::string database_url;  // empty: SQLite in the data dir
    std::vector<std::string> extra_args;
    std::map<std::string, std::string> env;
  };
  explicit TestServer(const Options& options);

  int port() const { return port_; }
  ServiceProcess& process() { return *process_; }
  // Stops it with SIGKILL, then starts it again on the same port and data.
  void kill_and_restart();

 private:
  void start();

  Options options_;
  int port_ = 0;
  int starts_ = 0;
  std::unique_ptr<ServiceProcess> process_;
};

// The secret every test server runs with (made by `openssl rand -hex 32`); tests sign their own
// tokens and links with the keys the server derives from it (auth::derive_service_keys).
inline constexpr const char* kTestSecret = "5f0c9e62d1a84b7397e0c3f1a6b25d48e9c70f13b2d4a6859e1f07c3d8b2a4e6";

// The dialect this run of the suite uses: CLIPGEN_TEST_DIALECT=postgresql (ctest registers
// each suite once per dialect), SQLite otherwise.
db::Dialect test_dialect();

}  // namespace clipgen::testing
