// Standard base64 (RFC 4648, with padding), used for screenshots: they arrive as data URLs and
// leave in chunks that fit a native-messaging frame.
#pragma once
#include <optional>
#include <string>
#include <string_view>

namespace notrain::base64 {

std::string encode(std::string_view bytes);
// Strict: the alphabet, correct padding, no white space. nullopt when the text is not base64.
std::optional<std::string> decode(std::string_view text);
// The same for the base64 text that starts at `from` in `text`, decoded into `text` itself (which then holds the
// bytes alone): a screenshot's megabytes are not held twice. False when it is not base64 (`text` is then spoilt).
bool decode_in_place(std::string& text, std::size_t from);

}  // namespace notrain::base64
