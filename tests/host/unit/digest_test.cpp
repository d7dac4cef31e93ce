#include <doctest/doctest.h>

#include "base64.hpp"
#include "evidence.hpp"
#include "sha256.hpp"

using notrain::sha256_hex;

TEST_CASE("SHA-256 matches the FIPS 180-4 test vectors") {
  CHECK(sha256_hex("") == "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");
  CHECK(sha256_hex("abc") == "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
  CHECK(sha256_hex("abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq") ==
        "248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1");
  CHECK(sha256_hex(std::string(1000000, 'a')) == "cdc76e5c9914fb9281a1c7e284d73e67f1809a48a497200e046d39ccc7112cd0");
}

TEST_CASE("SHA-256 gives the same digest however the input is split") {
  const std::string text(1000, 'q');
  for (std::size_t split : {0, 1, 55, 56, 63, 64, 65, 999}) {
    notrain::Sha256 digest;
    digest.update(std::string_view(text).substr(0, split));
    digest.update(std::string_view(text).substr(split));
    CHECK(digest.hex_digest() == sha256_hex(text));
  }
}

TEST_CASE("base64 round-trips every length and refuses what is not base64") {
  std::string bytes;
  for (int i = 0; i < 300; ++i) {
    const auto decoded = notrain::base64::decode(notrain::base64::encode(bytes));
    REQUIRE(decoded.has_value());
    CHECK(*decoded == bytes);
    bytes.push_back(static_cast<char>(i * 37));
  }
  CHECK(notrain::base64::encode("foobar") == "Zm9vYmFy");
  CHECK(notrain::base64::encode("fo") == "Zm8=");
  CHECK_FALSE(notrain::base64::decode("Zm9").has_value());
  CHECK_FALSE(notrain::base64::decode("Zm9v YmFy").has_value());
  CHECK_FALSE(notrain::base64::decode("Zm=v").has_value());
  CHECK_FALSE(notrain::base64::decode("Zm9v\nYmFy").has_value());
}

TEST_CASE("the evidence digest covers the content and the screenshot") {
  const notrain::EvidenceContent content{"facebook", "page", "https://www.facebook.com/x", "", "We will honour"};
  const std::string plain = notrain::evidence_digest(content, "");
  CHECK(plain == notrain::content_key(content));
  CHECK(notrain::evidence_digest(content, "png bytes") != plain);
  auto changed = content;
  changed.text += ".";
  CHECK(notrain::evidence_digest(changed, "") != plain);
  changed = content;
  changed.account = "someone";
  CHECK(notrain::content_key(changed) != notrain::content_key(content));
}

TEST_CASE("the version-2 digest is SHA-256 over the compact JSON array its documentation describes") {
  // The definition in evidence.hpp, written with nlohmann as a reader of the documentation would.
  const auto documented = [](const notrain::Confirmation& r, const std::string& screenshot) {
    nlohmann::json form_text = r.form.is_null() ? nlohmann::json("") : nlohmann::json(r.form.dump());
    const nlohmann::json array = {"notrain-evidence",
                                  2,
                                  r.content.service,
                                  r.content.kind,
                                  r.content.url,
                                  r.content.account,
                                  r.content.text,
                                  r.captured_at,
                                  r.saved_at,
                                  r.language,
                                  form_text,
                                  r.verdict,
                                  r.sent_at,
                                  r.screenshot_mime,
                                  screenshot.empty() ? std::string() : sha256_hex(screenshot)};
    return sha256_hex(array.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace));
  };
  notrain::Confirmation record;
  record.content = {"instagram", "page", "https://help.instagram.com/contact/767264225370182?x=\"1\"", "an@example.be",
                    "Merci.\nNous honorerons votre objection — \x01\x1f \\ \"cité\" 🙂"};
  record.captured_at = "2025-05-20T14:03:00.000Z";
  record.saved_at = "2025-05-20T14:03:01.250Z";
  record.language = "fr-BE";
  record.form = {{"email", "an@example.be"}, {"reason", "Je m'oppose.\tVraiment."}, {"country", "BE"}};
  record.verdict = "honoured";
  record.sent_at = "2025-05-20T14:02:00.000Z";
  record.screenshot_mime = "image/png";
  const std::string screenshot = "\x89PNG\r\n\x1a\n not really a picture";
  CHECK(notrain::record_digest_v2(record, screenshot) == documented(record, screenshot));
  record.form = nullptr;
  record.screenshot_mime.clear();
  CHECK(notrain::record_digest_v2(record, "") == documented(record, ""));
  record.content.text = "broken \xc3 UTF-8 from a file changed by hand";
  CHECK(notrain::record_digest_v2(record, "") == documented(record, ""));
}
