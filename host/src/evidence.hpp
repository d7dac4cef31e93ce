// What a stored confirmation is, and how its digest is computed. The digest is the user's proof that
// a record was not changed after it was saved: `verify` recomputes it from the stored fields.
#pragma once
#include <array>
#include <cstdint>
#include <iterator>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include <nlohmann/json.hpp>

#include "notrain/services.hpp"

namespace notrain {

// kServices: generated from the extension's rule files (notrain/services.hpp).
// "setting": a platform's own AI-training setting, operated on the user's click. What was seen travels in `form`
// (so that digest version 2 covers it): {"setting": the rule's name, "label": the control's label as shown,
// "before": "on" | "off", "after": "on" | "off" | "" (unknown), "held": true | false (read again once
// the platform saved, the setting said "not used for AI")}.
inline constexpr std::string_view kKinds[] = {"page", "inbox", "email", "manual", "setting"};
// The keys of a setting's `form` (see above), each required on a record of kind "setting".
inline constexpr std::string_view kSettingFormKeys[] = {"setting", "label", "before", "after", "held"};
// What Meta's wording said, as the extension classified it: "unknown" is a wording no rule knows, kept
// because it followed the user's own send; empty for records saved before verdicts were kept.
inline constexpr std::string_view kVerdicts[] = {"honoured", "received", "unknown"};

// Version 1 covered the content (service, kind, url, account, text) and the screenshot; version 2 covers every field
// that is shown or exported. Records keep the version they were saved with (docs: README, "What the evidence proves").
inline constexpr int kDigestVersion = 2;

// The fields that make two confirmations "the same": saving them again is a duplicate.
struct EvidenceContent {
  std::string service;
  std::string kind;
  std::string url;
  std::string account;  // empty when the page showed none
  std::string text;
};

struct Screenshot {
  std::string mime;   // image/png or image/jpeg
  std::string bytes;  // decoded image
};

// bugprone-exception-escape reports nlohmann::json's destructor (it may allocate while it takes apart nested values).
// NOLINTNEXTLINE(bugprone-exception-escape)
struct NewConfirmation {
  EvidenceContent content;
  std::string captured_at;  // normalised UTC, see validation::normalize_timestamp
  std::string language;     // BCP 47 or empty
  nlohmann::json form;      // the submitted values, or null
  std::string verdict;      // one of kVerdicts, or empty
  std::string sent_at;      // when the user sent the form (kind page), normalised UTC, or empty
  std::optional<Screenshot> screenshot;
};

struct ConfirmationSummary {
  std::int64_t id = 0;
  std::string service, kind, account, captured_at, url, sha256;
  bool has_screenshot = false;
};

// bugprone-exception-escape reports nlohmann::json's destructor (it may allocate while it takes apart nested values).
// NOLINTNEXTLINE(bugprone-exception-escape)
struct Confirmation {
  std::int64_t id = 0;
  EvidenceContent content;
  std::string captured_at, language, saved_at, sha256, verdict, sent_at;
  nlohmann::json form;
  std::string screenshot_mime;
  std::int64_t screenshot_size = 0;  // 0 when there is none
  int digest_version = kDigestVersion;
};

// The fields a version-2 digest covers, in their canonical order; verify names a changed one by these names.
inline constexpr std::string_view kDigestFields[] = {
    "service", "kind",    "url",     "account",         "text",      "captured_at", "saved_at", "language",
    "form",    "verdict", "sent_at", "screenshot_mime", "screenshot"};

using DigestedValues = std::array<std::string_view, std::size(kDigestFields)>;

// Version 2: SHA-256 (hex) over ["notrain-evidence", 2, service, kind, url, account, text, captured_at, saved_at,
// language, form (compact JSON with sorted keys, or ""), verdict, sent_at, screenshot_mime, SHA-256 of the
// screenshot's bytes (or "")], written as compact JSON (UTF-8, no spaces).
std::string record_digest_v2(const Confirmation& record, std::string_view screenshot_bytes);
// The same over the values themselves (verify reads them straight from the database's rows).
std::string record_digest_v2(const DigestedValues& values);
// The digest of `record` under its own version (1 or 2).
std::string record_digest(const Confirmation& record, std::string_view screenshot_bytes);
// One short hash per field of kDigestFields: kept in the chain, so that verify can name what changed.
nlohmann::json field_hashes(const Confirmation& record, std::string_view screenshot_bytes);

// Canonical serialisation of the content: a JSON array in a fixed order, compact, UTF-8.
std::string canonical_content(const EvidenceContent& content);
// SHA-256 (hex) over the canonical content followed by the screenshot's bytes.
std::string evidence_digest(const EvidenceContent& content, std::string_view screenshot_bytes);
// SHA-256 (hex) over the canonical content alone: the key that finds duplicates.
std::string content_key(const EvidenceContent& content);

nlohmann::json to_json(const ConfirmationSummary& summary);
nlohmann::json to_json(const Confirmation& confirmation);

}  // namespace notrain
