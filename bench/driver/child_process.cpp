#include "child_process.hpp"

#include <cerrno>
#include <cstdint>
#include <algorithm>
#include <csignal>
#include <fstream>
#include <cstring>
#include <fcntl.h>
#include <spawn.h>
#include <stdexcept>
#include <sys/wait.h>
#include <unistd.h>

namespace notrain::bench {
namespace {

[[noreturn]] void fail(const std::string& what) { throw std::runtime_error(what + ": " + std::strerror(errno)); }

std::vector<char*> c_strings(const std::vector<std::string>& strings) {
  std::vector<char*> pointers;
  pointers.reserve(strings.size() + 1);
  for (const std::string& text : strings) pointers.push_back(const_cast<char*>(text.c_str()));
  pointers.push_back(nullptr);
  return pointers;
}

// VmHWM of a live process in KiB, 0 when it cannot be read (already exited).
long peak_rss_of(pid_t pid) {
  std::ifstream status("/proc/" + std::to_string(pid) + "/status");
  for (std::string line; std::getline(status, line);) {
    if (line.starts_with("VmHWM:")) return std::stol(line.substr(6));
  }
  return 0;
}

}  // namespace

ChildProcess::ChildProcess(const std::vector<std::string>& argv, const std::vector<std::string>& environment)
    : buffer_(1 << 16, '\0') {
  int to_child[2];
  int from_child[2];
  // O_CLOEXEC on every end: the child keeps only what dup2 gives it as 0 and 1.
  if (::pipe2(to_child, O_CLOEXEC) != 0) fail("pipe");
  if (::pipe2(from_child, O_CLOEXEC) != 0) fail("pipe");
  posix_spawn_file_actions_t actions;
  posix_spawn_file_actions_init(&actions);
  posix_spawn_file_actions_adddup2(&actions, to_child[0], STDIN_FILENO);
  posix_spawn_file_actions_adddup2(&actions, from_child[1], STDOUT_FILENO);
  posix_spawn_file_actions_addopen(&actions, STDERR_FILENO, "/dev/null", O_WRONLY, 0);
  const std::vector<char*> args = c_strings(argv);
  const std::vector<char*> env = c_strings(environment);
  const int error = ::posix_spawn(&pid_, argv.at(0).c_str(), &actions, nullptr, args.data(), env.data());
  posix_spawn_file_actions_destroy(&actions);
  ::close(to_child[0]);
  ::close(from_child[1]);
  in_fd_ = to_child[1];
  out_fd_ = from_child[0];
  if (error != 0) {
    errno = error;
    fail("cannot start " + argv.at(0));
  }
}

ChildProcess::~ChildProcess() {
  if (pid_ > 0) {
    ::kill(pid_, SIGKILL);
    try {
      wait();
    } catch (const std::exception&) {  // nothing more to do for a child we could not reap
    }
  }
  if (out_fd_ >= 0) ::close(out_fd_);
}

void ChildProcess::write_all(std::string_view bytes) {
  while (!bytes.empty()) {
    const ssize_t put = ::write(in_fd_, bytes.data(), bytes.size());
    if (put < 0 && errno == EINTR) continue;
    if (put <= 0) fail("writing to the host");
    bytes.remove_prefix(static_cast<std::size_t>(put));
  }
}

bool ChildProcess::fill(std::size_t count) {
  if (end_ - start_ >= count) return true;
  if (start_ > 0) {  // keep the unread bytes at the front
    std::memmove(buffer_.data(), buffer_.data() + start_, end_ - start_);
    end_ -= start_;
    start_ = 0;
  }
  if (buffer_.size() < count) buffer_.resize(count);
  while (end_ < count) {
    const ssize_t got = ::read(out_fd_, buffer_.data() + end_, buffer_.size() - end_);
    if (got < 0 && errno == EINTR) continue;
    if (got <= 0) return false;
    end_ += static_cast<std::size_t>(got);
  }
  return true;
}

std::optional<std::string> ChildProcess::read_frame() {
  if (!fill(4)) return std::nullopt;
  std::uint32_t length = 0;
  std::memcpy(&length, buffer_.data() + start_, 4);
  if (!fill(4 + std::size_t{length})) return std::nullopt;
  std::string body(buffer_.data() + start_ + 4, length);
  start_ += 4 + std::size_t{length};
  return body;
}

void ChildProcess::close_input() {
  if (in_fd_ >= 0) ::close(in_fd_);
  in_fd_ = -1;
}

ExitInfo ChildProcess::wait(bool sample_memory) {
  ExitInfo info;
  if (sample_memory && pid_ > 0) info.peak_rss_kib = peak_rss_of(pid_);
  close_input();
  if (pid_ <= 0) return info;
  int status = 0;
  struct rusage usage {};
  for (;;) {
    const pid_t done = ::wait4(pid_, &status, sample_memory ? WNOHANG : 0, &usage);
    if (done == pid_) break;
    if (done < 0 && errno != EINTR) fail("waiting for the host");
    if (done == 0) {
      info.peak_rss_kib = std::max(info.peak_rss_kib, peak_rss_of(pid_));
      ::usleep(1000);
    }
  }
  pid_ = -1;
  info.status = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
  info.cpu_seconds = static_cast<double>(usage.ru_utime.tv_sec + usage.ru_stime.tv_sec) +
                     static_cast<double>(usage.ru_utime.tv_usec + usage.ru_stime.tv_usec) / 1e6;
  return info;
}

std::string encode_frame(std::string_view body) {
  const auto length = static_cast<std::uint32_t>(body.size());
  std::string frame(4 + body.size(), '\0');
  std::memcpy(frame.data(), &length, 4);
  std::memcpy(frame.data() + 4, body.data(), body.size());
  return frame;
}

std::vector<std::string> environment_with(const std::vector<std::string>& overrides) {
  std::vector<std::string> result;
  for (char** entry = environ; *entry != nullptr; ++entry) {
    const std::string_view text(*entry);
    const std::string_view name = text.substr(0, text.find('='));
    bool replaced = false;
    for (const std::string& override_entry : overrides) {
      if (std::string_view(override_entry).substr(0, override_entry.find('=')) == name) replaced = true;
    }
    if (!replaced) result.emplace_back(text);
  }
  result.insert(result.end(), overrides.begin(), overrides.end());
  return result;
}

}  // namespace notrain::bench
