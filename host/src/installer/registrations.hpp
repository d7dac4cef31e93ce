// The record of folders that install created, so that uninstall removes those and no other folder.
// Kept beside the database (per user) or in /var/lib/notrain (system-wide) as a small JSON file.
#pragma once
#include <filesystem>
#include <string>
#include <vector>

#include "installer/browsers.hpp"

namespace notrain::installer {

struct Record {
  std::vector<std::string> created_folders;  // manifest folders (and their parents) that install created
  std::vector<std::string> record_folders;   // folders created to hold this record itself
};

std::filesystem::path record_path(const Environment& env, Scope scope);

// An absent or unreadable record holds nothing, so nothing is removed on its account.
Record read_record(const std::filesystem::path& path);

// Writes the record (only when its content changes). A record without created folders is deleted,
// and so are the folders made for it, if they are empty.
void save_record(const std::filesystem::path& path, Record record);

}  // namespace notrain::installer
