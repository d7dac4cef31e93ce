#include <doctest/doctest.h>

#include "validation.hpp"

using namespace notrain::validation;

TEST_CASE("e-mail addresses") {
  CHECK(is_email("marie.dupont@example.be"));
  CHECK(is_email("jan+meta@sub.example.nl"));
  CHECK(is_email("müller@beispiel.de"));
  CHECK_FALSE(is_email(""));
  CHECK_FALSE(is_email("no-at-sign.example.com"));
  CHECK_FALSE(is_email("two@@example.com"));
  CHECK_FALSE(is_email("user@localhost"));
  CHECK_FALSE(is_email("user@-example.com"));
  CHECK_FALSE(is_email(".user@example.com"));
  CHECK_FALSE(is_email("us..er@example.com"));
  CHECK_FALSE(is_email("user name@example.com"));
  CHECK_FALSE(is_email(std::string(250, 'a') + "@example.com"));
}

TEST_CASE("countries are officially assigned ISO 3166-1 alpha-2 codes") {
  for (const char* code : {"BE", "FR", "NL", "DE", "LU", "IT", "ES", "PL", "PT", "GB", "CH", "BR"}) {
    CHECK(is_country_code(code));
  }
  CHECK_FALSE(is_country_code("be"));
  CHECK_FALSE(is_country_code("UK"));
  CHECK_FALSE(is_country_code("EU"));
  CHECK_FALSE(is_country_code("XX"));
  CHECK_FALSE(is_country_code("BEL"));
  CHECK_FALSE(is_country_code(""));
}

TEST_CASE("language tags follow BCP 47") {
  for (const char* tag : {"fr", "nl-BE", "de-DE", "en", "pt-BR", "zh-Hant-TW", "sr-Latn-RS", "es-419", "de-CH-1996",
                          "en-US-x-twain", "x-private", "gsw", "fr-u-ca-gregory"}) {
    CHECK_MESSAGE(is_language_tag(tag), tag);
  }
  for (const char* tag :
       {"", "f", "french-", "-fr", "fr_BE", "fr--BE", "toolonglanguage", "en-a", "x-", "fr BE", "12"}) {
    CHECK_FALSE_MESSAGE(is_language_tag(tag), tag);
  }
}

TEST_CASE("timestamps are normalised to UTC with milliseconds") {
  CHECK(normalize_timestamp("2025-05-20T14:03:00Z") == "2025-05-20T14:03:00.000Z");
  CHECK(normalize_timestamp("2025-05-20T16:03:00.5+02:00") == "2025-05-20T14:03:00.500Z");
  CHECK(normalize_timestamp("2025-01-01T00:30:00.123456-01:00") == "2025-01-01T01:30:00.123Z");
  CHECK(normalize_timestamp("2025-01-01T00:30:00+01:00") == "2024-12-31T23:30:00.000Z");
  CHECK_FALSE(normalize_timestamp("2025-05-20").has_value());
  CHECK_FALSE(normalize_timestamp("2025-05-20T14:03:00").has_value());
  CHECK_FALSE(normalize_timestamp("2025-02-30T14:03:00Z").has_value());
  CHECK_FALSE(normalize_timestamp("2025-05-20T25:03:00Z").has_value());
  CHECK_FALSE(normalize_timestamp("2025-05-20T14:03:00+2:00").has_value());
  CHECK_FALSE(normalize_timestamp("yesterday at noon").has_value());
}

TEST_CASE("timestamps: fractions, zones, leap days, out-of-range fields and trailing junk") {
  // Fractions: 1 to 9 digits, cut (not rounded) to milliseconds.
  CHECK(normalize_timestamp("2025-05-20T14:03:00.1Z") == "2025-05-20T14:03:00.100Z");
  CHECK(normalize_timestamp("2025-05-20T14:03:00.9999Z") == "2025-05-20T14:03:00.999Z");
  CHECK(normalize_timestamp("2025-05-20T14:03:00.123456789Z") == "2025-05-20T14:03:00.123Z");
  CHECK_FALSE(normalize_timestamp("2025-05-20T14:03:00.1234567891Z").has_value());
  CHECK_FALSE(normalize_timestamp("2025-05-20T14:03:00.Z").has_value());
  CHECK_FALSE(normalize_timestamp("2025-05-20T14:03:00,5Z").has_value());
  // Zones: Z or z, ±hh:mm up to 23:59; T or t.
  CHECK(normalize_timestamp("2025-05-20t14:03:00z") == "2025-05-20T14:03:00.000Z");
  CHECK(normalize_timestamp("2025-05-20T14:03:00-00:00") == "2025-05-20T14:03:00.000Z");
  CHECK(normalize_timestamp("2025-05-20T23:30:00-23:59") == "2025-05-21T23:29:00.000Z");
  CHECK(normalize_timestamp("2025-03-01T00:30:00+05:45") == "2025-02-28T18:45:00.000Z");
  for (const char* zone : {"+24:00", "+23:60", "+0200", "+02", "+02:0", "UTC", "", " Z", "Z ", "ZZ", "+02:00x"}) {
    CAPTURE(zone);
    CHECK_FALSE(normalize_timestamp(std::string("2025-05-20T14:03:00") + zone).has_value());
  }
  // Leap days, and a leap second kept within its minute.
  CHECK(normalize_timestamp("2024-02-29T12:00:00Z") == "2024-02-29T12:00:00.000Z");
  CHECK(normalize_timestamp("2000-02-29T12:00:00Z") == "2000-02-29T12:00:00.000Z");
  CHECK_FALSE(normalize_timestamp("2100-02-29T12:00:00Z").has_value());
  CHECK_FALSE(normalize_timestamp("2025-02-29T12:00:00Z").has_value());
  CHECK(normalize_timestamp("2016-12-31T23:59:60.5Z") == "2016-12-31T23:59:59.500Z");
  CHECK(normalize_timestamp("2024-12-31T23:30:00-01:00") == "2025-01-01T00:30:00.000Z");
  // Out-of-range fields, years before 1970, and digits where the pattern has none (or none where it has them).
  for (const char* text :
       {"2025-13-01T00:00:00Z", "2025-00-10T00:00:00Z", "2025-04-31T00:00:00Z", "2025-05-32T00:00:00Z",
        "2025-05-20T24:00:00Z", "2025-05-20T14:60:00Z", "2025-05-20T14:03:61Z", "1969-12-31T23:59:59Z",
        "2025-5-20T14:03:00Z", "+2025-05-20T14:03:00Z", "20250520T140300Z", "2025-05-20 14:03:00Z",
        " 2025-05-20T14:03:00Z", "2025-05-20T14:03Z", "２025-05-20T14:03:00Z"}) {
    CAPTURE(text);
    CHECK_FALSE(normalize_timestamp(text).has_value());
  }
  CHECK(normalize_timestamp("1970-01-01T00:00:00Z") == "1970-01-01T00:00:00.000Z");
  CHECK(normalize_timestamp("9999-12-31T23:59:59.999Z") == "9999-12-31T23:59:59.999Z");
  CHECK(normalize_timestamp("1970-01-01T00:30:00+01:00") == "1969-12-31T23:30:00.000Z");  // the year is the sender's
}

TEST_CASE("UTF-8 is checked strictly and counted in characters") {
  CHECK(is_valid_utf8("Ça va, één, schön"));
  CHECK_FALSE(is_valid_utf8("\xC3"));
  CHECK_FALSE(is_valid_utf8("\xC0\xAF"));          // overlong
  CHECK_FALSE(is_valid_utf8("\xED\xA0\x80"));      // surrogate
  CHECK_FALSE(is_valid_utf8("\xF4\x90\x80\x80"));  // above U+10FFFF
  CHECK(count_characters("één") == 3);
  CHECK(count_characters("😀a") == 2);
}

TEST_CASE("web addresses") {
  CHECK(is_http_url("https://www.facebook.com/help/contact/712876720715583"));
  CHECK(is_http_url("http://localhost:8080/x"));
  CHECK_FALSE(is_http_url("javascript:alert(1)"));
  CHECK_FALSE(is_http_url("https://"));
  CHECK_FALSE(is_http_url("https://a b.com/"));
  CHECK_FALSE(is_http_url("ftp://example.com/"));
  // Parsed as RFC 3986 says (Boost.URL): fragments, ports, IPv6 and case-insensitive schemes are fine; a broken
  // escape, a missing host or a control character is not.
  CHECK(is_http_url("https://www.facebook.com/help/contact/712876720715583?locale=nl_NL#form"));
  CHECK(is_http_url("HTTPS://www.instagram.com/"));
  CHECK(is_http_url("http://[::1]:8443/x"));
  CHECK(is_http_url("https://fr.wikipedia.org/wiki/Économie"));  // raw UTF-8, as some pages report it
  CHECK_FALSE(is_http_url("https:///path-without-host"));
  CHECK_FALSE(is_http_url("https://x.y/%zz"));
  CHECK_FALSE(is_http_url("https://x.y/\n"));
  CHECK_FALSE(is_http_url("https://x.y/\x7f"));
  CHECK_FALSE(is_http_url("data:text/html,hi"));
}
