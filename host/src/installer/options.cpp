#include "installer/options.hpp"

#include <algorithm>
#include <filesystem>
#include <iostream>

#include "cli_args.hpp"

namespace notrain::installer {
namespace fs = std::filesystem;

namespace {

const Browser& browser_named(const std::string& id) {
  const Browser* browser = find_browser(id);
  if (!browser) throw cli::UsageError("unknown browser \"" + id + "\"; known browsers: " + browser_ids());
  return *browser;
}

std::chrono::milliseconds parse_timeout(const std::string& text) {
  std::size_t used = 0;
  long value = 0;
  try {
    value = std::stol(text, &used);
  } catch (const std::exception&) {
    used = 0;
  }
  if (used != text.size() || value <= 0) throw cli::UsageError("--timeout-ms needs a positive number of milliseconds");
  return std::chrono::milliseconds(value);
}

Target manifest_dir_target(const Options& options) {
  if (options.browsers.size() != 1) {
    throw cli::UsageError("--manifest-dir needs exactly one --browser (for example --browser chromium)");
  }
  Target target;
  target.browser = options.browsers.front();
  target.hosts_folder = fs::absolute(*options.manifest_dir).lexically_normal().string();
  target.manifest_path = (fs::path(target.hosts_folder) / manifest_file_name()).string();
  return target;
}

// A package registers the host for every browser that has a system-wide folder, installed or not: a
// browser installed after the package finds the host, and the package manager removes exactly these files.
std::vector<Target> package_targets(const Options& options, Platform platform, const Environment& env) {
  std::vector<Target> targets;
  for (Target target : compute_targets(platform, env, Scope::System)) {
    target.hosts_folder = (fs::path(*options.package_root) / fs::path(target.hosts_folder).relative_path()).string();
    target.manifest_path = (fs::path(target.hosts_folder) / manifest_file_name()).string();
    const bool shared = std::any_of(targets.begin(), targets.end(),  // Chrome's channels share one folder
                                    [&](const Target& t) { return t.manifest_path == target.manifest_path; });
    if (!shared) targets.push_back(std::move(target));
  }
  return targets;
}

}  // namespace

std::string browser_ids() {
  std::string ids;
  for (const Browser& browser : browsers()) {
    if (!ids.empty()) ids += ", ";
    ids += browser.id;
  }
  return ids;
}

std::string_view usage(Command command) {
  switch (command) {
    case Command::Install:
      return "install [--browser NAME]... [--system] [--dry-run] [--manifest-dir DIR] [--host-path PATH] "
             "[--package-root DIR]";
    case Command::Uninstall: return "uninstall [--browser NAME]... [--system] [--dry-run] [--manifest-dir DIR]";
    case Command::Doctor: return "doctor [--json] [--browser NAME]... [--system] [--manifest-dir DIR] [--timeout-ms N]";
  }
  return "";
}

bool print_help_if_asked(Command command, const std::vector<std::string>& args) {
  if (std::find(args.begin(), args.end(), "--help") == args.end() &&
      std::find(args.begin(), args.end(), "-h") == args.end()) {
    return false;
  }
  static constexpr std::string_view kPurpose[] = {
      "Registers NoTrain's host with every supported browser found for this user (or those named),\n"
      "so that the extension can reach it. Running it again changes nothing, or repairs what differs.",
      "Removes the manifests that install wrote, and the folders it created once they are empty.",
      "Checks each browser's registration and starts the host as that browser would; every problem\n"
      "comes with the command that fixes it. Exit status 1 when anything fails.",
  };
  std::cout << "Usage: notrain-host " << usage(command) << "\n\n" << kPurpose[static_cast<int>(command)]
            << "\n\nBrowsers: " << browser_ids()
            << "\n  --system        the folders for every user (needs administrator rights)"
               "\n  --manifest-dir  one folder of your choice, e.g. a Chromium profile's NativeMessagingHosts"
               " (needs one --browser)\n";
  if (command == Command::Install) {
    std::cout << "  --host-path     the program to register instead of this one (absolute)\n"
                 "  --package-root  with --system and --host-path: write the manifests of every browser that has a\n"
                 "                  system-wide folder under DIR, as a package installs them (for packagers)\n";
  }
  if (command != Command::Doctor) std::cout << "  --dry-run       print what would change, change nothing\n";
  if (command == Command::Doctor) {
    std::cout << "  --json          the report as JSON\n"
                 "  --timeout-ms    how long the host may take to answer hello (default 5000)\n";
  }
  return true;
}

Options parse_options(Command command, const std::vector<std::string>& args) {
  cli::ArgReader reader(args);
  Options options;
  while (const std::optional<std::string> id = reader.option("--browser")) {
    const Browser* browser = &browser_named(*id);
    if (std::find(options.browsers.begin(), options.browsers.end(), browser) == options.browsers.end()) {
      options.browsers.push_back(browser);
    }
  }
  if (reader.flag("--system")) options.scope = Scope::System;
  options.manifest_dir = reader.option("--manifest-dir");
  if (command != Command::Doctor) options.dry_run = reader.flag("--dry-run");
  if (command == Command::Install) {
    options.host_path = reader.option("--host-path");
    options.package_root = reader.option("--package-root");
  }
  if (command == Command::Doctor) {
    options.json = reader.flag("--json");
    if (const auto timeout = reader.option("--timeout-ms")) options.timeout = parse_timeout(*timeout);
  }
  const std::vector<std::string> rest = reader.positionals();
  if (!rest.empty()) throw cli::UsageError("unexpected word \"" + rest.front() + "\"");
  if (options.manifest_dir && options.scope == Scope::System) {
    throw cli::UsageError("--manifest-dir and --system exclude each other");
  }
  if (options.package_root && (options.scope != Scope::System || !options.host_path || !options.browsers.empty())) {
    throw cli::UsageError("--package-root goes with --system and --host-path, without --browser");
  }
  if (options.host_path && !fs::path(*options.host_path).is_absolute()) {
    throw cli::UsageError("--host-path must be absolute: browsers do not resolve relative paths");
  }
  return options;
}

std::vector<Target> as_browsers_resolve(std::vector<Target> user_targets, const std::vector<Target>& system_targets) {
  for (Target& target : user_targets) {
    std::error_code ignored;
    if (fs::exists(target.manifest_path, ignored)) continue;
    const auto system = std::find_if(system_targets.begin(), system_targets.end(), [&](const Target& candidate) {
      return candidate.browser == target.browser && fs::exists(candidate.manifest_path, ignored);
    });
    if (system != system_targets.end()) target = *system;
  }
  return user_targets;
}

std::vector<Target> select_targets(const Options& options, Platform platform, const Environment& env,
                                   bool include_registered) {
  if (options.manifest_dir) return {manifest_dir_target(options)};
  if (options.package_root) return package_targets(options, platform, env);
  std::vector<Target> all = compute_targets(platform, env, options.scope);
  for (const Browser* browser : options.browsers) {
    const bool has_location = std::any_of(all.begin(), all.end(), [&](const Target& t) { return t.browser == browser; });
    if (!has_location) {
      throw cli::UsageError(std::string(browser->name) + " has no " +
                            (options.scope == Scope::System ? "system-wide" : "per-user") +
                            " manifest folder on " + std::string(to_string(platform)));
    }
  }
  std::vector<Target> chosen;
  for (Target& target : all) {
    bool wanted = false;
    if (!options.browsers.empty()) {
      wanted = std::find(options.browsers.begin(), options.browsers.end(), target.browser) != options.browsers.end();
    } else {
      std::error_code ignored;
      wanted = is_installed(target, env) || (include_registered && fs::exists(target.manifest_path, ignored));
    }
    const bool duplicate = std::any_of(chosen.begin(), chosen.end(),
                                       [&](const Target& t) { return t.manifest_path == target.manifest_path; });
    if (wanted && !duplicate) chosen.push_back(std::move(target));
  }
  return chosen;
}

}  // namespace notrain::installer
