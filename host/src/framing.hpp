// Native-messaging framing: each message is a 32-bit length in native byte order followed by that
// many bytes of UTF-8 JSON. This file knows bytes and lengths, nothing about JSON.
#pragma once
#include <cstddef>
#include <cstdint>
#include <functional>
#include <memory>
#include <string>
#include <string_view>
#include <sys/types.h>

namespace notrain::framing {

// Browsers may send up to 4 GiB; the host refuses anything above this before allocating.
inline constexpr std::uint32_t kMaxInputFrame = 64U * 1024 * 1024;
// Chrome and Firefox close the port when a host sends more than 1 MiB in one message.
inline constexpr std::size_t kMaxOutputFrame = 1024 * 1024;

// Reads up to `size` bytes into `buffer`; returns the count, 0 at end of input, -1 on error.
using ByteSource = std::function<ssize_t(char* buffer, std::size_t size)>;
ByteSource fd_source(int fd);

enum class ReadStatus {
  Frame,            // `body` holds one message
  EndOfInput,       // clean end between messages
  TruncatedHeader,  // input ended inside the 4-byte length
  TruncatedBody,    // input ended before the announced length
  TooLarge,         // announced length above the cap; nothing of the body was read
  ReadError,
};

struct ReadResult {
  ReadStatus status = ReadStatus::EndOfInput;
  std::string body;
  std::uint32_t announced_length = 0;
};

// Reads frames across partial reads and several frames per read.
class FrameReader {
 public:
  explicit FrameReader(ByteSource source, std::uint32_t max_frame = kMaxInputFrame);
  ReadResult next();

 private:
  // Makes at least `count` unread bytes available; false if the input ended or failed first.
  bool fill(std::size_t count);
  // Reads a body longer than a chunk into `result.body` itself; false if the input ended or failed first.
  bool read_large_body(ReadResult& result);
  // Moves unread bytes to the front and, after a large frame, gives its memory back.
  void compact();

  ByteSource source_;
  std::uint32_t max_frame_;
  // Grows the storage to `size` bytes (never shrinks), keeping the unread bytes at the front.
  void reserve(std::size_t size);

  // Storage left uninitialised (`read` writes it): clearing 64 KiB on every start was a fifth of a cold ping's
  // instructions. Bytes [position_, filled_) are read but unconsumed.
  std::unique_ptr<char[]> buffer_;
  std::size_t capacity_ = 0;
  std::size_t position_ = 0;
  std::size_t filled_ = 0;
  bool failed_ = false;
};

std::string encode_frame(std::string_view body);

// Writes one frame completely (retrying partial writes and interruptions). False if the reader is
// gone or the body exceeds the output cap, which callers must have prevented.
bool write_frame(int fd, std::string_view body);

}  // namespace notrain::framing
