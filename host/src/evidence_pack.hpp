// An evidence pack: one ZIP file for a consumer organisation or a data-protection authority, with each
// confirmation's record (JSON), text and screenshot, its place in the hash chain, a printable one-page report in
// the user's language, and SHA256SUMS, which `sha256sum -c SHA256SUMS` checks after unpacking.
#pragma once
#include <cstdint>
#include <filesystem>
#include <optional>
#include <string>

#include "store.hpp"

namespace notrain {

struct PackRequest {
  std::optional<std::int64_t> id;  // one confirmation, or every one
  std::string language;            // en, fr, nl or de for the report; empty: the record's, else English
};

// Writes the pack to `target` (whole or not at all, private to the user); returns how many confirmations it holds.
// Throws OutputError (the file) or std::runtime_error (no such confirmation).
std::size_t write_evidence_pack(Store& store, const PackRequest& request, const std::filesystem::path& target);
// The same into an open file (the full page's download, download.hpp); throws as above.
std::size_t write_evidence_pack(Store& store, const PackRequest& request, int fd);

}  // namespace notrain
