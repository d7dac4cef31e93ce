#include "framing.hpp"

#include <algorithm>
#include <array>
#include <cerrno>
#include <cstring>
#include <sys/uio.h>
#include <unistd.h>

namespace notrain::framing {
namespace {

constexpr std::size_t kHeaderSize = sizeof(std::uint32_t);
constexpr std::size_t kReadChunk = 64 * 1024;

}  // namespace

ByteSource fd_source(int fd) {
  return [fd](char* buffer, std::size_t size) -> ssize_t {
    for (;;) {
      const ssize_t got = ::read(fd, buffer, size);
      if (got >= 0 || errno != EINTR) return got;
    }
  };
}

FrameReader::FrameReader(ByteSource source, std::uint32_t max_frame)
    : source_(std::move(source)), max_frame_(max_frame) {}

void FrameReader::compact() {
  // Move unread bytes to the front so the buffer never grows beyond one frame plus one chunk.
  if (position_ > 0) std::memmove(buffer_.get(), buffer_.get() + position_, filled_ - position_);
  filled_ -= position_;
  position_ = 0;
  // A large frame (a screenshot) must not pin its memory while it is handled, nor afterwards.
  if (capacity_ > 4 * kReadChunk && filled_ <= kReadChunk) {
    auto smaller = std::make_unique_for_overwrite<char[]>(2 * kReadChunk);
    std::memcpy(smaller.get(), buffer_.get(), filled_);
    buffer_ = std::move(smaller);
    capacity_ = 2 * kReadChunk;
  }
}

void FrameReader::reserve(std::size_t size) {
  if (capacity_ >= size) return;
  auto larger = std::make_unique_for_overwrite<char[]>(size);
  if (filled_ > 0) std::memcpy(larger.get(), buffer_.get(), filled_);
  buffer_ = std::move(larger);
  capacity_ = size;
}

bool FrameReader::fill(std::size_t count) {
  if (filled_ - position_ >= count) return true;
  compact();
  // Sized once per frame, not on every read.
  reserve(std::max(count, filled_ + kReadChunk));
  while (filled_ < count && !failed_) {
    const ssize_t got = source_(buffer_.get() + filled_, capacity_ - filled_);
    if (got < 0) failed_ = true;
    if (got <= 0) return false;
    filled_ += static_cast<std::size_t>(got);
  }
  return filled_ >= count;
}

ReadResult FrameReader::next() {
  ReadResult result;
  if (!fill(kHeaderSize)) {
    const bool nothing_left = filled_ == position_;
    result.status = failed_        ? ReadStatus::ReadError
                    : nothing_left ? ReadStatus::EndOfInput
                                   : ReadStatus::TruncatedHeader;
    return result;
  }
  std::memcpy(&result.announced_length, buffer_.get() + position_, kHeaderSize);
  if (result.announced_length > max_frame_) {
    result.status = ReadStatus::TooLarge;
    return result;
  }
  const bool complete =
      result.announced_length > kReadChunk ? read_large_body(result) : fill(kHeaderSize + result.announced_length);
  if (!complete) {
    result.status = failed_ ? ReadStatus::ReadError : ReadStatus::TruncatedBody;
    return result;
  }
  if (result.body.empty()) {
    position_ += kHeaderSize;
    result.body.assign(buffer_.get() + position_, result.announced_length);
    position_ += result.announced_length;
  }
  result.status = ReadStatus::Frame;
  return result;
}

bool FrameReader::read_large_body(ReadResult& result) {
  // Read straight into the body: through the buffer, a screenshot's megabytes were held twice.
  const std::size_t length = result.announced_length;
  position_ += kHeaderSize;
  result.body.resize(length);
  std::size_t have = std::min(filled_ - position_, length);
  std::memcpy(result.body.data(), buffer_.get() + position_, have);
  position_ += have;
  compact();
  while (have < length) {
    const ssize_t got = source_(result.body.data() + have, length - have);
    if (got < 0) failed_ = true;
    if (got <= 0) {
      result.body.clear();
      return false;
    }
    have += static_cast<std::size_t>(got);
  }
  return true;
}

std::string encode_frame(std::string_view body) {
  const auto length = static_cast<std::uint32_t>(body.size());
  std::string frame(kHeaderSize, '\0');
  std::memcpy(frame.data(), &length, kHeaderSize);
  frame.append(body);
  return frame;
}

bool write_frame(int fd, std::string_view body) {
  if (body.size() > kMaxOutputFrame) return false;
  const auto length = static_cast<std::uint32_t>(body.size());
  std::array<char, kHeaderSize> header{};
  std::memcpy(header.data(), &length, kHeaderSize);
  // One writev for header and body: a reply is a single system call in the common case.
  std::array<iovec, 2> parts{iovec{header.data(), header.size()}, iovec{const_cast<char*>(body.data()), body.size()}};
  std::size_t first = 0;
  while (first < parts.size()) {
    const ssize_t written = ::writev(fd, &parts[first], static_cast<int>(parts.size() - first));
    if (written < 0) {
      if (errno == EINTR) continue;
      return false;
    }
    auto remaining = static_cast<std::size_t>(written);
    while (first < parts.size() && remaining >= parts[first].iov_len) {
      remaining -= parts[first].iov_len;
      ++first;
    }
    if (first < parts.size()) {
      parts[first].iov_base = static_cast<char*>(parts[first].iov_base) + remaining;
      parts[first].iov_len -= remaining;
    }
  }
  return true;
}

}  // namespace notrain::framing
