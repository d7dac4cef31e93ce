// `notrain-host uninstall`: removes our manifests (recognised by file name and content) and the
// folders install created once they are empty. Everything else stays.
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

// True if `folder` is `inner` or one of its parents.
bool contains(const fs::path& folder, const fs::path& inner) {
  const auto [end, unused] = std::mismatch(folder.begin(), folder.end(), inner.begin(), inner.end());
  return end == folder.end();
}

// Removes recorded folders that held a removed manifest and are now empty, deepest first.
void remove_created_folders(const fs::path& path, const std::vector<fs::path>& emptied, bool dry_run) {
  Record record = read_record(path);
  std::vector<std::string>& folders = record.created_folders;
  std::vector<std::string> candidates;
  for (const std::string& folder : folders) {
    if (std::any_of(emptied.begin(), emptied.end(), [&](const fs::path& f) { return contains(folder, f); })) {
      candidates.push_back(folder);
    }
  }
  std::sort(candidates.begin(), candidates.end(), std::greater<>());  // children sort after parents
  for (const std::string& folder : candidates) {
    std::error_code error;
    const bool empty = fs::is_directory(folder, error) && fs::is_empty(folder, error);
    if (empty && !dry_run) fs::remove(folder, error);
    if (empty) std::cout << (dry_run ? "would remove folder " : "removed folder ") << folder << '\n';
    if (!dry_run && (empty || !fs::exists(folder, error))) std::erase(folders, folder);
  }
  if (!dry_run) save_record(path, std::move(record));
}

}  // namespace

int uninstall(const Options& options, Platform platform, const Environment& env) {
  std::vector<Target> targets;
  if (options.manifest_dir || !options.browsers.empty()) {
    targets = select_targets(options, platform, env, true);
  } else {
    // Every location, found or not: a browser removed since still leaves our file behind.
    targets = compute_targets(platform, env, options.scope);
  }
  std::vector<fs::path> emptied;
  int left = 0;
  int failures = 0;
  for (const Target& target : targets) {
    const std::optional<std::string> bytes = read_file(target.manifest_path);
    if (!bytes) continue;
    if (!is_our_manifest(*bytes)) {
      std::cout << target.browser->name << ": left " << target.manifest_path
                << " in place: it does not name NoTrain's host; remove it yourself if you do not need it\n";
      ++left;
      continue;
    }
    std::error_code error;
    if (!options.dry_run && !fs::remove(target.manifest_path, error) && error) {
      std::cerr << target.browser->name << ": cannot remove " << target.manifest_path << ": " << error.message()
                << '\n';
      ++failures;
      continue;
    }
    std::cout << target.browser->name << (options.dry_run ? ": would remove " : ": removed ") << target.manifest_path
              << '\n';
    emptied.push_back(target.hosts_folder);
  }
  if (emptied.empty() && left == 0 && failures == 0) {
    std::cout << "NoTrain's host was not registered with any browser.\n";
  }
  if (!options.manifest_dir && !emptied.empty()) {
    remove_created_folders(record_path(env, options.scope), emptied, options.dry_run);
  }
  return failures == 0 ? 0 : 1;
}

}  // namespace notrain::installer
