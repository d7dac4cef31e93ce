#include "installer/options.hpp"

#include <algorithm>
#include <charconv>
#include <filesystem>

#include <CLI/CLI.hpp>

#include "usage_error.hpp"

namespace notrain::installer {
namespace fs = std::filesystem;

namespace {

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

void declare_options(CLI::App& command, Command which, Options& options) {
  const std::string registrations = which == Command::Install ? "register with" : "act on";
  command
      .add_option_function<std::vector<std::string>>(
          "--browser",
          [&options](const std::vector<std::string>& ids) {
            for (const std::string& id : ids) {
              const Browser* browser = find_browser(id);
              if (std::find(options.browsers.begin(), options.browsers.end(), browser) == options.browsers.end()) {
                options.browsers.push_back(browser);
              }
            }
          },
          "a browser to " + registrations + ", again for each (every one found without it): " + browser_ids())
      ->type_name("NAME")
      ->allow_extra_args(false)
      ->multi_option_policy(CLI::MultiOptionPolicy::TakeAll)
      ->check(CLI::Validator(
          [](const std::string& id) -> std::string {
            return find_browser(id) ? "" : "unknown browser \"" + id + "\"; known browsers: " + browser_ids();
          },
          ""));
  CLI::Option* system = command.add_flag_callback(
      "--system", [&options] { options.scope = Scope::System; },
      "the folders for every user (needs administrator rights)");
  if (which != Command::Doctor)
    command.add_flag("--dry-run", options.dry_run, "print what would change, change nothing");
  if (which == Command::Doctor) command.add_flag("--json", options.json, "the report as JSON");
  command
      .add_option("--manifest-dir", options.manifest_dir,
                  "one folder of your choice, e.g. a Chromium profile's NativeMessagingHosts (needs one --browser)")
      ->type_name("DIR")
      ->excludes(system);
  if (which == Command::Install) {
    CLI::Option* host_path =
        command.add_option("--host-path", options.host_path, "the program to register instead of this one (absolute)")
            ->type_name("PATH")
            ->check(CLI::Validator(
                [](const std::string& path) -> std::string {
                  if (fs::path(path).is_absolute()) return "";
                  return "must be absolute: browsers do not resolve relative paths";
                },
                ""));
    command
        .add_option("--package-root", options.package_root,
                    "with --system and --host-path: write the manifests of every browser that has a system-wide "
                    "folder under DIR, as a package installs them (for packagers)")
        ->type_name("DIR")
        ->needs(system)
        ->needs(host_path)
        ->excludes("--browser");
  }
  if (which == Command::Doctor) {
    command
        .add_option_function<int>(
            "--timeout-ms",
            [&options](const int& milliseconds) { options.timeout = std::chrono::milliseconds(milliseconds); },
            "how long the host may take to answer hello (default 5000)")
        ->type_name("N")
        ->check(CLI::Validator(
            [](const std::string& text) -> std::string {
              int value = 0;
              const auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), value);
              if (error == std::errc{} && end == text.data() + text.size() && value > 0) return "";
              return "needs a positive number of milliseconds";
            },
            ""));
  }
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
    const bool has_location =
        std::any_of(all.begin(), all.end(), [&](const Target& t) { return t.browser == browser; });
    if (!has_location) {
      throw cli::UsageError(std::string(browser->name) + " has no " +
                            (options.scope == Scope::System ? "system-wide" : "per-user") + " manifest folder on " +
                            std::string(to_string(platform)));
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
