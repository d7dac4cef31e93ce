// A small tmpfs mounted for one test: lets a test fill the disk or make it read-only for real, the way
// a user's full or read-only home would behave. Needs the right to mount (root in CI containers may not
// have it): `available()` says so, and the test skips with a message instead of failing.
#pragma once
#include <cerrno>
#include <cstring>
#include <filesystem>
#include <string>
#include <sys/mount.h>

namespace notrain::test {

class ScratchFilesystem {
 public:
  ScratchFilesystem(const std::filesystem::path& where, std::size_t size_bytes) : path_(where) {
    std::filesystem::create_directories(where);
    if (::mount("notrain-test", where.c_str(), "tmpfs", 0, options(size_bytes).c_str()) == 0) {
      mounted_ = true;
    } else {
      problem_ = std::strerror(errno);
    }
  }
  ~ScratchFilesystem() {
    // Lazy: a host still holding a file must not leave the mount behind.
    if (mounted_) ::umount2(path_.c_str(), MNT_DETACH);
  }
  ScratchFilesystem(const ScratchFilesystem&) = delete;
  ScratchFilesystem& operator=(const ScratchFilesystem&) = delete;

  bool available() const { return mounted_; }
  std::string why_unavailable() const {
    return "cannot mount a tmpfs at " + path_.string() + " (" + problem_ + "); run as root with CAP_SYS_ADMIN";
  }
  const std::filesystem::path& path() const { return path_; }

  // Changes the size (more room: the disk is no longer full) or the write permission, keeping the files.
  bool resize(std::size_t size_bytes) { return remount(0, size_bytes); }
  bool make_read_only(std::size_t size_bytes) { return remount(MS_RDONLY, size_bytes); }
  bool make_writable(std::size_t size_bytes) { return remount(0, size_bytes); }

 private:
  static std::string options(std::size_t size_bytes) { return "size=" + std::to_string(size_bytes) + ",mode=0700"; }
  bool remount(unsigned long flags, std::size_t size_bytes) {
    return ::mount("notrain-test", path_.c_str(), "tmpfs", MS_REMOUNT | flags, options(size_bytes).c_str()) == 0;
  }

  std::filesystem::path path_;
  bool mounted_ = false;
  std::string problem_;
};

}  // namespace notrain::test
