#include "chain.hpp"

#include <chrono>
#include <cstdio>

#include <SQLiteCpp/Statement.h>

#include "sha256.hpp"

namespace notrain {

std::string chain_link(const ChainEntry& entry) {
  const std::string text = "notrain-chain-v1\n" + entry.prev + "\n" + std::to_string(entry.seq) + "\n" + entry.event +
                           "\n" + std::to_string(entry.record_id) + "\n" + entry.at + "\n" + entry.digest + "\n" +
                           entry.fields;
  return sha256_hex(text);
}

ChainEntry read_chain_entry(SQLite::Statement& row) {
  ChainEntry entry;
  entry.seq = row.getColumn(0).getInt64();
  entry.event = row.getColumn(1).getString();
  entry.record_id = row.getColumn(2).getInt64();
  entry.at = row.getColumn(3).getString();
  entry.digest = row.getColumn(4).getString();
  // As stored: the link covers these bytes, so a fields column changed in any way no longer matches.
  entry.fields = row.getColumn(5).getString();
  entry.prev = row.getColumn(6).getString();
  entry.link = row.getColumn(7).getString();
  return entry;
}

std::optional<ChainEntry> chain_head(const SQLite::Database& db) {
  SQLite::Statement query(db, std::string("SELECT ") + kChainColumns + " FROM chain ORDER BY seq DESC LIMIT 1");
  if (!query.executeStep()) return std::nullopt;
  return read_chain_entry(query);
}

ChainEntry append_chain(SQLite::Database& db, std::string_view event, std::int64_t record_id, const std::string& at,
                        const std::string& digest, const nlohmann::json& fields) {
  const std::optional<ChainEntry> head = chain_head(db);
  ChainEntry entry;
  entry.seq = head ? head->seq + 1 : 1;
  entry.event = std::string(event);
  entry.record_id = record_id;
  entry.at = at;
  entry.digest = digest;
  entry.fields = fields.dump();
  entry.prev = head ? head->link : kChainGenesis;
  entry.link = chain_link(entry);
  SQLite::Statement insert(db,
                           "INSERT INTO chain (seq, event, record_id, at, digest, fields, prev, link) "
                           "VALUES (?, ?, ?, ?, ?, ?, ?, ?)");
  insert.bind(1, entry.seq);
  insert.bind(2, entry.event);
  insert.bind(3, entry.record_id);
  insert.bind(4, entry.at);
  insert.bind(5, entry.digest);
  insert.bind(6, entry.fields);
  insert.bind(7, entry.prev);
  insert.bind(8, entry.link);
  insert.exec();
  return entry;
}

std::string utc_now() {
  using namespace std::chrono;
  const auto now = time_point_cast<milliseconds>(system_clock::now());
  const auto day = floor<days>(now);
  const year_month_day date{day};
  const hh_mm_ss time{now - day};
  char text[32];
  std::snprintf(text, sizeof text, "%04d-%02u-%02uT%02ld:%02ld:%02ld.%03ldZ", static_cast<int>(date.year()),
                static_cast<unsigned>(date.month()), static_cast<unsigned>(date.day()),
                static_cast<long>(time.hours().count()), static_cast<long>(time.minutes().count()),
                static_cast<long>(time.seconds().count()), static_cast<long>(time.subseconds().count()));
  return text;
}

}  // namespace notrain
