#include "json_text.hpp"

#include <array>

#include <nlohmann/json.hpp>

#include "byte_scan.hpp"
#include "validation.hpp"

namespace notrain {
namespace {

// What each byte becomes inside a JSON string: nothing (copied as it is), a short escape, or \u00XX.
constexpr char kCopy = 0;
constexpr char kUnicode = 'u';

constexpr std::array<char, 256> escape_table() {
  std::array<char, 256> table{};
  for (int c = 0; c < 0x20; ++c) table[c] = kUnicode;
  table['\b'] = 'b';
  table['\f'] = 'f';
  table['\n'] = 'n';
  table['\r'] = 'r';
  table['\t'] = 't';
  table['"'] = '"';
  table['\\'] = '\\';
  return table;
}
constexpr std::array<char, 256> kEscape = escape_table();

bool word_needs_escape(std::uint64_t word) {
  return bytes::has_byte_below(word, 0x20) || bytes::has_byte(word, '"') || bytes::has_byte(word, '\\');
}

}  // namespace

void append_json_string(std::string& out, std::string_view text) {
  if (!validation::is_valid_utf8(text)) {
    // Only a database changed by hand holds such bytes: nlohmann's own replacement is the reference.
    out += nlohmann::json(std::string(text)).dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
    return;
  }
  out += '"';
  std::size_t run_start = 0;
  for (std::size_t i = 0; i < text.size(); ++i) {
    while (i + bytes::kWord <= text.size() && !word_needs_escape(bytes::word_at(text, i))) i += bytes::kWord;
    if (i == text.size()) break;
    const char escape = kEscape[static_cast<unsigned char>(text[i])];
    if (escape == kCopy) continue;
    out.append(text, run_start, i - run_start);
    run_start = i + 1;
    if (escape == kUnicode) {
      constexpr std::string_view kHex = "0123456789abcdef";
      const auto c = static_cast<unsigned char>(text[i]);
      out += "\\u00";
      out += kHex[c >> 4];
      out += kHex[c & 0xF];
    } else {
      out += '\\';
      out += escape;
    }
  }
  out += text.substr(run_start);
  out += '"';
}

}  // namespace notrain
