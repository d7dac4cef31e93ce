#include "installer/policies.hpp"

#include <algorithm>
#include <vector>

#include <nlohmann/json.hpp>

#include "installer/files.hpp"
#include "notrain/identity.hpp"

namespace notrain::installer {
namespace fs = std::filesystem;
using nlohmann::json;

namespace {

// Chrome renamed the policies in version 86 and still honours the old names. "*" means every host
// on the blocklist only.
bool lists(const json& policies, std::initializer_list<const char*> names, bool wildcard) {
  for (const char* name : names) {
    const auto list = policies.find(name);
    if (list == policies.end() || !list->is_array()) continue;
    for (const json& entry : *list) {
      if ((wildcard && entry == "*") || entry == identity::kHostName) return true;
    }
  }
  return false;
}

std::vector<fs::path> policy_files(const fs::path& folder) {
  std::vector<fs::path> files;
  std::error_code error;
  for (const auto& entry : fs::directory_iterator(folder / "managed", error)) {
    if (entry.path().extension() == ".json") files.push_back(entry.path());
  }
  std::sort(files.begin(), files.end());
  return files;
}

}  // namespace

PolicyVerdict read_policies(const fs::path& folder) {
  PolicyVerdict verdict;
  bool allowed = false;
  for (const fs::path& file : policy_files(folder)) {
    const std::optional<std::string> bytes = read_file(file);
    if (!bytes) continue;
    const json policies = json::parse(*bytes, nullptr, false);
    if (!policies.is_object()) continue;
    verdict.any_policy = true;
    if (lists(policies, {"NativeMessagingBlocklist", "NativeMessagingBlacklist"}, true) && verdict.blocked_by.empty()) {
      verdict.blocked_by = file.string();
    }
    if (lists(policies, {"NativeMessagingAllowlist", "NativeMessagingWhitelist"}, false)) allowed = true;
    const auto user_level = policies.find("NativeMessagingUserLevelHosts");
    if (user_level != policies.end() && *user_level == false) {
      verdict.user_level_allowed = false;
      verdict.user_level_denied_by = file.string();
    }
  }
  // Naming our host on the allowlist overrides the blocklist, "*" included.
  verdict.blocked = !verdict.blocked_by.empty() && !allowed;
  return verdict;
}

}  // namespace notrain::installer
