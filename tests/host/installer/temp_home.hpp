// Test helpers for the installer: a temporary HOME for one test, captured output, folder snapshots.
#pragma once
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <map>
#include <optional>
#include <sstream>
#include <string>
#include <vector>

namespace notrain::installer::testing {

namespace fs = std::filesystem;

// Points HOME, XDG_CONFIG_HOME, XDG_DATA_HOME and PATH into a fresh folder for the life of the object,
// then restores them and deletes the folder. Other variables can be set through `set`.
class TempHome {
 public:
  TempHome() {
    std::string pattern = (fs::temp_directory_path() / "notrain-installer-XXXXXX").string();
    if (!::mkdtemp(pattern.data())) throw std::runtime_error("mkdtemp failed");
    root_ = pattern;
    set("HOME", root_.string());
    set("XDG_CONFIG_HOME", (root_ / ".config").string());
    set("XDG_DATA_HOME", (root_ / ".local/share").string());
    // No browser is installed until a test puts one's command here (the folder does not exist before).
    set("PATH", (root_ / "bin").string());
  }
  ~TempHome() {
    for (const auto& [name, value] : saved_) {
      if (value) {
        ::setenv(name.c_str(), value->c_str(), 1);
      } else {
        ::unsetenv(name.c_str());
      }
    }
    std::error_code ignored;
    fs::remove_all(root_, ignored);
  }
  TempHome(const TempHome&) = delete;
  TempHome& operator=(const TempHome&) = delete;

  void set(const std::string& name, const std::string& value) {
    remember(name);
    ::setenv(name.c_str(), value.c_str(), 1);
  }
  void unset(const std::string& name) {
    remember(name);
    ::unsetenv(name.c_str());
  }

  const fs::path& path() const { return root_; }
  fs::path operator/(const std::string& relative) const { return root_ / relative; }

 private:
  void remember(const std::string& name) {
    if (saved_.contains(name)) return;
    const char* value = std::getenv(name.c_str());
    saved_[name] = value ? std::optional<std::string>(value) : std::nullopt;
  }
  fs::path root_;
  std::map<std::string, std::optional<std::string>> saved_;
};

// Collects what std::cout and std::cerr receive for the life of the object.
class CapturedOutput {
 public:
  CapturedOutput() : old_out_(std::cout.rdbuf(out_.rdbuf())), old_err_(std::cerr.rdbuf(err_.rdbuf())) {}
  ~CapturedOutput() {
    std::cout.rdbuf(old_out_);
    std::cerr.rdbuf(old_err_);
  }
  CapturedOutput(const CapturedOutput&) = delete;
  CapturedOutput& operator=(const CapturedOutput&) = delete;
  std::string out() const { return out_.str(); }
  std::string err() const { return err_.str(); }

 private:
  std::ostringstream out_, err_;
  std::streambuf* old_out_;
  std::streambuf* old_err_;
};

inline std::string read_text(const fs::path& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream content;
  content << in.rdbuf();
  return content.str();
}

inline void write_text(const fs::path& path, const std::string& content) {
  fs::create_directories(path.parent_path());
  std::ofstream(path, std::ios::binary) << content;
}

// Every folder and file under `root` (relative path → content; folders map to "<folder>").
inline std::map<std::string, std::string> snapshot(const fs::path& root) {
  std::map<std::string, std::string> entries;
  for (const auto& entry : fs::recursive_directory_iterator(root)) {
    const std::string relative = fs::relative(entry.path(), root).string();
    entries[relative] = entry.is_directory() ? "<folder>" : read_text(entry.path());
  }
  return entries;
}

}  // namespace notrain::installer::testing
