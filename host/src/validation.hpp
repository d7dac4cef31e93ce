// Checks on the values people and pages send: e-mail addresses, countries, languages, timestamps,
// text lengths. Pure functions; the handlers turn a failed check into error 1001 naming the field.
#pragma once
#include <cstddef>
#include <optional>
#include <string>
#include <string_view>

namespace notrain::validation {

bool is_valid_utf8(std::string_view text);
// Unicode code points in valid UTF-8 text.
std::size_t count_characters(std::string_view utf8);

bool is_email(std::string_view text);
// The account a confirmation is about: an e-mail address, or a Meta username (letters, digits, "." and "_", as
// Facebook and Instagram allow them, up to 50 characters).
bool is_account(std::string_view text);
// ISO 3166-1 alpha-2, upper case, officially assigned codes only.
bool is_country_code(std::string_view text);
// Well-formed BCP 47 language tag (RFC 5646 syntax: language, script, region, variants,
// extensions, private use; grandfathered tags are not accepted).
bool is_language_tag(std::string_view text);
bool is_http_url(std::string_view text);

// Parses an ISO-8601 date-time with seconds and a zone (Z or ±HH:MM), and returns it in UTC as
// "YYYY-MM-DDTHH:MM:SS.mmmZ" so that stored times sort as text. nullopt when malformed.
std::optional<std::string> normalize_timestamp(std::string_view text);

}  // namespace notrain::validation
