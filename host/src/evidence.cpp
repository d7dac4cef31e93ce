#include "evidence.hpp"

#include "json_text.hpp"
#include "sha256.hpp"

namespace notrain {
namespace {

nlohmann::json optional_text(const std::string& text) {
  return text.empty() ? nlohmann::json(nullptr) : nlohmann::json(text);
}

}  // namespace

std::string canonical_content(const EvidenceContent& content) {
  return nlohmann::json::array({content.service, content.kind, content.url, content.account, content.text})
      .dump(-1, ' ', false, nlohmann::json::error_handler_t::strict);
}

std::string evidence_digest(const EvidenceContent& content, std::string_view screenshot_bytes) {
  Sha256 digest;
  digest.update(canonical_content(content));
  digest.update(screenshot_bytes);
  return digest.hex_digest();
}

std::string content_key(const EvidenceContent& content) { return sha256_hex(canonical_content(content)); }

namespace {

std::string form_text(const Confirmation& record) {
  if (record.form.is_null()) return "";
  // A stored form that no longer parses is kept as its text (see store.cpp): digest that text as it is.
  if (record.form.is_string()) return record.form.get<std::string>();
  return record.form.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
}

// Calls `use` with each covered field's value as digested, in kDigestFields' order.
template <typename Use>
auto with_digested_values(const Confirmation& record, std::string_view screenshot_bytes, Use&& use) {
  const EvidenceContent& c = record.content;
  const std::string form = form_text(record);
  const std::string screenshot = screenshot_bytes.empty() ? std::string() : sha256_hex(screenshot_bytes);
  const DigestedValues values = {
      c.service,       c.kind,          c.url, c.account,      c.text,         record.captured_at,
      record.saved_at, record.language, form,  record.verdict, record.sent_at, record.screenshot_mime,
      screenshot};
  return use(values);
}

}  // namespace

std::string record_digest_v2(const DigestedValues& values) {
  std::size_t size = 32;
  for (const std::string_view value : values) size += value.size() + 8;
  std::string canonical;
  canonical.reserve(size);
  canonical += "[\"notrain-evidence\",2";
  for (const std::string_view value : values) {
    canonical += ',';
    append_json_string(canonical, value);
  }
  canonical += ']';
  return sha256_hex(canonical);
}

std::string record_digest_v2(const Confirmation& record, std::string_view screenshot_bytes) {
  return with_digested_values(record, screenshot_bytes,
                              [](const DigestedValues& values) { return record_digest_v2(values); });
}

std::string record_digest(const Confirmation& record, std::string_view screenshot_bytes) {
  return record.digest_version == 1 ? evidence_digest(record.content, screenshot_bytes)
                                    : record_digest_v2(record, screenshot_bytes);
}

nlohmann::json field_hashes(const Confirmation& record, std::string_view screenshot_bytes) {
  return with_digested_values(record, screenshot_bytes, [](const DigestedValues& values) {
    nlohmann::json hashes = nlohmann::json::object();
    for (std::size_t i = 0; i < values.size(); ++i) {
      hashes[std::string(kDigestFields[i])] = sha256_hex(values[i]).substr(0, 16);
    }
    return hashes;
  });
}

nlohmann::json to_json(const ConfirmationSummary& summary) {
  return {{"id", summary.id},
          {"service", summary.service},
          {"kind", summary.kind},
          {"account", optional_text(summary.account)},
          {"captured_at", summary.captured_at},
          {"url", summary.url},
          {"sha256", summary.sha256},
          {"has_screenshot", summary.has_screenshot}};
}

nlohmann::json to_json(const Confirmation& confirmation) {
  return {{"id", confirmation.id},
          {"service", confirmation.content.service},
          {"kind", confirmation.content.kind},
          {"url", confirmation.content.url},
          {"account", optional_text(confirmation.content.account)},
          {"text", confirmation.content.text},
          {"captured_at", confirmation.captured_at},
          {"language", optional_text(confirmation.language)},
          {"form", confirmation.form},
          {"sha256", confirmation.sha256},
          {"has_screenshot", confirmation.screenshot_size > 0},
          {"screenshot_mime", optional_text(confirmation.screenshot_mime)},
          {"screenshot_size", confirmation.screenshot_size},
          {"saved_at", confirmation.saved_at},
          {"verdict", optional_text(confirmation.verdict)},
          {"sent_at", optional_text(confirmation.sent_at)},
          {"digest_version", confirmation.digest_version}};
}

}  // namespace notrain
