// The record of folders that install created, so that uninstall removes those and no other folder.
// Kept beside the database (per user) or in /var/lib/notrain (system-wide) as a small JSON file.
#pragma once
#include <filesystem>
#include <string>
#include <vector>

#include "installer/browsers.hpp"

namespace notrain::installer {

std::filesystem::path record_path(const Environment& env, Scope scope);

// Folders in the record; an absent or unreadable record holds none (so nothing is removed).
std::vector<std::string> read_created_folders(const std::filesystem::path& record);

// Replaces the record; an empty list removes the file. Writes only when the content changes.
void write_created_folders(const std::filesystem::path& record, const std::vector<std::string>& folders);

}  // namespace notrain::installer
