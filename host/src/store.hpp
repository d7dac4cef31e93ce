// The evidence store: one SQLite file per user, private to them, in WAL mode so that several hosts
// (one per browser connection) can read and write at once, with synchronous=FULL so that an
// acknowledged save survives a crash of the machine.
#pragma once
#include <cstdint>
#include <filesystem>
#include <functional>
#include <memory>
#include <optional>
#include <stdexcept>
#include <string>
#include <vector>

#include <SQLiteCpp/Database.h>
#include <SQLiteCpp/Exception.h>
#include <nlohmann/json.hpp>

#include "chain.hpp"
#include "evidence.hpp"
#include "storage_error.hpp"

namespace notrain {

// What went wrong with the database, in a sentence for the user (a full disk, permissions, damage, a busy file):
// the store knows SQLite's codes, its callers do not.
std::string describe_storage_error(const SQLite::Exception& error);

// $XDG_DATA_HOME/notrain/notrain.db, or ~/.local/share/notrain/notrain.db; empty when neither
// XDG_DATA_HOME nor HOME tells where that is.
std::filesystem::path default_database_path();

struct SaveOutcome {
  std::int64_t id = 0;
  std::string sha256;
  bool duplicate = false;
};

// Where a page of the list ended: the last item's capture time and id.
struct ListCursor {
  std::string captured_at;
  std::int64_t id = 0;
};

struct ScreenshotChunk {
  std::string mime;
  std::int64_t total = 0;
  std::int64_t offset = 0;
  std::string bytes;
};

// One thing verify found wrong, named by record id (and chain position where it helps).
struct EvidenceProblem {
  enum class Kind {
    Changed,     // the record's fields no longer give the digest it was saved with
    Missing,     // saved through NoTrain, then removed without NoTrain (no tombstone)
    Inserted,    // a record NoTrain never saved (not in the chain)
    Reappeared,  // deleted through NoTrain, present again
    ChainBroken  // a chain entry changed, removed or inserted
  };
  Kind kind;
  std::int64_t record_id = 0;
  std::int64_t seq = 0;
  std::vector<std::string> fields;  // Changed: the fields that differ, when the chain can tell
};

struct VerifyReport {
  std::int64_t records = 0;     // records in the file
  std::int64_t v1_records = 0;  // of which saved before every field was under the digest
  std::int64_t entries = 0;     // chain entries (saves, deletions)
  std::optional<ChainEntry> head;
  std::vector<EvidenceProblem> problems;
  bool ok() const { return problems.empty(); }
};

// What a receipt names: the chain's head at the time it was written.
struct Receipt {
  std::int64_t seq = 0;
  std::string link;
};

class Store {
 public:
  // Opens (creating it if needed) and migrates the database. Throws SQLite::Exception, or
  // StorageError for a database written by a newer NoTrain, which is never touched.
  explicit Store(const std::filesystem::path& file);

  const std::filesystem::path& path() const { return path_; }
  int schema_version() const;

  nlohmann::json load_profile() const;
  void save_profile(const nlohmann::json& profile);

  SaveOutcome save(const NewConfirmation& confirmation);
  std::int64_t count(const std::optional<std::string>& service) const;
  std::vector<ConfirmationSummary> list(const std::optional<std::string>& service, std::int64_t limit,
                                        std::int64_t offset) const;
  // The page after `after` (newest first: captured_at, then id, both descending), found by the index rather than
  // by counting past OFFSET rows, so that the last page of 100,000 costs what the first does.
  std::vector<ConfirmationSummary> list_after(const std::optional<std::string>& service, std::int64_t limit,
                                              const std::optional<ListCursor>& after) const;
  std::optional<Confirmation> get(std::int64_t id) const;
  std::optional<ScreenshotChunk> screenshot(std::int64_t id, std::int64_t offset, std::int64_t length) const;
  bool remove(std::int64_t id);

  // Visits every record, oldest first, without holding more than one in memory.
  void for_each(const std::function<void(const Confirmation&)>& visit) const;
  // Recomputes every digest and walks the hash chain: changed, missing and inserted records, a broken chain.
  VerifyReport verify() const;
  // The last chain entry that names the record `id` (its save, or its tombstone), or none.
  std::optional<ChainEntry> chain_entry_of(std::int64_t id) const;
  // The chain's last entry, or none before the first save.
  std::optional<ChainEntry> chain_head() const { return notrain::chain_head(db_); }
  // One record against its digest and the chain (what `show` warns about).
  std::vector<EvidenceProblem> verify_record(std::int64_t id) const;
  // Whether the chain still holds the receipt's head where the receipt says: the problems if not (empty: holds).
  std::vector<EvidenceProblem> verify_receipt(const Receipt& receipt) const;

 private:
  std::filesystem::path path_;
  SQLite::Database db_;
};

// Opens the store on first use: `ping` and `hello` never pay for SQLite.
class LazyStore {
 public:
  explicit LazyStore(std::filesystem::path file) : path_(std::move(file)) {}
  Store& get();
  const std::filesystem::path& path() const { return path_; }

 private:
  std::filesystem::path path_;
  std::unique_ptr<Store> store_;
};

}  // namespace notrain
