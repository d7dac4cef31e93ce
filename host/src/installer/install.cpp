// `notrain-host install`: writes our manifest for each chosen browser, changing nothing that is
// already right, so running it again is safe and repairs whatever differs.
#include <algorithm>
#include <filesystem>
#include <iostream>

#include "installer/commands.hpp"
#include "installer/files.hpp"
#include "installer/manifest.hpp"
#include "installer/options.hpp"
#include "installer/registrations.hpp"

namespace notrain::installer {
namespace fs = std::filesystem;

namespace {

enum class Change { Unchanged, Created, Repaired };

struct Outcome {
  Change change = Change::Unchanged;
  std::vector<fs::path> created_folders;
};

Outcome install_one(const Target& target, const std::string& content, bool dry_run) {
  Outcome outcome;
  const std::optional<std::string> existing = read_file(target.manifest_path);
  if (existing == content) return outcome;
  outcome.change = existing ? Change::Repaired : Change::Created;
  if (dry_run) return outcome;
  outcome.created_folders = create_folders(target.hosts_folder);
  write_file_atomically(target.manifest_path, content, 0644);
  return outcome;
}

void report(const Target& target, const Outcome& outcome, const std::string& content, bool dry_run) {
  const std::string_view name = target.browser->name;
  switch (outcome.change) {
    case Change::Unchanged:
      std::cout << name << ": already registered, unchanged: " << target.manifest_path << '\n';
      return;
    case Change::Created:
      std::cout << name << (dry_run ? ": would create " : ": created ") << target.manifest_path << '\n';
      break;
    case Change::Repaired:
      std::cout << name << (dry_run ? ": would replace " : ": replaced ") << target.manifest_path
                << " (it differed from NoTrain's manifest)\n";
      break;
  }
  if (dry_run) std::cout << content;
}

std::string host_path(const Options& options) {
  if (options.host_path) return *options.host_path;
  const fs::path own = own_executable_path();
  if (own.empty()) throw std::runtime_error("cannot find the path of this program; pass --host-path");
  return own.string();
}

}  // namespace

int install(const Options& options, Platform platform, const Environment& env) {
  if (platform == Platform::Windows) {
    std::cerr << "notrain-host install: registry entries on Windows are not written yet.\n";
    return 1;
  }
  const std::vector<Target> targets = select_targets(options, platform, env, false);
  if (targets.empty()) {
    std::cerr << "notrain-host install: no supported browser found for this user. Name yours with --browser "
                 "(known: "
              << browser_ids() << ").\n";
    return 1;
  }
  const std::string path = host_path(options);
  if (!options.package_root && !fs::exists(path))
    std::cerr << "Warning: " << path << " does not exist; browsers will not find the host.\n";

  std::vector<std::string> created;
  int failures = 0;
  for (const Target& target : targets) {
    const std::string content = build_manifest(target.browser->flavour, path);
    try {
      const Outcome outcome = install_one(target, content, options.dry_run);
      report(target, outcome, content, options.dry_run);
      for (const fs::path& folder : outcome.created_folders) created.push_back(folder.string());
    } catch (const std::exception& error) {
      // One unwritable folder must not keep the other browsers unregistered.
      std::cerr << target.browser->name << ": not registered: " << error.what() << '\n';
      ++failures;
    }
  }
  // A folder given with --manifest-dir belongs to the caller (a test profile), and one under --package-root
  // to the package manager: not recorded.
  if (!options.dry_run && !options.manifest_dir && !options.package_root && !created.empty()) {
    const fs::path record_file = record_path(env, options.scope);
    Record record = read_record(record_file);
    for (const std::string& folder : created) {
      if (std::find(record.created_folders.begin(), record.created_folders.end(), folder) ==
          record.created_folders.end()) {
        record.created_folders.push_back(folder);
      }
    }
    save_record(record_file, std::move(record));
  }
  if (failures > 0) {
    std::cerr << failures << " of " << targets.size() << " browsers could not be registered"
              << (options.scope == Scope::System ? " (system folders need sudo)" : "") << ".\n";
    return 1;
  }
  if (!options.dry_run && !options.package_root) std::cout << "Check the registration with: " << path << " doctor\n";
  return 0;
}

}  // namespace notrain::installer
