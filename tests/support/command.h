#pragma once
// Runs a program for a test and captures what it printed and how it exited.
#include <string>
#include <vector>

namespace clipgen::testing {

struct CommandResult {
  int exit_code = -1;  // 128 + signal when killed by one
  std::string out;
  std::string err;
};

// Runs argv[0] (searched in PATH) with the given arguments; blocks until it exits.
CommandResult run_command(const std::vector<std::string>& argv);

// The last `lines` lines of a program's output: where a chatty program says what went wrong.
std::string last_lines(const std::string& text, std::size_t lines);

}  // namespace clipgen::testing
