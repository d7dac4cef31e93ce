// Looks into the database file directly, as a user's lawyer would: is it intact, what does it hold.
#pragma once
#include <SQLiteCpp/Database.h>
#include <filesystem>
#include <set>

namespace notrain::test {

inline std::string integrity(const std::filesystem::path& file) {
  SQLite::Database db(file.string(), SQLite::OPEN_READONLY);
  return db.execAndGet("PRAGMA integrity_check").getString();
}

inline std::set<std::int64_t> stored_ids(const std::filesystem::path& file) {
  SQLite::Database db(file.string(), SQLite::OPEN_READONLY);
  SQLite::Statement query(db, "SELECT id FROM confirmations");
  std::set<std::int64_t> ids;
  while (query.executeStep()) ids.insert(query.getColumn(0).getInt64());
  return ids;
}

}  // namespace notrain::test
