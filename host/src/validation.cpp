#include "validation.hpp"

#include <algorithm>
#include <array>
#include <chrono>
#include <sstream>
#include <vector>

#include <boost/url/parse.hpp>
#include <date/date.h>
#include <notrain/shared_facts.hpp>

#include "byte_scan.hpp"

namespace notrain::validation {
namespace {

bool is_alpha(char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'); }
bool is_digit(char c) { return c >= '0' && c <= '9'; }
bool is_alnum(char c) { return is_alpha(c) || is_digit(c); }

bool all_of(std::string_view text, bool (*predicate)(char)) { return std::all_of(text.begin(), text.end(), predicate); }

std::vector<std::string_view> split(std::string_view text, char separator) {
  std::vector<std::string_view> parts;
  std::size_t start = 0;
  for (;;) {
    const std::size_t end = text.find(separator, start);
    parts.push_back(text.substr(start, end - start));
    if (end == std::string_view::npos) return parts;
    start = end + 1;
  }
}

bool is_email_label(std::string_view label) {
  if (label.empty() || label.size() > 63 || label.front() == '-' || label.back() == '-') return false;
  // Bytes from 0x80 up are parts of internationalised (UTF-8) domain names.
  return std::all_of(label.begin(), label.end(),
                     [](char c) { return is_alnum(c) || c == '-' || static_cast<unsigned char>(c) >= 0x80; });
}

bool is_email_local_char(char c) {
  static constexpr std::string_view kSpecials = "!#$%&'*+/=?^_`{|}~.-";
  return is_alnum(c) || kSpecials.find(c) != std::string_view::npos || static_cast<unsigned char>(c) >= 0x80;
}

}  // namespace

bool is_valid_utf8(std::string_view text) {
  std::size_t i = 0;
  while (i < text.size()) {
    // Eight ASCII bytes at a time: most of what NoTrain stores is ASCII, and verify reads every byte of it.
    if (i + bytes::kWord <= text.size() && bytes::all_ascii(bytes::word_at(text, i))) {
      i += bytes::kWord;
      continue;
    }
    const auto lead = static_cast<unsigned char>(text[i]);
    std::size_t length = 0;
    std::uint32_t code = 0;
    if (lead < 0x80) {
      ++i;
      continue;
    }
    if ((lead & 0xE0) == 0xC0) {
      length = 2;
      code = lead & 0x1FU;
    } else if ((lead & 0xF0) == 0xE0) {
      length = 3;
      code = lead & 0x0FU;
    } else if ((lead & 0xF8) == 0xF0) {
      length = 4;
      code = lead & 0x07U;
    } else return false;
    if (i + length > text.size()) return false;
    for (std::size_t j = 1; j < length; ++j) {
      const auto next = static_cast<unsigned char>(text[i + j]);
      if ((next & 0xC0) != 0x80) return false;
      code = (code << 6) | (next & 0x3FU);
    }
    static constexpr std::array<std::uint32_t, 5> kSmallest = {0, 0, 0x80, 0x800, 0x10000};
    if (code < kSmallest[length] || code > 0x10FFFF || (code >= 0xD800 && code <= 0xDFFF)) return false;
    i += length;
  }
  return true;
}

std::size_t count_characters(std::string_view utf8) {
  return static_cast<std::size_t>(
      std::count_if(utf8.begin(), utf8.end(), [](char c) { return (static_cast<unsigned char>(c) & 0xC0) != 0x80; }));
}

bool is_email(std::string_view text) {
  if (text.size() > 254) return false;
  const std::size_t at = text.rfind('@');
  if (at == std::string_view::npos || at == 0 || at > 64) return false;
  const std::string_view local = text.substr(0, at);
  const std::string_view domain = text.substr(at + 1);
  if (!all_of(local, is_email_local_char) || local.front() == '.' || local.back() == '.' ||
      local.find("..") != std::string_view::npos) {
    return false;
  }
  const auto labels = split(domain, '.');
  if (labels.size() < 2) return false;
  return std::all_of(labels.begin(), labels.end(), is_email_label);
}

bool is_account(std::string_view text) {
  if (is_email(text)) return true;
  return !text.empty() && text.size() <= 50 && all_of(text, [](char c) { return is_alnum(c) || c == '.' || c == '_'; });
}

bool is_country_code(std::string_view text) {
  return std::binary_search(facts::kCountries.begin(), facts::kCountries.end(), text);
}

bool is_language_tag(std::string_view text) {
  if (text.empty() || text.size() > 64) return false;
  const auto parts = split(text, '-');
  std::size_t i = 0;
  const auto size_between = [](std::string_view part, std::size_t low, std::size_t high) {
    return part.size() >= low && part.size() <= high;
  };
  // Private-use tags ("x-...") stand alone.
  const auto private_use_from = [&](std::size_t from) {
    if (from + 1 >= parts.size()) return false;
    for (std::size_t j = from + 1; j < parts.size(); ++j) {
      if (!size_between(parts[j], 1, 8) || !all_of(parts[j], is_alnum)) return false;
    }
    return true;
  };
  if (parts[0] == "x" || parts[0] == "X") return private_use_from(0);
  if (!size_between(parts[0], 2, 8) || parts[0].size() == 4 || !all_of(parts[0], is_alpha)) return false;
  ++i;
  // Up to three extended language subtags after a 2-3 letter language.
  for (int extlang = 0;
       extlang < 3 && parts[0].size() <= 3 && i < parts.size() && parts[i].size() == 3 && all_of(parts[i], is_alpha);
       ++extlang) {
    ++i;
  }
  if (i < parts.size() && parts[i].size() == 4 && all_of(parts[i], is_alpha)) ++i;  // script
  if (i < parts.size() &&
      ((parts[i].size() == 2 && all_of(parts[i], is_alpha)) || (parts[i].size() == 3 && all_of(parts[i], is_digit)))) {
    ++i;  // region
  }
  while (i < parts.size() && ((size_between(parts[i], 5, 8) && all_of(parts[i], is_alnum)) ||
                              (parts[i].size() == 4 && is_digit(parts[i][0]) && all_of(parts[i], is_alnum)))) {
    ++i;  // variants
  }
  while (i < parts.size() && parts[i].size() == 1 && is_alnum(parts[i][0]) && parts[i] != "x" && parts[i] != "X") {
    ++i;  // extension singleton, then at least one 2-8 subtag
    const std::size_t first = i;
    while (i < parts.size() && size_between(parts[i], 2, 8) && all_of(parts[i], is_alnum)) ++i;
    if (i == first) return false;
  }
  if (i < parts.size() && (parts[i] == "x" || parts[i] == "X")) return private_use_from(i);
  return i == parts.size();
}

bool is_http_url(std::string_view text) {
  // Bytes from 0x80 up are percent-encoded first, as a browser writes them in an address: a page's address that
  // holds raw UTF-8 (an IRI) is still that page's address, and refusing it would lose the confirmation.
  std::string encoded;
  encoded.reserve(text.size());
  for (const char c : text) {
    const auto byte = static_cast<unsigned char>(c);
    if (byte < 0x80) {
      encoded += c;
      continue;
    }
    constexpr std::string_view kHex = "0123456789ABCDEF";
    (encoded += '%') += kHex[byte >> 4];
    encoded += kHex[byte & 0xF];
  }
  const auto url = boost::urls::parse_uri(encoded);
  if (!url) return false;
  const auto scheme = url->scheme_id();
  return (scheme == boost::urls::scheme::http || scheme == boost::urls::scheme::https) && url->has_authority() &&
         !url->encoded_host().empty();
}

std::optional<std::string> normalize_timestamp(std::string_view text) {
  // YYYY-MM-DDTHH:MM:SS[.fraction](Z|±HH:MM), digits exactly where the pattern has them: date::parse alone would
  // also take one-digit fields, a zone without minutes and a bare "." before the zone.
  static constexpr std::string_view kDateTime = "dddd-dd-ddTdd:dd:dd";
  const auto fits = [](std::string_view part, std::string_view pattern) {
    return part.size() == pattern.size() && std::equal(part.begin(), part.end(), pattern.begin(), [](char c, char p) {
             return p == 'd' ? is_digit(c) : c == p || (p == 'T' && c == 't');
           });
  };
  if (text.size() < kDateTime.size() + 1 || !fits(text.substr(0, kDateTime.size()), kDateTime)) return std::nullopt;
  std::string_view rest = text.substr(kDateTime.size());
  std::size_t fraction = 0;  // the length of ".digits": 1 to 9 digits, truncated to milliseconds
  if (rest.front() == '.') {
    const auto digits = std::find_if_not(rest.begin() + 1, rest.end(), is_digit) - (rest.begin() + 1);
    if (digits == 0 || digits > 9) return std::nullopt;
    fraction = 1 + static_cast<std::size_t>(digits);
  }
  const std::string_view zone = rest.substr(fraction);
  const bool utc = zone == "Z" || zone == "z";
  // Offsets stop at 23:59 (date::parse takes any two digits).
  const bool offset = zone.size() == 6 && (zone[0] == '+' || zone[0] == '-') && fits(zone.substr(1), "dd:dd") &&
                      zone.substr(1, 2) <= "23" && zone[4] <= '5';
  if (!utc && !offset) return std::nullopt;
  if (text.substr(0, 4) < "1970") return std::nullopt;
  // Milliseconds are kept (the digits after them are dropped, not rounded), T and Z in capitals, and a leap second
  // stays within its minute.
  std::string normal(text.substr(0, kDateTime.size() + std::min<std::size_t>(fraction, 4)));
  normal[10] = 'T';
  if (normal.compare(17, 2, "60") == 0) normal.replace(17, 2, "59");
  normal += utc ? "+00:00" : std::string(zone);
  std::istringstream in(normal);
  date::sys_time<std::chrono::milliseconds> time;
  in >> date::parse("%FT%T%Ez", time);
  if (in.fail() || in.peek() != std::char_traits<char>::eof()) return std::nullopt;
  return date::format("%FT%TZ", time);
}

}  // namespace notrain::validation
