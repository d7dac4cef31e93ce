// Starts the built notrain-host exactly as a browser does (arguments, pipes for stdin and stdout, no
// terminal) with its own HOME and XDG_DATA_HOME, and speaks native-messaging frames to it.
#pragma once
#include <boost/asio.hpp>
// Boost.Process 1.81 on std::filesystem forgets to include these two itself.
#include <boost/optional.hpp>
#include <boost/type_traits.hpp>
#include <boost/process/v2.hpp>
#include <cstring>
#include <filesystem>
#include <optional>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>
#include <notrain/identity.hpp>

#include "framing.hpp"

namespace notrain::test {

namespace bp = boost::process::v2;
namespace asio = boost::asio;

inline std::vector<std::string> chromium_arguments() {
  return {std::string(identity::kChromiumOrigin), "--parent-window=0"};
}

inline std::vector<std::string> firefox_arguments() {
  return {"/home/user/.mozilla/native-messaging-hosts/org.notrain.host.json",
          std::string(identity::kFirefoxExtensionId)};
}

class HostProcess {
 public:
  HostProcess(const std::filesystem::path& data_home, const std::vector<std::string>& args = chromium_arguments(),
              std::vector<std::string> extra_env = {})
      : stdin_(context_),
        stdout_(context_),
        stderr_(context_),
        process_(context_, NOTRAIN_HOST_BINARY, args, bp::process_stdio{stdin_, stdout_, stderr_},
                 bp::process_environment(environment(data_home, std::move(extra_env)))) {}

  ~HostProcess() {
    if (finished_) return;
    boost::system::error_code ignored;
    process_.terminate(ignored);
    process_.wait(ignored);
  }

  void send_raw(std::string_view bytes) { asio::write(stdin_, asio::buffer(bytes.data(), bytes.size())); }
  void send(const nlohmann::json& message) { send_raw(framing::encode_frame(message.dump())); }

  // The next frame from the host, or nullopt when it closed stdout.
  std::optional<nlohmann::json> receive() {
    const auto body = receive_raw();
    if (!body) return std::nullopt;
    return nlohmann::json::parse(*body);
  }

  std::optional<std::string> receive_raw() {
    std::uint32_t length = 0;
    if (!read_exactly(reinterpret_cast<char*>(&length), sizeof length)) return std::nullopt;
    std::string body(length, '\0');
    if (!read_exactly(body.data(), length)) return std::nullopt;
    return body;
  }

  nlohmann::json call(const nlohmann::json& request) {
    send(request);
    auto reply = receive();
    if (!reply) throw std::runtime_error("the host closed its output without answering");
    return *reply;
  }

  void close_input() { stdin_.close(); }

  // Closes stdin and waits: the exit status.
  int finish() {
    if (stdin_.is_open()) stdin_.close();
    finished_ = true;
    return process_.wait();
  }

  // Everything the host wrote on stderr (read after it exited).
  std::string diagnostics() {
    std::string text;
    boost::system::error_code error;
    asio::read(stderr_, asio::dynamic_buffer(text), error);
    return text;
  }

  void kill() { process_.terminate(); }
  bp::pid_type id() const { return process_.id(); }

 private:
  static std::vector<std::string> environment(const std::filesystem::path& data_home, std::vector<std::string> extra) {
    std::vector<std::string> env = {"HOME=" + data_home.string(), "XDG_DATA_HOME=" + data_home.string(),
                                    "PATH=/usr/bin:/bin"};
    env.insert(env.end(), extra.begin(), extra.end());
    return env;
  }

  bool read_exactly(char* buffer, std::size_t size) {
    boost::system::error_code error;
    const std::size_t got = asio::read(stdout_, asio::buffer(buffer, size), error);
    return got == size;
  }

  asio::io_context context_;
  asio::writable_pipe stdin_;
  asio::readable_pipe stdout_;
  asio::readable_pipe stderr_;
  bp::process process_;
  bool finished_ = false;
};

}  // namespace notrain::test
