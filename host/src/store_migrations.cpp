#include "store_migrations.hpp"

#include "store.hpp"

#include <array>
#include <stdexcept>
#include <string>

#include <SQLiteCpp/Transaction.h>

namespace notrain {
namespace {

// Append only: a released step never changes, a new schema is a new step.
constexpr std::array<const char*, 2> kMigrations = {
    // 1: profile and confirmations.
    R"sql(
      CREATE TABLE profile (
        id INTEGER PRIMARY KEY CHECK (id = 1),
        json TEXT NOT NULL
      );
      CREATE TABLE confirmations (
        id INTEGER PRIMARY KEY AUTOINCREMENT,
        service TEXT NOT NULL,
        kind TEXT NOT NULL,
        url TEXT NOT NULL,
        account TEXT NOT NULL DEFAULT '',
        text TEXT NOT NULL,
        captured_at TEXT NOT NULL,
        language TEXT NOT NULL DEFAULT '',
        form TEXT,
        screenshot BLOB,
        screenshot_mime TEXT NOT NULL DEFAULT '',
        content_key TEXT NOT NULL UNIQUE,
        sha256 TEXT NOT NULL,
        saved_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now'))
      );
    )sql",
    // 2: listing newest first, in all services or one, stays an index walk at 100k records.
    R"sql(
      CREATE INDEX confirmations_by_time ON confirmations (captured_at DESC, id DESC);
      CREATE INDEX confirmations_by_service_time ON confirmations (service, captured_at DESC, id DESC);
    )sql",
};

int current_version(SQLite::Database& db) { return db.execAndGet("PRAGMA user_version").getInt(); }

}  // namespace

int latest_schema_version() { return static_cast<int>(kMigrations.size()); }

void migrate(SQLite::Database& db) {
  if (current_version(db) == latest_schema_version()) return;
  for (;;) {
    // IMMEDIATE: two hosts starting at once must not both run the same step.
    SQLite::Transaction transaction(db, SQLite::TransactionBehavior::IMMEDIATE);
    const int version = current_version(db);
    if (version > latest_schema_version()) {
      throw StorageError("NoTrain's database was written by a newer version (schema " +
                               std::to_string(version) + "); update NoTrain. The file was not changed.");
    }
    if (version == latest_schema_version()) return;
    db.exec(kMigrations[static_cast<std::size_t>(version)]);
    db.exec("PRAGMA user_version = " + std::to_string(version + 1));
    transaction.commit();
  }
}

}  // namespace notrain
