#include "server_process.h"

#include <arpa/inet.h>
#include <fcntl.h>
#include <httplib.h>
#include <netinet/in.h>
#include <signal.h>
#include <spawn.h>
#include <sys/socket.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cstdlib>
#include <fstream>
#include <memory>
#include <sstream>
#include <stdexcept>
#include <thread>

extern char** environ;

namespace fs = std::filesystem;

namespace clipgen::testing {
namespace {

bool inherited(const std::string& entry) {
  for (const char* prefix : {"CLIPGEN_", "DATABASE_URL=", "SECRET_KEY=", "STORAGE_", "GEMINI_", "OPENAI_"}) {
    if (entry.rfind(prefix, 0) == 0) return false;
  }
  return true;
}

}  // namespace

int free_port() {
  const int fd = ::socket(AF_INET, SOCK_STREAM, 0);
  sockaddr_in address{};
  address.sin_family = AF_INET;
  address.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
  socklen_t length = sizeof(address);
  if (::bind(fd, reinterpret_cast<sockaddr*>(&address), sizeof(address)) != 0 ||
      ::getsockname(fd, reinterpret_cast<sockaddr*>(&address), &length) != 0) {
    ::close(fd);
    throw std::runtime_error("no free port");
  }
  ::close(fd);
  return ntohs(address.sin_port);
}

db::Dialect test_dialect() {
  const char* dialect = std::getenv("CLIPGEN_TEST_DIALECT");
  return dialect && std::string(dialect) == "postgresql" ? db::Dialect::postgresql : db::Dialect::sqlite;
}

ServiceProcess::ServiceProcess(const std::vector<std::string>& args, const std::map<std::string, std::string>& env,
                               const fs::path& log_file)
    : log_file_(log_file) {
  std::vector<std::string> argv_storage = {CLIPGEN_BINARY};
  argv_storage.insert(argv_storage.end(), args.begin(), args.end());
  std::vector<std::string> env_storage;
  for (char** entry = environ; *entry; ++entry) {
    if (inherited(*entry)) env_storage.emplace_back(*entry);
  }
  for (const auto& [key, value] : env) env_storage.push_back(key + "=" + value);

  std::vector<char*> argv;
  for (auto& a : argv_storage) argv.push_back(a.data());
  argv.push_back(nullptr);
  std::vector<char*> envp;
  for (auto& e : env_storage) envp.push_back(e.data());
  envp.push_back(nullptr);

  posix_spawn_file_actions_t actions;
  posix_spawn_file_actions_init(&actions);
  posix_spawn_file_actions_addopen(&actions, STDIN_FILENO, "/dev/null", O_RDONLY, 0);
  posix_spawn_file_actions_addopen(&actions, STDOUT_FILENO, log_file.c_str(), O_WRONLY | O_CREAT | O_APPEND, 0644);
  posix_spawn_file_actions_adddup2(&actions, STDOUT_FILENO, STDERR_FILENO);
  const int rc = posix_spawn(&pid_, argv[0], &actions, nullptr, argv.data(), envp.data());
  posix_spawn_file_actions_destroy(&actions);
  if (rc != 0) throw std::runtime_error("cannot start " + argv_storage[0]);
}

ServiceProcess::~ServiceProcess() {
  if (running()) {
    ::kill(pid_, SIGKILL);
    wait();
  }
}

void ServiceProcess::signal(int signal) const { ::kill(pid_, signal); }

int ServiceProcess::wait() {
  if (status_ < 0) {
    int status = 0;
    ::waitpid(pid_, &status, 0);
    status_ = WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status);
  }
  return status_;
}

bool ServiceProcess::running() {
  if (status_ >= 0) return false;
  int status = 0;
  if (::waitpid(pid_, &status, WNOHANG) == 0) return true;
  status_ = WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status);
  return false;
}

std::string ServiceProcess::log() const {
  std::ifstream in(log_file_);
  std::stringstream text;
  text << in.rdbuf();
  return text.str();
}

TestServer::TestServer(const Options& options) : options_(options), port_(free_port()) { start(); }

void TestServer::start() {
  fs::create_directories(options_.data_dir);
  std::vector<std::string> args = {"serve", "--port", std::to_string(port_), "--data-dir", options_.data_dir.string()};
  if (!options_.database_url.empty()) {
    args.push_back("--database-url");
    args.push_back(options_.database_url);
  }
  args.insert(args.end(), options_.extra_args.begin(), options_.extra_args.end());
  auto env = options_.env;
  env.emplace("SECRET_KEY", kTestSecret);
  // Suites register many users from 127.0.0.1; the registration throttle has its own test.
  env.emplace("CLIPGEN_REGISTRATIONS_PER_HOUR", "100000");
  process_ = std::make_unique<ServiceProcess>(args, env, options_.data_dir / ("serve-" + std::to_string(++starts_) + ".log"));
  httplib::Client client("127.0.0.1", port_);
  while (true) {
    if (auto res = client.Get("/healthz"); res && res->status == 200) return;
    if (!process_->running()) throw std::runtime_error("clipgen serve exited:\n" + process_->log());
    std::this_thread::sleep_for(std::chrono::milliseconds(50));
  }
}

void TestServer::kill_and_restart() {
  process_->signal(SIGKILL);
  process_->wait();
  start();
}

}  // namespace clipgen::testing
