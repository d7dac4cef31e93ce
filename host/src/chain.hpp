// The hash chain over the evidence: every save and every deletion through NoTrain appends one entry that links to
// the entry before it, so that a record changed, removed or added behind NoTrain's back, or an entry taken out of
// the chain, shows. A deletion keeps a small tombstone entry (the record's id, the time, its digest; not its
// content). The chain's head, written down somewhere else (a receipt), proves that nothing before it changed.
#pragma once
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include <SQLiteCpp/Database.h>
#include <nlohmann/json.hpp>

namespace notrain {

// What an entry records: a record saved through NoTrain, one saved before the chain existed (taken in when the
// database was upgraded), or a record deleted through NoTrain.
inline constexpr std::string_view kChainSaved = "saved";
inline constexpr std::string_view kChainAdopted = "adopted";
inline constexpr std::string_view kChainDeleted = "deleted";

// The link before the first entry.
inline const std::string kChainGenesis(64, '0');

struct ChainEntry {
  std::int64_t seq = 0;
  std::string event;
  std::int64_t record_id = 0;
  std::string at;             // when it happened (UTC)
  std::string digest;         // the record's digest (of its version)
  std::string fields = "{}";  // short hashes per field (saves only), to name a change: compact JSON, as stored
  std::string prev;           // the link of the entry before
  std::string link;           // SHA-256 over prev and everything above
};

// SHA-256 (hex) over "notrain-chain-v1", prev, seq, event, record id, time, digest and fields, one per line.
std::string chain_link(const ChainEntry& entry);

// Appends an entry after the chain's current head (inside the caller's write transaction); returns it.
ChainEntry append_chain(SQLite::Database& db, std::string_view event, std::int64_t record_id, const std::string& at,
                        const std::string& digest, const nlohmann::json& fields);

// The last entry, or none for an empty chain.
std::optional<ChainEntry> chain_head(const SQLite::Database& db);

ChainEntry read_chain_entry(SQLite::Statement& row);
inline constexpr const char* kChainColumns = "seq, event, record_id, at, digest, fields, prev, link";

// Now, in UTC with milliseconds, as every time NoTrain stores is written (2026-12-03T10:42:07.123Z).
std::string utc_now();

}  // namespace notrain
