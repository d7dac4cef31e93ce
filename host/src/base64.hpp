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

}  // namespace notrain::base64
