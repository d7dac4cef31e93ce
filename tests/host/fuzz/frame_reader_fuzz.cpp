// libFuzzer target: framing::FrameReader fed from memory in chunks of fuzzer-chosen sizes, with a
// fuzzer-chosen frame cap and an optional read error. Every result is compared with a plain model of
// the wire format, so a reader that loses, invents or misplaces a byte fails, not only one that crashes.
//
// Input layout: byte 0 picks the cap, byte 1 seeds the chunk sizes, byte 2 (if odd) injects a read
// error once the stream is used up (instead of a clean end); the rest is the stream itself.
#include <algorithm>
#include <array>
#include <cstdint>
#include <cstdlib>
#include <cstring>
#include <string>
#include <string_view>

#include "framing.hpp"

namespace {

using notrain::framing::FrameReader;
using notrain::framing::ReadResult;
using notrain::framing::ReadStatus;

// Small caps make TooLarge reachable. The real 64 MiB cap is left out: the reader sizes its buffer for
// the announced length, and zeroing up to 64 MiB per input would slow the fuzzer to a crawl (the unit
// tests cover that cap).
constexpr std::array<std::uint32_t, 6> kCaps = {0, 1, 7, 64, 4096, 1024 * 1024};

void require(bool condition, const char* what) {
  if (!condition) {
    std::fprintf(stderr, "frame reader invariant broken: %s\n", what);
    std::abort();
  }
}

// What the reader must report for `stream`, frame by frame, as a simple sequential parse.
struct Model {
  std::string_view stream;
  std::uint32_t cap;
  bool read_error;
  std::size_t position = 0;

  ReadResult next() {
    ReadResult expected;
    const std::size_t left = stream.size() - position;
    const auto ended = [&](ReadStatus clean) { return read_error ? ReadStatus::ReadError : clean; };
    if (left < 4) {
      expected.status = ended(left == 0 ? ReadStatus::EndOfInput : ReadStatus::TruncatedHeader);
      return expected;
    }
    std::memcpy(&expected.announced_length, stream.data() + position, 4);
    if (expected.announced_length > cap) {
      expected.status = ReadStatus::TooLarge;
      return expected;
    }
    if (left - 4 < expected.announced_length) {
      expected.status = ended(ReadStatus::TruncatedBody);
      return expected;
    }
    expected.body.assign(stream.substr(position + 4, expected.announced_length));
    position += 4 + expected.announced_length;
    expected.status = ReadStatus::Frame;
    return expected;
  }
};

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  if (size < 3) return 0;
  const std::uint32_t cap = kCaps[data[0] % kCaps.size()];
  std::uint32_t chunk_seed = data[1] | 1u;
  const bool read_error = (data[2] & 1) != 0;
  const std::string_view stream(reinterpret_cast<const char*>(data) + 3, size - 3);

  std::size_t served = 0;
  bool error_reported = false;
  FrameReader reader(
      [&](char* buffer, std::size_t room) -> ssize_t {
        require(!error_reported, "the source was read again after it failed");
        if (served == stream.size()) {
          if (read_error) error_reported = true;
          return read_error ? -1 : 0;
        }
        // A small linear congruential sequence: chunks of 1..64 bytes, the way pipes deliver them.
        chunk_seed = chunk_seed * 1103515245u + 12345u;
        const std::size_t chunk = std::min({room, stream.size() - served, std::size_t{1 + (chunk_seed >> 16) % 64}});
        require(room > 0, "the reader asked for zero bytes");
        std::memcpy(buffer, stream.data() + served, chunk);
        served += chunk;
        return static_cast<ssize_t>(chunk);
      },
      cap);

  Model model{stream, cap, read_error};
  for (;;) {
    const ReadResult got = reader.next();
    const ReadResult expected = model.next();
    require(got.status == expected.status, "status differs from the model");
    if (got.status == ReadStatus::TooLarge || got.status == ReadStatus::Frame) {
      require(got.announced_length == expected.announced_length, "announced length differs from the model");
    }
    if (got.status != ReadStatus::Frame) break;
    require(got.body == expected.body, "frame body differs from the model");
    require(notrain::framing::encode_frame(got.body).substr(4) == got.body, "encode_frame does not round-trip");
  }
  return 0;
}
