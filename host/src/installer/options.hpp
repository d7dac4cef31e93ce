// The options of `install`, `uninstall` and `doctor`, and choosing the manifests they act on.
#pragma once
#include <chrono>
#include <optional>
#include <string>
#include <vector>

#include "installer/browsers.hpp"

namespace CLI {
class App;
}  // namespace CLI

namespace notrain::installer {

enum class Command { Install, Uninstall, Doctor };

struct Options {
  std::vector<const Browser*> browsers;     // named with --browser; empty means every browser found
  Scope scope = Scope::User;                // --system
  bool dry_run = false;                     // --dry-run (install, uninstall)
  bool json = false;                        // --json (doctor)
  std::optional<std::string> manifest_dir;  // --manifest-dir: one folder chosen by the caller (tests, profiles)
  std::optional<std::string> host_path;     // --host-path: the binary to register instead of this one (packagers)
  std::optional<std::string> package_root;  // --package-root (install --system): write every browser's system
                                            // manifest under this folder, as a package will install them
  std::chrono::milliseconds timeout{5000};  // --timeout-ms (doctor): how long the host may take to answer
};

// Declares the command's options on its CLI11 app, filling `options` as they are parsed.
void declare_options(CLI::App& command, Command which, Options& options);

// The manifests a command acts on, one per file (browsers that share a file appear once):
// with --manifest-dir that folder; with --package-root every browser's system folder under that root;
// with --browser those browsers; otherwise the browsers found on this computer, plus (when `include_registered`) any
// other browser that already has our manifest.
std::vector<Target> select_targets(const Options& options, Platform platform, const Environment& env,
                                   bool include_registered);

// Browsers read a per-user manifest first and fall back to the system-wide one. For each per-user
// target without a manifest, this returns the same browser's system target when that one exists.
std::vector<Target> as_browsers_resolve(std::vector<Target> user_targets, const std::vector<Target>& system_targets);

// "google-chrome, chromium, ..." for messages.
std::string browser_ids();

}  // namespace notrain::installer
