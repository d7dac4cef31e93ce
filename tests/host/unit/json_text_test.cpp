// append_json_string must write what nlohmann's compact dump writes, byte for byte: version-2 digests were
// defined through that dump, so a difference would make every stored record look changed.
#include <doctest/doctest.h>

#include <random>

#include <nlohmann/json.hpp>

#include "json_text.hpp"

namespace {

std::string as_nlohmann_writes(const std::string& text) {
  return nlohmann::json(text).dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
}

std::string as_we_write(const std::string& text) {
  std::string out = "prefix";
  notrain::append_json_string(out, text);
  return out.substr(6);
}

}  // namespace

TEST_CASE("every single byte and the usual escapes are written as nlohmann writes them") {
  for (int byte = 0; byte < 256; ++byte) {
    const std::string text = "a" + std::string(1, static_cast<char>(byte)) + "b";
    CHECK_MESSAGE(as_we_write(text) == as_nlohmann_writes(text), "byte ", byte);
  }
  for (const std::string text : {"", "\"", "\\", "\b\f\n\r\t", "\x7f", "é ü — 日本 🙂", "\xc3", "\xed\xa0\x80",
                                 "a\0b", "ends with \xf0\x9f"}) {
    CHECK(as_we_write(text) == as_nlohmann_writes(text));
  }
}

TEST_CASE("random strings of controls, ASCII, UTF-8 and broken sequences are written as nlohmann writes them") {
  std::mt19937 random(20261204);
  const std::vector<std::string> pieces = {
      "a", "Z", " ",    "\"",   "\\",   "\n",       "\x01", "\x1f",           "\x7f",
      "é", "€", "🙂", "\x80", "\xc3", "\xe2\x82", "\xff", "plain text run "};
  for (int round = 0; round < 2000; ++round) {
    std::string text;
    const int length = static_cast<int>(random() % 40);
    for (int i = 0; i < length; ++i) text += pieces[random() % pieces.size()];
    REQUIRE(as_we_write(text) == as_nlohmann_writes(text));
  }
}

TEST_CASE("what comes before in the buffer is kept") {
  std::string out = "[1,";
  notrain::append_json_string(out, "x\ny");
  CHECK(out == "[1,\"x\\ny\"");
}
