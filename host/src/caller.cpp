#include "caller.hpp"

#include <notrain/identity.hpp>

namespace notrain {
namespace {

constexpr std::string_view kChromiumScheme = "chrome-extension://";

bool is_chromium_origin(const std::string& arg) { return arg.starts_with(kChromiumScheme); }

// Firefox passes the path of the host manifest, then the add-on id.
bool is_firefox_call(const std::vector<std::string>& args) {
  return args.size() >= 2 && args[0].ends_with(".json") && !args[1].starts_with("-");
}

bool is_our_chromium_origin(std::string origin) {
  if (!origin.ends_with('/')) origin.push_back('/');
  return origin == identity::kChromiumOrigin;
}

}  // namespace

Invocation classify_invocation(const std::vector<std::string>& args, bool stdin_is_terminal) {
  // A Firefox started through a sandbox portal passes no arguments; a person at a terminal gets help.
  if (args.empty()) return {stdin_is_terminal ? Mode::CommandLine : Mode::Serve, ""};
  // Chromium may add switches such as --parent-window=0 after the origin: they are ignored.
  if (is_chromium_origin(args[0])) {
    return {is_our_chromium_origin(args[0]) ? Mode::Serve : Mode::RefuseCaller, args[0]};
  }
  if (is_firefox_call(args)) {
    return {args[1] == identity::kFirefoxExtensionId ? Mode::Serve : Mode::RefuseCaller, args[1]};
  }
  return {Mode::CommandLine, ""};
}

}  // namespace notrain
