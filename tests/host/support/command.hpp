// Runs the built notrain-host as a command (list, export, ...) and collects what it prints.
#pragma once
#include <boost/asio.hpp>
// Boost.Process 1.81 on std::filesystem forgets to include these two itself.
#include <boost/optional.hpp>
#include <boost/type_traits.hpp>
#include <boost/process/v2.hpp>
#include <filesystem>
#include <string>
#include <vector>

namespace notrain::test {

struct CommandResult {
  int status = -1;
  std::string out;
  std::string err;
};

// Runs `program` with `args` and the environment of a user whose data lives in `data_home`.
inline CommandResult run_program(const std::string& program, const std::vector<std::string>& args,
                                 const std::filesystem::path& data_home) {
  namespace bp = boost::process::v2;
  namespace asio = boost::asio;
  asio::io_context context;
  asio::readable_pipe out(context);
  asio::readable_pipe err(context);
  const std::vector<std::string> env = {"HOME=" + data_home.string(), "XDG_DATA_HOME=" + data_home.string(),
                                        "PATH=/usr/bin:/bin", "TERM=dumb"};
  bp::process process(context, program, args, bp::process_stdio{nullptr, out, err}, bp::process_environment(env));
  CommandResult result;
  boost::system::error_code ignored;
  // Commands print little on stderr, so reading stdout to its end first cannot dead-lock.
  asio::read(out, asio::dynamic_buffer(result.out), ignored);
  asio::read(err, asio::dynamic_buffer(result.err), ignored);
  result.status = process.wait();
  return result;
}

inline CommandResult run_host_command(const std::filesystem::path& data_home, const std::vector<std::string>& args) {
  return run_program(NOTRAIN_HOST_BINARY, args, data_home);
}

}  // namespace notrain::test
