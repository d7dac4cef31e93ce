// notrain-host: chooses its mode from its arguments (see caller.hpp) and runs it.
#include <csignal>
#include <malloc.h>
#include <string>
#include <unistd.h>
#include <vector>

#include "caller.hpp"
#include "cli.hpp"
#include "host_session.hpp"
#include "store.hpp"

int main(int argc, char** argv) {
  // A browser that goes away must give us EPIPE on write, not kill us mid-transaction.
  std::signal(SIGPIPE, SIG_IGN);
  const std::vector<std::string> args(argv + 1, argv + argc);
  const notrain::Invocation invocation = notrain::classify_invocation(args, ::isatty(STDIN_FILENO) != 0);
  switch (invocation.mode) {
    case notrain::Mode::Serve:
      // Screenshots arrive as megabytes of base64 that the JSON parser copies while it grows its buffers.
      // A fixed threshold keeps every such block in its own mapping, given back when freed; glibc's
      // default raises the threshold after the first free and then keeps the freed megabytes resident.
      ::mallopt(M_MMAP_THRESHOLD, 256 * 1024);
      return notrain::serve_browser(STDIN_FILENO, STDOUT_FILENO, notrain::default_database_path());
    case notrain::Mode::RefuseCaller: return notrain::refuse_caller(STDOUT_FILENO, invocation.caller);
    case notrain::Mode::CommandLine: break;
  }
  return notrain::cli::run(args);
}
