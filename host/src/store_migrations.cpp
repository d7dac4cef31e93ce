#include "store_migrations.hpp"

#include "store.hpp"

#include <array>
#include <stdexcept>
#include <string>

#include <SQLiteCpp/Transaction.h>

namespace notrain {
namespace {

// Append only: a released step never changes, a new schema is a new step.
struct Step {
  const char* sql;
  void (*after)(SQLite::Database&) = nullptr;  // work SQL alone cannot do (digests), in the same transaction
};

constexpr std::array<Step, 5> kMigrations = {{
    // 1: profile and confirmations.
    {R"sql(
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
    )sql"},
    // 2: listing newest first, in all services or one, stays an index walk at 100k records.
    {R"sql(
      CREATE INDEX confirmations_by_time ON confirmations (captured_at DESC, id DESC);
      CREATE INDEX confirmations_by_service_time ON confirmations (service, captured_at DESC, id DESC);
    )sql"},
    // 3: counts kept by triggers: count(*) walked the whole table on every list page (15 ms at 100k).
    {R"sql(
      CREATE TABLE confirmation_counts (service TEXT PRIMARY KEY, total INTEGER NOT NULL) WITHOUT ROWID;
      INSERT INTO confirmation_counts (service, total)
        SELECT service, count(*) FROM confirmations GROUP BY service;
      CREATE TRIGGER confirmations_count_insert AFTER INSERT ON confirmations BEGIN
        INSERT INTO confirmation_counts (service, total) VALUES (NEW.service, 1)
          ON CONFLICT (service) DO UPDATE SET total = total + 1;
      END;
      CREATE TRIGGER confirmations_count_delete AFTER DELETE ON confirmations BEGIN
        UPDATE confirmation_counts SET total = total - 1 WHERE service = OLD.service;
      END;
      CREATE TRIGGER confirmations_count_update AFTER UPDATE OF service ON confirmations BEGIN
        UPDATE confirmation_counts SET total = total - 1 WHERE service = OLD.service;
        INSERT INTO confirmation_counts (service, total) VALUES (NEW.service, 1)
          ON CONFLICT (service) DO UPDATE SET total = total + 1;
      END;
    )sql"},
    // 4: how a page confirmation was seen: Meta's verdict as classified, and when the user sent the form.
    {R"sql(
      ALTER TABLE confirmations ADD COLUMN verdict TEXT NOT NULL DEFAULT '';
      ALTER TABLE confirmations ADD COLUMN sent_at TEXT NOT NULL DEFAULT '';
    )sql"},
    // 5: every field under the digest (version 2; older records keep version 1) and the hash chain (chain.hpp).
    {R"sql(
      ALTER TABLE confirmations ADD COLUMN digest_version INTEGER NOT NULL DEFAULT 1;
      CREATE TABLE chain (
        seq INTEGER PRIMARY KEY,
        event TEXT NOT NULL,
        record_id INTEGER NOT NULL,
        at TEXT NOT NULL,
        digest TEXT NOT NULL,
        fields TEXT NOT NULL,
        prev TEXT NOT NULL,
        link TEXT NOT NULL
      );
      CREATE INDEX chain_by_record ON chain (record_id, seq);
    )sql",
     adopt_records_saved_before_the_chain},
}};

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
      throw StorageError("NoTrain's database was written by a newer version (schema " + std::to_string(version) +
                         "); update NoTrain. The file was not changed.");
    }
    if (version == latest_schema_version()) return;
    const Step& step = kMigrations[static_cast<std::size_t>(version)];
    db.exec(step.sql);
    if (step.after) step.after(db);
    db.exec("PRAGMA user_version = " + std::to_string(version + 1));
    transaction.commit();
  }
}

}  // namespace notrain
