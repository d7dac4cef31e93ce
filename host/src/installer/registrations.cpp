#include "installer/registrations.hpp"

#include <nlohmann/json.hpp>

#include "installer/files.hpp"

namespace notrain::installer {
namespace fs = std::filesystem;

fs::path record_path(const Environment& env, Scope scope) {
  if (scope == Scope::System) return "/var/lib/notrain/created-folders.json";
  // The same folder as the database (see store.hpp): $XDG_DATA_HOME/notrain, else ~/.local/share/notrain.
  const fs::path data_home = !env.xdg_data_home.empty() && env.xdg_data_home.front() == '/'
                                 ? fs::path(env.xdg_data_home)
                                 : fs::path(env.home) / ".local/share";
  return data_home / "notrain" / "created-folders.json";
}

std::vector<std::string> read_created_folders(const fs::path& record) {
  const std::optional<std::string> bytes = read_file(record);
  if (!bytes) return {};
  const nlohmann::json content = nlohmann::json::parse(*bytes, nullptr, false);
  std::vector<std::string> folders;
  if (!content.is_object() || !content.contains("created_folders") || !content["created_folders"].is_array()) {
    return folders;
  }
  for (const nlohmann::json& folder : content["created_folders"]) {
    if (folder.is_string()) folders.push_back(folder.get<std::string>());
  }
  return folders;
}

void write_created_folders(const fs::path& record, const std::vector<std::string>& folders) {
  if (folders.empty()) {
    std::error_code ignored;
    fs::remove(record, ignored);
    return;
  }
  nlohmann::ordered_json content;
  content["note"] = "Folders that notrain-host install created; notrain-host uninstall removes them when empty.";
  content["created_folders"] = folders;
  const std::string bytes = content.dump(2) + "\n";
  if (read_file(record) == bytes) return;
  create_folders(record.parent_path());
  write_file_atomically(record, bytes, 0644);
}

}  // namespace notrain::installer
