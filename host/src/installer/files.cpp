#include "installer/files.hpp"

#include <cerrno>
#include <fcntl.h>
#include <sys/stat.h>
#include <system_error>
#include <unistd.h>

#if defined(__APPLE__)
#include <mach-o/dyld.h>
#endif

namespace notrain::installer {
namespace fs = std::filesystem;

namespace {

[[noreturn]] void fail(const std::string& what, const fs::path& path) {
  throw std::system_error(errno, std::generic_category(), what + " " + path.string());
}

void write_all(int fd, const std::string& content, const fs::path& path) {
  std::size_t written = 0;
  while (written < content.size()) {
    const ssize_t count = ::write(fd, content.data() + written, content.size() - written);
    if (count < 0 && errno == EINTR) continue;
    if (count < 0) fail("cannot write", path);
    written += static_cast<std::size_t>(count);
  }
}

// The rename is only durable once the folder's entry is on disk too.
void sync_folder(const fs::path& folder) {
  const int fd = ::open(folder.c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC);
  if (fd < 0) return;
  ::fsync(fd);
  ::close(fd);
}

}  // namespace

std::optional<std::string> read_file(const fs::path& path) {
  // POSIX reads, because an ifstream "opens" a folder and then reads nothing without an error.
  const int fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC);
  if (fd < 0) return std::nullopt;
  std::string content;
  char buffer[16 * 1024];
  for (;;) {
    const ssize_t count = ::read(fd, buffer, sizeof buffer);
    if (count < 0 && errno == EINTR) continue;
    if (count < 0) {
      ::close(fd);
      return std::nullopt;
    }
    if (count == 0) break;
    content.append(buffer, static_cast<std::size_t>(count));
  }
  ::close(fd);
  return content;
}

void write_file_atomically(const fs::path& path, const std::string& content, mode_t mode) {
  std::string temporary = (path.parent_path() / ("." + path.filename().string() + ".XXXXXX")).string();
  const int fd = ::mkstemp(temporary.data());
  if (fd < 0) fail("cannot create a file in", path.parent_path());
  bool closed = false;
  try {
    write_all(fd, content, path);
    // mkstemp creates 0600; browsers and other users must be able to read a manifest.
    if (::fchmod(fd, mode) != 0) fail("cannot set permissions on", temporary);
    if (::fsync(fd) != 0) fail("cannot flush", temporary);
    // close() releases the descriptor even when it reports an error: it is never closed a second time (by then
    // the number may belong to another file).
    closed = true;
    if (::close(fd) != 0) fail("cannot close", temporary);
  } catch (...) {
    if (!closed) ::close(fd);
    ::unlink(temporary.c_str());
    throw;
  }
  if (::rename(temporary.c_str(), path.c_str()) != 0) {
    const int saved = errno;
    ::unlink(temporary.c_str());
    errno = saved;
    fail("cannot replace", path);
  }
  sync_folder(path.parent_path());
}

std::vector<fs::path> create_folders(const fs::path& folder) {
  std::vector<fs::path> missing;
  for (fs::path current = folder; !current.empty() && !fs::exists(current); current = current.parent_path()) {
    missing.insert(missing.begin(), current);
    if (current == current.parent_path()) break;
  }
  for (const fs::path& each : missing) {
    std::error_code error;
    if (!fs::create_directory(each, error) && error) {
      throw std::system_error(error, "cannot create folder " + each.string());
    }
  }
  return missing;
}

fs::path own_executable_path() {
#if defined(__APPLE__)
  std::uint32_t size = 0;
  _NSGetExecutablePath(nullptr, &size);
  std::string buffer(size, '\0');
  if (_NSGetExecutablePath(buffer.data(), &size) != 0) return {};
  return fs::weakly_canonical(buffer.c_str());
#else
  std::error_code error;
  fs::path path = fs::read_symlink("/proc/self/exe", error);
  return error ? fs::path() : path;
#endif
}

}  // namespace notrain::installer
