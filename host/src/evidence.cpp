#include "evidence.hpp"

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
          {"sent_at", optional_text(confirmation.sent_at)}};
}

}  // namespace notrain
