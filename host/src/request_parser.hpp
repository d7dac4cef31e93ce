// Turns one message body into JSON: in time linear in its size, within limits of depth and values (refused while
// parsing, so such input is never built), and without copying a screenshot's megabytes.
//
// nlohmann's lexer holds every string twice while reading it (its token and its raw record, both grown by
// doubling): for a 5 MiB screenshot that was most of a 30 MiB peak. So the one largest string of plain printable
// ASCII (a data URL is one) is taken out of the text before parsing and put back afterwards in the frame's own
// buffer, moved to its start: the text of the screenshot is then held once, where it arrived.
#pragma once
#include <cstddef>
#include <optional>
#include <string>
#include <string_view>

#include <nlohmann/json.hpp>

namespace notrain::protocol {

// nlohmann's dump and copies recurse: deeper input is refused before it is ever built.
inline constexpr int kMaxDepth = 64;
// Ten times the values of the largest request (a save whose form fills its 64 KiB with tiny values): bounds the
// memory a message of small values can take (each costs a node, not its few bytes).
inline constexpr std::size_t kMaxValues = 100'000;
// Shorter strings are parsed as they are: lifting them would save nothing worth the pass.
inline constexpr std::size_t kLiftedStringMin = 256 * 1024;

// Parses exactly one JSON text. Throws RpcError: ParseError (-32700) for anything that is not JSON in UTF-8, a NUL
// byte included; InvalidRequest (-32600) over the limits, with data naming the limit.
nlohmann::json parse_request_body(std::string_view body);
// The same for a body the caller gives up: the largest plain string is lifted (above) and the rest freed.
nlohmann::json parse_request_frame(std::string&& body);

// Where the largest string of plain printable ASCII (no escape) of at least kLiftedStringMin bytes lies in `text`,
// as the offsets of its first byte and of its closing quote; none when there is no such value (keys never count).
struct TextSpan {
  std::size_t begin = 0, end = 0;
};
std::optional<TextSpan> largest_plain_string(std::string_view text);

}  // namespace notrain::protocol
