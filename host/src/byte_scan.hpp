// Tests on eight bytes at once (the classic bit tricks), for the loops that read every byte of every stored
// text: verify and export of 100,000 records spent most of their time testing bytes one by one.
#pragma once
#include <cstdint>
#include <cstring>
#include <string_view>

namespace notrain::bytes {

inline constexpr std::size_t kWord = sizeof(std::uint64_t);
inline constexpr std::uint64_t kOnes = 0x0101010101010101U;
inline constexpr std::uint64_t kHighs = 0x8080808080808080U;

// The eight bytes at `text[at]` (the caller checks at + kWord <= text.size()).
inline std::uint64_t word_at(std::string_view text, std::size_t at) {
  std::uint64_t word = 0;
  std::memcpy(&word, text.data() + at, kWord);
  return word;
}

// Exact as an answer for the whole word (a borrow can only follow a byte that matches).
inline constexpr bool has_byte_below(std::uint64_t word, unsigned char limit) {
  return ((word - kOnes * limit) & ~word & kHighs) != 0;
}
inline constexpr bool has_byte(std::uint64_t word, unsigned char value) {
  return has_byte_below(word ^ (kOnes * value), 1);
}
inline constexpr bool all_ascii(std::uint64_t word) { return (word & kHighs) == 0; }

}  // namespace notrain::bytes
