#pragma once
// Exit codes of the clipgen binary, shared by every command.
namespace clipgen::app {

inline constexpr int kExitOk = 0;
inline constexpr int kExitFailure = 1;    // an internal or environment error
inline constexpr int kExitBadInput = 2;   // the input file or a flag must be fixed by the user
inline constexpr int kExitCanceled = 130; // interrupted (SIGINT)

}  // namespace clipgen::app
