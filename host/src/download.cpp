#include "download.hpp"

#include <cerrno>
#include <cstring>
#include <ext/stdio_filebuf.h>
#include <fcntl.h>
#include <stdexcept>
#include <sys/stat.h>
#include <unistd.h>
#include <utility>

#include "sha256.hpp"

namespace notrain {
namespace {

namespace fs = std::filesystem;

// O_TMPFILE: a file without a name from the start. Where the file system cannot, a name of our own, created
// exclusively and removed at once.
int unnamed_file(const fs::path& folder) {
  int fd = ::open(folder.c_str(), O_TMPFILE | O_RDWR | O_CLOEXEC, S_IRUSR | S_IWUSR);
  if (fd >= 0) return fd;
  std::string pattern = (folder / ".notrain-download.XXXXXX").string();
  fd = ::mkostemp(pattern.data(), O_CLOEXEC);
  if (fd >= 0) ::unlink(pattern.c_str());
  return fd;
}

}  // namespace

PreparedDownload::PreparedDownload(const fs::path& folder, std::string name) : name_(std::move(name)) {
  fd_ = unnamed_file(folder);
  if (fd_ < 0) {
    throw std::runtime_error("cannot prepare the file in " + folder.string() + ": " + std::strerror(errno) + ".");
  }
}

PreparedDownload::~PreparedDownload() {
  if (fd_ >= 0) ::close(fd_);
}

PreparedDownload::PreparedDownload(PreparedDownload&& other) noexcept
    : fd_(std::exchange(other.fd_, -1)),
      name_(std::move(other.name_)),
      size_(other.size_),
      sha256_(std::move(other.sha256_)) {}

PreparedDownload& PreparedDownload::operator=(PreparedDownload&& other) noexcept {
  if (this != &other) {
    if (fd_ >= 0) ::close(fd_);
    fd_ = std::exchange(other.fd_, -1);
    name_ = std::move(other.name_);
    size_ = other.size_;
    sha256_ = std::move(other.sha256_);
  }
  return *this;
}

void PreparedDownload::write(const std::function<void(std::ostream&)>& writer) {
  const int copy = ::dup(fd_);
  if (copy < 0) throw std::runtime_error(std::string("cannot write the prepared file: ") + std::strerror(errno) + ".");
  __gnu_cxx::stdio_filebuf<char> buffer(copy, std::ios::out, 64 * 1024);  // closes `copy`
  std::ostream out(&buffer);
  writer(out);
  out.flush();
  if (!out) throw std::runtime_error("writing the prepared file failed (is the disk full?).");
}

void PreparedDownload::finish() {
  Sha256 digest;
  std::int64_t offset = 0;
  for (std::string block; !(block = read(offset, kMaxDownloadChunk)).empty();
       offset += static_cast<std::int64_t>(block.size())) {
    digest.update(block);
  }
  size_ = offset;
  sha256_ = digest.hex_digest();
}

std::string PreparedDownload::read(std::int64_t offset, std::int64_t length) const {
  std::string bytes(static_cast<std::size_t>(length), '\0');
  std::size_t have = 0;
  while (have < bytes.size()) {
    const ssize_t got = ::pread(fd_, bytes.data() + have, bytes.size() - have, offset + static_cast<off_t>(have));
    if (got < 0 && errno == EINTR) continue;
    if (got < 0)
      throw std::runtime_error(std::string("reading the prepared file failed: ") + std::strerror(errno) + ".");
    if (got == 0) break;
    have += static_cast<std::size_t>(got);
  }
  bytes.resize(have);
  return bytes;
}

}  // namespace notrain
