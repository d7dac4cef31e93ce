#include <cstring>
#include <doctest/doctest.h>
#include <string>
#include <vector>

#include "framing.hpp"

namespace {

using notrain::framing::encode_frame;
using notrain::framing::FrameReader;
using notrain::framing::ReadStatus;

// A byte source that hands out `input` at most `chunk` bytes per read and counts what it gave.
struct ScriptedSource {
  std::string input;
  std::size_t chunk;
  std::size_t position = 0;
  std::size_t reads = 0;

  notrain::framing::ByteSource source() {
    return [this](char* buffer, std::size_t size) -> ssize_t {
      ++reads;
      const std::size_t count = std::min({size, chunk, input.size() - position});
      std::memcpy(buffer, input.data() + position, count);
      position += count;
      return static_cast<ssize_t>(count);
    };
  }
};

std::string header(std::uint32_t length) {
  std::string bytes(4, '\0');
  std::memcpy(bytes.data(), &length, 4);
  return bytes;
}

}  // namespace

TEST_CASE("frames split over one-byte reads are reassembled") {
  ScriptedSource data{encode_frame(R"({"a":1})") + encode_frame("[2]"), 1};
  FrameReader reader(data.source());
  auto first = reader.next();
  CHECK(first.status == ReadStatus::Frame);
  CHECK(first.body == R"({"a":1})");
  auto second = reader.next();
  CHECK(second.status == ReadStatus::Frame);
  CHECK(second.body == "[2]");
  CHECK(reader.next().status == ReadStatus::EndOfInput);
}

TEST_CASE("several frames arriving in one read are returned one by one") {
  std::string input;
  for (int i = 0; i < 100; ++i) input += encode_frame("message " + std::to_string(i));
  ScriptedSource data{input, input.size()};
  FrameReader reader(data.source());
  for (int i = 0; i < 100; ++i) {
    auto frame = reader.next();
    REQUIRE(frame.status == ReadStatus::Frame);
    CHECK(frame.body == "message " + std::to_string(i));
  }
  CHECK(reader.next().status == ReadStatus::EndOfInput);
  CHECK(data.reads <= 3);
}

TEST_CASE("a zero-length frame is a frame with an empty body") {
  ScriptedSource data{header(0) + encode_frame("x"), 64};
  FrameReader reader(data.source());
  auto empty = reader.next();
  CHECK(empty.status == ReadStatus::Frame);
  CHECK(empty.body.empty());
  CHECK(reader.next().body == "x");
}

TEST_CASE("a length above the cap is refused before any of the body is read") {
  ScriptedSource data{header(0xFFFFFFFFU) + std::string(100, 'x'), 4};
  FrameReader reader(data.source(), 1024);
  auto result = reader.next();
  CHECK(result.status == ReadStatus::TooLarge);
  CHECK(result.announced_length == 0xFFFFFFFFU);
  CHECK(data.position == 4);
}

TEST_CASE("a frame exactly at the cap is accepted") {
  ScriptedSource data{encode_frame(std::string(1024, 'y')), 100};
  FrameReader reader(data.source(), 1024);
  auto frame = reader.next();
  CHECK(frame.status == ReadStatus::Frame);
  CHECK(frame.body.size() == 1024);
}

TEST_CASE("input ending inside the header or the body is reported as truncated") {
  SUBCASE("header") {
    ScriptedSource data{std::string("\x05\x00", 2), 8};
    CHECK(FrameReader(data.source()).next().status == ReadStatus::TruncatedHeader);
  }
  SUBCASE("body") {
    ScriptedSource data{header(10) + "abc", 8};
    CHECK(FrameReader(data.source()).next().status == ReadStatus::TruncatedBody);
  }
  SUBCASE("nothing at all") {
    ScriptedSource data{"", 8};
    CHECK(FrameReader(data.source()).next().status == ReadStatus::EndOfInput);
  }
}

TEST_CASE("a read error is reported as such") {
  FrameReader reader([](char*, std::size_t) -> ssize_t { return -1; });
  CHECK(reader.next().status == ReadStatus::ReadError);
}

TEST_CASE("a large frame after small ones is read whole") {
  const std::string big(3 * 1024 * 1024, 'z');
  ScriptedSource data{encode_frame("small") + encode_frame(big) + encode_frame("after"), 65536};
  FrameReader reader(data.source());
  CHECK(reader.next().body == "small");
  CHECK(reader.next().body == big);
  CHECK(reader.next().body == "after");
}

TEST_CASE("encode_frame writes the length in native byte order") {
  const std::string frame = encode_frame("hello");
  std::uint32_t length = 0;
  std::memcpy(&length, frame.data(), 4);
  CHECK(length == 5);
  CHECK(frame.substr(4) == "hello");
}

TEST_CASE("large frames are read straight into their body, whatever the reads' sizes, and frames after them too") {
  const std::string big(300 * 1024 + 7, 'q');
  for (const std::size_t chunk : {std::size_t{1000}, std::size_t{65536}, std::size_t{1} << 20}) {
    CAPTURE(chunk);
    ScriptedSource data{encode_frame(big) + encode_frame("next") + encode_frame(big + "!"), chunk};
    FrameReader reader(data.source());
    CHECK(reader.next().body == big);
    CHECK(reader.next().body == "next");
    CHECK(reader.next().body == big + "!");
    CHECK(reader.next().status == ReadStatus::EndOfInput);
  }
}

TEST_CASE("a large frame cut short is truncated, and a read error inside it is an error") {
  ScriptedSource data{header(500 * 1024) + std::string(200 * 1024, 'x'), 65536};
  CHECK(FrameReader(data.source()).next().status == ReadStatus::TruncatedBody);
  std::size_t calls = 0;
  const std::string start = header(500 * 1024) + std::string(1000, 'x');
  FrameReader failing([&](char* buffer, std::size_t size) -> ssize_t {
    if (calls++ > 0) return -1;
    const std::size_t count = std::min(size, start.size());
    std::memcpy(buffer, start.data(), count);  // NOLINT(bugprone-not-null-terminated-result): bytes, not a C string
    return static_cast<ssize_t>(count);
  });
  CHECK(failing.next().status == ReadStatus::ReadError);
}
