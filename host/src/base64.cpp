#include "base64.hpp"

#include <algorithm>

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

std::optional<std::string> decode(std::string_view text) {
  if (!strictly_base64(text)) return std::nullopt;
  base64_decode_ctx context;
  base64_decode_init(&context);
  std::string out(BASE64_DECODE_LENGTH(text.size()), '\0');
  std::size_t length = out.size();
  if (base64_decode_update(&context, &length, reinterpret_cast<std::uint8_t*>(out.data()), text.size(), text.data()) != 1 ||
      base64_decode_final(&context) != 1) {
    return std::nullopt;
  }
  out.resize(length);
  return out;
}

}  // namespace notrain::base64
