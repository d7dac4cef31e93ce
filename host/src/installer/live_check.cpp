#include "installer/live_check.hpp"

#include <csignal>
#include <cstdint>
#include <cstring>
#include <filesystem>
#include <optional>

// Boost 1.81's Process v2 uses boost::filesystem (not installed as a library) unless told to use
// std::filesystem, and in that mode it forgets to include these two headers itself.
#include <boost/optional.hpp>
#include <boost/type_traits.hpp>
#define BOOST_PROCESS_USE_STD_FS 1
#include <boost/asio.hpp>
#include <boost/process/v2.hpp>

#include "framing.hpp"

namespace notrain::installer {
namespace {

namespace asio = boost::asio;
namespace bp = boost::process::v2;
using Clock = std::chrono::steady_clock;
using boost::system::error_code;

constexpr std::size_t kStderrKeep = 4096;
// Chrome kills a host 2 s after closing its stdin, Firefox after about 3 s.
constexpr auto kExitGrace = std::chrono::milliseconds(2000);

// Browsers start hosts with default signal handling; doctor ignores SIGPIPE itself (below), and an
// ignored signal would otherwise be inherited across exec.
struct DefaultSigpipeInChild {
  template <typename Launcher>
  error_code on_exec_setup(Launcher& /*launcher*/, const std::filesystem::path& /*executable*/,
                           const char* const*& /*argv*/) {
    std::signal(SIGPIPE, SIG_DFL);
    return {};
  }
};

// A host that dies before reading must not kill doctor with SIGPIPE when hello is written.
class IgnoreSigpipe {
 public:
  IgnoreSigpipe() { previous_ = std::signal(SIGPIPE, SIG_IGN); }
  ~IgnoreSigpipe() { std::signal(SIGPIPE, previous_); }
  IgnoreSigpipe(const IgnoreSigpipe&) = delete;
  IgnoreSigpipe& operator=(const IgnoreSigpipe&) = delete;

 private:
  void (*previous_)(int) = SIG_DFL;
};

// Keeps reading the host's stderr so that it never blocks on a full pipe; keeps the beginning.
void drain_stderr(asio::readable_pipe& pipe, std::string& kept, std::array<char, 1024>& buffer) {
  pipe.async_read_some(asio::buffer(buffer), [&](const error_code& error, std::size_t count) {
    if (kept.size() < kStderrKeep) kept.append(buffer.data(), std::min(count, kStderrKeep - kept.size()));
    if (!error) drain_stderr(pipe, kept, buffer);
  });
}

// Reads exactly buffer's size from stdout before the deadline. Returns the error, or timed_out.
error_code read_before(asio::io_context& context, asio::readable_pipe& pipe, asio::mutable_buffer buffer,
                       Clock::time_point deadline) {
  bool done = false;
  error_code result;
  asio::async_read(pipe, buffer, [&](const error_code& error, std::size_t) {
    done = true;
    result = error;
  });
  while (!done && Clock::now() < deadline) {
    if (context.stopped()) context.restart();
    context.run_one_until(deadline);
  }
  if (done) return result;
  pipe.cancel();
  while (!done) {
    if (context.stopped()) context.restart();
    context.run_one();
  }
  return asio::error::timed_out;
}

// Waits for the host to exit, still draining its stderr; kills it at the deadline.
std::optional<int> wait_for_exit(asio::io_context& context, bp::process& process, Clock::time_point deadline) {
  error_code error;
  while (process.running(error) && !error) {
    if (Clock::now() >= deadline) {
      process.terminate(error);
      process.wait(error);
      return std::nullopt;
    }
    if (context.stopped()) context.restart();
    context.run_for(std::chrono::milliseconds(5));
  }
  return process.exit_code();
}

std::string printable(std::string_view bytes) {
  std::string text;
  for (const char c : bytes) {
    const auto byte = static_cast<unsigned char>(c);
    if (byte >= 0x20 && byte < 0x7f) {
      text += c;
    } else {
      static const char* const kHex = "0123456789abcdef";
      text += "\\x";
      text += kHex[byte >> 4];
      text += kHex[byte & 0xf];
    }
  }
  return text;
}

std::chrono::milliseconds since(Clock::time_point start) {
  return std::chrono::duration_cast<std::chrono::milliseconds>(Clock::now() - start);
}

}  // namespace

LiveResult run_hello(const std::string& binary, const std::vector<std::string>& arguments,
                     std::chrono::milliseconds timeout) {
  IgnoreSigpipe ignore_sigpipe;
  LiveResult result;
  asio::io_context context;
  asio::writable_pipe input(context);
  asio::readable_pipe output(context);
  asio::readable_pipe errors(context);
  const Clock::time_point start = Clock::now();
  const Clock::time_point deadline = start + timeout;

  std::optional<bp::process> process;
  try {
    // Chrome starts a host in the host's own folder.
    const std::filesystem::path folder = std::filesystem::path(binary).parent_path();
    process.emplace(context, binary, arguments, bp::process_stdio{input, output, errors},
                    bp::process_start_dir{folder.string()}, DefaultSigpipeInChild{});
  } catch (const boost::system::system_error& error) {
    result.outcome = LiveOutcome::CannotStart;
    result.detail = error.code().message();
    // exec reports ENOENT for a file that exists when its "#!" interpreter or its loader is missing.
    if (error.code() == boost::system::errc::no_such_file_or_directory && std::filesystem::exists(binary)) {
      result.detail += " (the file exists, so the interpreter on its #! line or its loader is missing)";
    }
    return result;
  }
  std::array<char, 1024> stderr_buffer{};
  drain_stderr(errors, result.stderr_text, stderr_buffer);

  const std::string hello = framing::encode_frame(R"({"jsonrpc":"2.0","id":1,"method":"hello"})");
  error_code write_error;
  asio::write(input, asio::buffer(hello), write_error);  // a dead host shows up on the read below

  std::array<char, 4> header{};
  error_code error = read_before(context, output, asio::buffer(header), deadline);
  std::uint32_t length = 0;
  std::string body;
  if (!error) {
    std::memcpy(&length, header.data(), header.size());
    if (length == 0 || length > framing::kMaxOutputFrame) {
      result.outcome = LiveOutcome::NotAFrame;
      result.detail = "the first bytes on stdout were \"" + printable({header.data(), header.size()}) +
                      "\", which announce a message of " + std::to_string(length) + " bytes";
    } else {
      body.resize(length);
      error = read_before(context, output, asio::buffer(body), deadline);
    }
  }
  result.elapsed = since(start);

  if (result.outcome != LiveOutcome::NotAFrame) {
    if (error == asio::error::timed_out) {
      result.outcome = LiveOutcome::TimedOut;
      result.detail = "no answer within " + std::to_string(timeout.count()) + " ms";
    } else if (error) {
      result.outcome = LiveOutcome::ExitedEarly;
      result.detail = error == asio::error::eof ? "it closed its output before answering" : error.message();
    } else {
      result.reply = nlohmann::json::parse(body, nullptr, false);
      result.outcome = result.reply.is_discarded() ? LiveOutcome::NotJson : LiveOutcome::Answered;
      if (result.outcome == LiveOutcome::NotJson)
        result.detail = "the reply was \"" + printable(body.substr(0, 80)) + "\"";
    }
  }

  // The browser closes the port: stdin reaches end of input and the host should leave by itself.
  input.close();
  const bool answered = result.outcome == LiveOutcome::Answered;
  const Clock::time_point exit_deadline =
      answered ? Clock::now() + kExitGrace : Clock::now() + std::chrono::milliseconds(500);
  result.exit_code = wait_for_exit(context, *process, exit_deadline);
  if (answered) result.exited_on_eof = result.exit_code.has_value();
  // Collect what the host wrote to stderr before it left (it explains most early exits).
  if (context.stopped()) context.restart();
  context.run_for(std::chrono::milliseconds(200));
  errors.close();
  output.close();
  return result;
}

}  // namespace notrain::installer
