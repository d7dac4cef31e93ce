#include "base64.hpp"

#include <algorithm>
#include <array>
#include <cstdint>
#include <cstring>

#include <nettle/base64.h>

namespace notrain::base64 {
namespace {

bool in_alphabet(char c) {
  return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '+' || c == '/';
}

// Nettle's decoder skips white space and stops at padding; NoTrain's input must be exactly base64: whole groups
// of four, the alphabet, padding only at the end.
bool strictly_base64(std::string_view text) {
  if (text.size() % 4 != 0) return false;
  const std::size_t data = text.find_last_not_of('=') + 1;
  if (text.size() - data > 2) return false;
  return std::all_of(text.begin(), text.begin() + static_cast<std::ptrdiff_t>(data), in_alphabet);
}

}  // namespace

std::string encode(std::string_view bytes) {
  std::string out(BASE64_ENCODE_RAW_LENGTH(bytes.size()), '\0');
  base64_encode_raw(out.data(), bytes.size(), reinterpret_cast<const std::uint8_t*>(bytes.data()));
  return out;
}

bool decode_in_place(std::string& text, std::size_t from) {
  if (from > text.size() || !strictly_base64(std::string_view(text).substr(from))) return false;
  base64_decode_ctx context;
  base64_decode_init(&context);
  // Decoded a block at a time into a small buffer, then copied to the front: what is written (three bytes for
  // every four characters read) never reaches what is still to be read, whatever the decoder does inside.
  constexpr std::size_t kBlock = 4096;
  std::array<std::uint8_t, BASE64_DECODE_LENGTH(kBlock)> decoded{};
  std::size_t written = 0;
  for (std::size_t at = from; at < text.size(); at += kBlock) {
    const std::size_t length = std::min(kBlock, text.size() - at);
    std::size_t produced = decoded.size();
    if (base64_decode_update(&context, &produced, decoded.data(), length, text.data() + at) != 1) return false;
    std::memcpy(text.data() + written, decoded.data(), produced);
    written += produced;
  }
  if (base64_decode_final(&context) != 1) return false;
  text.resize(written);
  return true;
}

std::optional<std::string> decode(std::string_view text) {
  std::string bytes(text);
  if (!decode_in_place(bytes, 0)) return std::nullopt;
  return bytes;
}

}  // namespace notrain::base64
