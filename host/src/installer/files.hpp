// The few file operations registration needs, each safe against a crash half-way: a browser must
// never read a half-written manifest.
#pragma once
#include <filesystem>
#include <optional>
#include <string>
#include <sys/types.h>
#include <vector>

namespace notrain::installer {

// The whole file, or nullopt if it does not exist or cannot be read.
std::optional<std::string> read_file(const std::filesystem::path& path);

// Writes a temporary file beside `path`, flushes it to disk, gives it `mode`, then renames it over
// `path`. Throws std::system_error with the path in its message.
void write_file_atomically(const std::filesystem::path& path, const std::string& content, mode_t mode);

// Creates `folder` and any missing parents; returns the folders it created, outermost first.
std::vector<std::filesystem::path> create_folders(const std::filesystem::path& folder);

// The absolute path of the running program.
std::filesystem::path own_executable_path();

}  // namespace notrain::installer
