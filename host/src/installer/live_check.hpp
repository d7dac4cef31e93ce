// Starts the host exactly as a browser would (same arguments, stdin and stdout pipes, no terminal),
// sends `hello` in one frame and reads one reply frame, with a deadline. This is what finds the
// faults a manifest check cannot: a crash, a missing library, stray bytes on stdout.
#pragma once
#include <chrono>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

namespace notrain::installer {

enum class LiveOutcome {
  Answered,     // one well-formed reply frame; see `reply`
  CannotStart,  // exec failed (missing, not executable, bad interpreter)
  ExitedEarly,  // the host closed stdout before a whole reply
  NotAFrame,    // the first bytes announce an impossible length (text on stdout, usually)
  NotJson,      // a frame whose body is not JSON
  TimedOut,     // no reply before the deadline
};

struct LiveResult {
  LiveOutcome outcome = LiveOutcome::TimedOut;
  nlohmann::json reply;                  // the parsed reply (Answered)
  std::chrono::milliseconds elapsed{0};  // from start to the end of the reply
  std::string detail;                    // error text, or the first bytes seen, for people
  std::string stderr_text;               // what the host wrote to stderr (truncated)
  std::optional<int> exit_code;          // when the host exited during the check
  bool exited_on_eof = true;             // Answered only: the host exited once its stdin closed
};

LiveResult run_hello(const std::string& binary, const std::vector<std::string>& arguments,
                     std::chrono::milliseconds timeout);

}  // namespace notrain::installer
