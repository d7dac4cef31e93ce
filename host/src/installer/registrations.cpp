#include "installer/registrations.hpp"

#include <algorithm>

#include <nlohmann/json.hpp>

#include "installer/files.hpp"

namespace notrain::installer {
namespace fs = std::filesystem;

namespace {

std::vector<std::string> strings_in(const nlohmann::json& content, const char* key) {
  std::vector<std::string> values;
  if (!content.is_object() || !content.contains(key) || !content[key].is_array()) return values;
  for (const nlohmann::json& value : content[key]) {
    if (value.is_string()) values.push_back(value.get<std::string>());
  }
  return values;
}

void remove_if_empty(std::vector<std::string> folders) {
  std::sort(folders.begin(), folders.end(), std::greater<>());  // children sort after their parents
  for (const std::string& folder : folders) {
    std::error_code ignored;
    if (fs::is_directory(folder, ignored) && fs::is_empty(folder, ignored)) fs::remove(folder, ignored);
  }
}

}  // namespace

constexpr const char* kSystemRecord = "/var/lib/notrain/created-folders.json";

fs::path record_path(const Environment& env, Scope scope) {
  if (scope == Scope::System) return kSystemRecord;
  // The folder of the database (see store.hpp): $XDG_DATA_HOME/notrain, else ~/.local/share/notrain.
  return fs::path(data_home(env)) / "notrain" / "created-folders.json";
}

Record read_record(const fs::path& path) {
  const std::optional<std::string> bytes = read_file(path);
  if (!bytes) return {};
  const nlohmann::json content = nlohmann::json::parse(*bytes, nullptr, false);
  return {strings_in(content, "created_folders"), strings_in(content, "record_folders")};
}

void save_record(const fs::path& path, Record record) {
  if (record.created_folders.empty()) {
    std::error_code ignored;
    fs::remove(path, ignored);
    remove_if_empty(record.record_folders);
    return;
  }
  for (const fs::path& folder : create_folders(path.parent_path())) record.record_folders.push_back(folder.string());
  // A user's record lives in their data folder, beside the database: that folder is theirs alone (0700) and the
  // record 0600, whichever of the installer and the host comes first (store.cpp does the same).
  const bool users_data = path != fs::path(kSystemRecord);
  if (users_data) fs::permissions(path.parent_path(), fs::perms::owner_all, fs::perm_options::replace);
  nlohmann::ordered_json content;
  content["note"] = "Folders that notrain-host install created; notrain-host uninstall removes them when empty.";
  content["created_folders"] = record.created_folders;
  content["record_folders"] = record.record_folders;
  const std::string bytes = content.dump(2) + "\n";
  if (read_file(path) == bytes) return;
  write_file_atomically(path, bytes, users_data ? 0600 : 0644);
}

}  // namespace notrain::installer
