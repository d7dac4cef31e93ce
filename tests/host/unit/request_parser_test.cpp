// The parser takes the largest plain string out of a frame before parsing and puts it back: what it returns must
// be exactly what parsing the whole text gives, for any text.
#include <doctest/doctest.h>

#include <random>

#include "request_parser.hpp"
#include "rpc_error.hpp"

using notrain::protocol::kLiftedStringMin;
using notrain::protocol::largest_plain_string;
using notrain::protocol::parse_request_body;
using notrain::protocol::parse_request_frame;
using Json = nlohmann::json;

namespace {

const std::string kBig(kLiftedStringMin, 'A');

std::string lifted_text(const std::string& text) {
  const auto span = largest_plain_string(text);
  REQUIRE(span.has_value());
  return text.substr(span->begin, span->end - span->begin);
}

// Parses both ways; both must agree on the value or on the error code.
void same_either_way(const std::string& text) {
  CAPTURE(text.substr(0, 120));
  int whole_error = 0;
  int frame_error = 0;
  Json whole;
  Json framed;
  try {
    whole = parse_request_body(text);
  } catch (const notrain::RpcError& error) {
    whole_error = static_cast<int>(error.code());
  }
  try {
    framed = parse_request_frame(std::string(text));
  } catch (const notrain::RpcError& error) {
    frame_error = static_cast<int>(error.code());
  }
  CHECK(frame_error == whole_error);
  CHECK(framed == whole);
}

}  // namespace

TEST_CASE("the largest string of plain ASCII is found; keys, escapes, controls and other bytes disqualify") {
  CHECK(lifted_text(R"({"screenshot":"data:image/png;base64,)" + kBig + R"("})") == "data:image/png;base64," + kBig);
  CHECK(lifted_text(R"({"a":")" + kBig + R"(","b":")" + kBig + "B" + R"("})") == kBig + "B");
  CHECK_FALSE(largest_plain_string(R"({")" + kBig + R"(" : 1})").has_value());            // a key
  CHECK_FALSE(largest_plain_string(R"({"a":")" + kBig + R"(\n"})").has_value());          // an escape
  CHECK_FALSE(largest_plain_string(R"({"a":")" + kBig + "\x01" + R"("})").has_value());   // a control
  CHECK_FALSE(largest_plain_string(R"({"a":")" + kBig + "é" + R"("})").has_value());      // not ASCII
  CHECK_FALSE(largest_plain_string(R"({"a":")" + kBig.substr(1) + R"("})").has_value());  // too short to bother
  // An escaped quote does not end a string: the long value after it is found whole.
  CHECK(lifted_text(R"({"k":"x\"y","v":")" + kBig + R"("})") == kBig);
}

TEST_CASE("a frame parses to exactly what its whole text parses to") {
  same_either_way(R"({"jsonrpc":"2.0","id":1,"method":"m","params":{"screenshot":")" + kBig + R"(","text":"t"}})");
  same_either_way(R"([")" + kBig + R"(", ")" + kBig + R"(", 1, {"x": ")" + kBig + R"("}])");
  same_either_way(R"({"a":")" + kBig + R"(", "a": 2})");                              // a repeated key replaces it
  same_either_way(R"(  ")" + kBig + R"("  )");                                        // the whole message
  same_either_way(R"({"a":")" + kBig + R"(" "b":1})");                                // not JSON: the same error
  same_either_way(R"({"a":")" + kBig);                                                // unterminated
  same_either_way(R"({"a":")" + kBig + R"("}  trailing)");                            // bytes after the value
  same_either_way(std::string(R"({"a":")") + kBig + R"("})" + std::string(1, '\0'));  // a NUL after it
}

TEST_CASE("random messages around a large string parse the same either way") {
  std::mt19937 random(41226);
  const std::vector<std::string> pieces = {"{",
                                           "}",
                                           "[",
                                           "]",
                                           ",",
                                           ":",
                                           "\"k\"",
                                           "\"v\\\"q\"",
                                           "1",
                                           "null",
                                           " ",
                                           "\"" + kBig + "\"",
                                           "\"" + kBig + "é\"",
                                           "\"",
                                           "\\",
                                           "true"};
  for (int round = 0; round < 300; ++round) {
    std::string text;
    const int length = 1 + static_cast<int>(random() % 12);
    for (int i = 0; i < length; ++i) text += pieces[random() % pieces.size()];
    same_either_way(text);
    same_either_way(R"({"p":[)" + text + R"(]})");
  }
}
