// The database schema as an ordered list of migrations; PRAGMA user_version records how many ran.
#pragma once
#include <SQLiteCpp/Database.h>

namespace notrain {

int latest_schema_version();
// Brings the database to the latest schema in one transaction per step. Throws StorageError for
// a database from a newer NoTrain (its version is above ours): it is left untouched.
void migrate(SQLite::Database& db);

// Migration 5's second half, in the same transaction: the records saved before the hash chain existed enter it, in
// the order they were saved, as "adopted" entries that keep their version-1 digest (defined beside the store,
// which reads records).
void adopt_records_saved_before_the_chain(SQLite::Database& db);

}  // namespace notrain
