// A file the host prepares for the extension to fetch in pieces: an export or an evidence pack. A browser message
// from the host is at most 1 MiB, so the file is written whole first, kept unnamed in the data folder (no other
// process can open it, and it disappears with the host), and read back by offset (download.chunk).
#pragma once
#include <cstdint>
#include <filesystem>
#include <functional>
#include <ostream>
#include <string>

namespace notrain {

// The most bytes one download.chunk returns: base64 of it (a third more) fits a 1 MiB reply.
inline constexpr std::int64_t kMaxDownloadChunk = 512 * 1024;

class PreparedDownload {
 public:
  // An unnamed file in `folder`, readable by the user alone. Throws std::runtime_error with a sentence.
  explicit PreparedDownload(const std::filesystem::path& folder, std::string name);
  ~PreparedDownload();
  PreparedDownload(PreparedDownload&& other) noexcept;
  PreparedDownload& operator=(PreparedDownload&& other) noexcept;
  PreparedDownload(const PreparedDownload&) = delete;
  PreparedDownload& operator=(const PreparedDownload&) = delete;

  // Where the content is written (by a writer of descriptors, or through write()); call finish() once complete.
  int descriptor() const { return fd_; }
  // Writes through a stream; throws std::runtime_error when the file could not be written (a full disk).
  void write(const std::function<void(std::ostream&)>& writer);
  // Reads the written file back once for its size and SHA-256.
  void finish();

  const std::string& name() const { return name_; }  // the file name suggested to the browser
  std::int64_t size() const { return size_; }
  const std::string& sha256() const { return sha256_; }
  // Up to `length` bytes from `offset` (fewer at the end).
  std::string read(std::int64_t offset, std::int64_t length) const;

 private:
  int fd_ = -1;
  std::string name_;
  std::int64_t size_ = 0;
  std::string sha256_;
};

}  // namespace notrain
