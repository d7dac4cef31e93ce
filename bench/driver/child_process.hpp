// A host started as a browser starts it: stdin and stdout are pipes, stderr is discarded, the
// environment is given in full. Plain POSIX (posix_spawn + wait4) so that the driver adds as
// little as possible to what it measures, and so that wait4 reports the child's peak memory.
#pragma once
#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <sys/resource.h>
#include <sys/types.h>
#include <vector>

namespace notrain::bench {

struct ExitInfo {
  int status = -1;         // exit code, or -1 when killed by a signal
  long peak_rss_kib = 0;   // the child's VmHWM when sampled (see wait), else 0
  double cpu_seconds = 0;  // user + system
};

class ChildProcess {
 public:
  // Starts argv[0] (a path) with exactly `environment`. Throws std::runtime_error on failure.
  ChildProcess(const std::vector<std::string>& argv, const std::vector<std::string>& environment);
  ~ChildProcess();
  ChildProcess(const ChildProcess&) = delete;
  ChildProcess& operator=(const ChildProcess&) = delete;

  void write_all(std::string_view bytes);
  // The next frame's body, or nullopt when the child closed its stdout.
  std::optional<std::string> read_frame();
  void close_input();
  // Closes stdin if still open and waits for the exit. With `sample_memory`, reads the child's peak
  // resident size (VmHWM in /proc) before closing stdin and every millisecond until it exits: wait4's
  // ru_maxrss cannot be used, as exec after posix_spawn's vfork charges the driver's own size to the
  // child. Sampling delays the return by up to a millisecond: never use it around a timed exit.
  ExitInfo wait(bool sample_memory = false);

 private:
  bool fill(std::size_t count);

  pid_t pid_ = -1;
  int in_fd_ = -1;   // our end of the child's stdin
  int out_fd_ = -1;  // our end of the child's stdout
  // Buffered reads: a pipelined run returns thousands of frames, one read() each would be the
  // driver's cost, not the host's.
  std::string buffer_;
  std::size_t start_ = 0, end_ = 0;
};

std::string encode_frame(std::string_view body);

// The current environment with `overrides` ("NAME=value") replacing or adding entries.
std::vector<std::string> environment_with(const std::vector<std::string>& overrides);

}  // namespace notrain::bench
