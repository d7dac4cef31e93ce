// Who started the host, from its arguments: a browser (Chromium family or Firefox), a sandboxed
// Firefox that passes nothing, or a person at the command line. Only NoTrain's own extension ids
// are served.
#pragma once
#include <string>
#include <vector>

namespace notrain {

enum class Mode {
  Serve,         // speak frames on stdin/stdout
  RefuseCaller,  // a browser extension that is not NoTrain
  CommandLine,   // list, show, export, install, ...
};

struct Invocation {
  Mode mode = Mode::CommandLine;
  std::string caller;  // the origin or add-on id, when a browser started the host
};

Invocation classify_invocation(const std::vector<std::string>& args, bool stdin_is_terminal);

}  // namespace notrain
