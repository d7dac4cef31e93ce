// Enterprise policies of Chromium-family browsers on Linux (JSON files in <folder>/managed/) can
// block native-messaging hosts or allow system-wide ones only; the extension then sees "Specified
// native messaging host not found" although the manifest is right. Doctor reports it.
#pragma once
#include <filesystem>
#include <string>

namespace notrain::installer {

struct PolicyVerdict {
  bool any_policy = false;           // at least one policy file was read
  bool blocked = false;              // our host is on the blocklist ("*" counts) and not on the allowlist
  bool user_level_allowed = true;    // NativeMessagingUserLevelHosts is not false
  std::string blocked_by;            // the file that blocks it
  std::string user_level_denied_by;  // the file that forbids per-user hosts
};

// Reads every *.json in `folder`/managed; unreadable or invalid files are skipped (the browser
// ignores them too).
PolicyVerdict read_policies(const std::filesystem::path& folder);

}  // namespace notrain::installer
