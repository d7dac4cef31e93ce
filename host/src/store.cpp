#include "store.hpp"

#include <cstdlib>
#include <memory>
#include <stdexcept>
#include <sqlite3.h>
#include <sys/stat.h>
#include <unistd.h>
#include <thread>
#include <unordered_map>
#include <unordered_set>
#include <algorithm>

#include <SQLiteCpp/Statement.h>
#include <SQLiteCpp/Transaction.h>

#include "sha256.hpp"
#include "store_migrations.hpp"

namespace notrain {
namespace {

namespace fs = std::filesystem;

constexpr int kBusyTimeoutMs = 10'000;

// A folder that exists already (made by the installer, or before NoTrain kept it private) is made private too
// when it is the user's own; one owned by someone else is left alone (SQLite then says what it cannot do).
void tighten_own_folder(const fs::path& folder) {
  struct stat info {};
  if (folder.empty() || ::stat(folder.c_str(), &info) != 0 || info.st_uid != ::geteuid()) return;
  if ((info.st_mode & 077) != 0) ::chmod(folder.c_str(), 0700);
}

// Creates the folder private to the user (0700) and makes every file SQLite creates in it (the
// database, its WAL and shared-memory files) 0600.
fs::path prepare_private_folder(const fs::path& file) {
  const fs::path folder = file.parent_path();
  try {
    if (!folder.empty() && !fs::exists(folder)) {
      fs::create_directories(folder);
      fs::permissions(folder, fs::perms::owner_all, fs::perm_options::replace);
    }
    tighten_own_folder(folder);
  } catch (const fs::filesystem_error& error) {
    throw StorageError("NoTrain cannot create its folder " + folder.string() + " (" + error.code().message() +
                       "). Check the permissions of its parent folder and the free space.");
  }
  ::umask(077);
  // Hardening only: on a read-only file system this fails, and SQLite then says what cannot be done.
  std::error_code ignored;
  if (fs::exists(file, ignored)) fs::permissions(file, fs::perms::owner_read | fs::perms::owner_write, ignored);
  return file;
}

// Refuses a database from a newer NoTrain before anything (even the journal mode) writes to it.
void refuse_newer_schema(SQLite::Database& db) {
  const int version = db.execAndGet("PRAGMA user_version").getInt();
  if (version > latest_schema_version()) {
    throw StorageError("NoTrain's database was written by a newer version (schema " + std::to_string(version) +
                       "); update NoTrain. The file was not changed.");
  }
}

// Switching a new file to WAL needs an exclusive lock, for which SQLite does not wait: when hosts
// start together on a fresh database the switch can fail (or report the old mode). Try again briefly.
void enable_wal(SQLite::Database& db) {
  constexpr int kAttempts = 200;
  for (int attempt = 1;; ++attempt) {
    try {
      if (db.execAndGet("PRAGMA journal_mode = WAL").getString() == "wal") return;
      // A read-only file keeps its mode: the first write will say what cannot be done.
      if (sqlite3_db_readonly(db.getHandle(), "main") == 1) return;
    } catch (const SQLite::Exception& error) {
      if ((error.getErrorCode() & 0xFF) != SQLITE_BUSY || attempt >= kAttempts) throw;
    }
    if (attempt >= kAttempts) throw StorageError("NoTrain's database could not be switched to WAL mode.");
    std::this_thread::sleep_for(std::chrono::milliseconds(10));
  }
}

// Bytes [begin, begin + count) of a record's screenshot by incremental blob I/O: SQLite walks the image's pages
// through its bounded cache, so a chunk costs the chunk in memory, never the whole image (substr() built it whole).
std::string read_screenshot_bytes(const SQLite::Database& db, std::int64_t id, std::int64_t begin, std::int64_t count) {
  sqlite3_blob* opened = nullptr;
  const int status = sqlite3_blob_open(db.getHandle(), "main", "confirmations", "screenshot", id, 0, &opened);
  const std::unique_ptr<sqlite3_blob, int (*)(sqlite3_blob*)> blob(opened, &sqlite3_blob_close);
  if (status != SQLITE_OK) throw SQLite::Exception(db.getHandle(), status);
  std::string bytes(static_cast<std::size_t>(count), '\0');
  const int read = sqlite3_blob_read(blob.get(), bytes.data(), static_cast<int>(count), static_cast<int>(begin));
  if (read != SQLITE_OK) throw SQLite::Exception(db.getHandle(), read);
  return bytes;
}

SQLite::Database open_database(const fs::path& file) {
  SQLite::Database db(prepare_private_folder(file).string(), SQLite::OPEN_READWRITE | SQLite::OPEN_CREATE);
  db.setBusyTimeout(kBusyTimeoutMs);
  refuse_newer_schema(db);
  enable_wal(db);
  db.exec("PRAGMA synchronous = FULL");
  db.exec("PRAGMA foreign_keys = ON");
  // 1 MiB of page cache (SQLite's default is 2 MB): a host lives for one browser connection and reads a few pages;
  // while a screenshot is written the cache fills with its pages, and the smaller cache keeps a 5 MiB save under
  // 16 MiB (tests/host/faults/memory_test.cpp).
  db.exec("PRAGMA cache_size = -1024");
  migrate(db);
  return db;
}

std::string column_text(SQLite::Statement& statement, int index) {
  const SQLite::Column column = statement.getColumn(index);
  return column.isNull() ? std::string() : column.getString();
}

ConfirmationSummary read_summary(SQLite::Statement& row) {
  ConfirmationSummary summary;
  summary.id = row.getColumn(0).getInt64();
  summary.service = column_text(row, 1);
  summary.kind = column_text(row, 2);
  summary.account = column_text(row, 3);
  summary.captured_at = column_text(row, 4);
  summary.url = column_text(row, 5);
  summary.sha256 = column_text(row, 6);
  summary.has_screenshot = row.getColumn(7).getInt() != 0;
  return summary;
}

// Columns shared by get() and for_each(), in the order of `column` (kRecordWithScreenshot adds the screenshot).
constexpr const char* kRecordColumns =
    "id, service, kind, url, account, text, captured_at, language, form, sha256, saved_at, "
    "screenshot_mime, coalesce(length(screenshot), 0), verdict, sent_at, digest_version";
namespace column {
enum : int {
  kId,
  kService,
  kKind,
  kUrl,
  kAccount,
  kText,
  kCapturedAt,
  kLanguage,
  kForm,
  kSha256,
  kSavedAt,
  kScreenshotMime,
  kScreenshotSize,
  kVerdict,
  kSentAt,
  kDigestVersion,
  kScreenshot
};
}  // namespace column

Confirmation read_confirmation(SQLite::Statement& row) {
  Confirmation record;
  record.id = row.getColumn(column::kId).getInt64();
  record.content = {column_text(row, column::kService), column_text(row, column::kKind), column_text(row, column::kUrl),
                    column_text(row, column::kAccount), column_text(row, column::kText)};
  record.captured_at = column_text(row, column::kCapturedAt);
  record.language = column_text(row, column::kLanguage);
  const std::string form = column_text(row, column::kForm);
  record.form = form.empty() ? nlohmann::json(nullptr) : nlohmann::json::parse(form, nullptr, false);
  // A stored form that no longer parses (a damaged file) is shown as the text it is: a discarded
  // value would serialise as "<discarded>", which is not JSON and would break the browser's stream.
  if (record.form.is_discarded()) record.form = form;
  record.sha256 = column_text(row, column::kSha256);
  record.saved_at = column_text(row, column::kSavedAt);
  record.screenshot_mime = column_text(row, column::kScreenshotMime);
  record.screenshot_size = row.getColumn(column::kScreenshotSize).getInt64();
  record.verdict = column_text(row, column::kVerdict);
  record.sent_at = column_text(row, column::kSentAt);
  record.digest_version = row.getColumn(column::kDigestVersion).getInt();
  return record;
}

// A record and its screenshot's bytes (the digest covers them), read with kRecordColumns then `screenshot`.
struct RecordWithScreenshot {
  Confirmation record;
  std::string screenshot;
};
RecordWithScreenshot read_with_screenshot(SQLite::Statement& row) {
  RecordWithScreenshot out{read_confirmation(row), {}};
  const SQLite::Column blob = row.getColumn(column::kScreenshot);
  out.screenshot.assign(static_cast<const char*>(blob.getBlob()), static_cast<std::size_t>(blob.getBytes()));
  return out;
}
const std::string kRecordWithScreenshot = std::string("SELECT ") + kRecordColumns + ", screenshot FROM confirmations";

// The field names whose short hash differs between what the chain kept and what the record gives now.
std::vector<std::string> changed_fields(const std::string& kept_text, const nlohmann::json& now) {
  std::vector<std::string> fields;
  const nlohmann::json kept = nlohmann::json::parse(kept_text, nullptr, false);
  if (!kept.is_object()) return fields;
  for (const std::string_view name : kDigestFields) {
    const std::string key(name);
    if (kept.contains(key) && kept[key] != now[key]) fields.push_back(key);
  }
  return fields;
}

// What verify keeps of the last chain entry that names a record.
struct LastNamed {
  std::int64_t seq = 0;
  bool deleted = false;
  std::string digest;
};

// The chain entry at a position, or none.
std::optional<ChainEntry> chain_entry_at(const SQLite::Database& db, std::int64_t seq) {
  SQLite::Statement query(db, std::string("SELECT ") + kChainColumns + " FROM chain WHERE seq = ?");
  query.bind(1, seq);
  if (!query.executeStep()) return std::nullopt;
  return read_chain_entry(query);
}

// A column's bytes where SQLite holds them: valid until the statement steps again.
std::string_view column_view(SQLite::Statement& row, int index) {
  const SQLite::Column column = row.getColumn(index);
  const void* data = column.getBlob();
  return data == nullptr
             ? std::string_view()
             : std::string_view(static_cast<const char*>(data), static_cast<std::size_t>(column.getBytes()));
}

// The common case of verify, without building the record: a version-2 record whose stored values give the digest
// it was saved with and that the chain holds. False means "look closer" (check_against_chain), not "changed": the
// form is digested here as stored, there as re-serialised, which is the same for every form the host wrote.
bool matches_as_stored(SQLite::Statement& row, const LastNamed& named) {
  if (named.deleted || row.getColumn(column::kDigestVersion).getInt() != 2) return false;
  const std::string_view screenshot = column_view(row, column::kScreenshot);
  const std::string screenshot_digest = screenshot.empty() ? std::string() : sha256_hex(screenshot);
  const auto at = [&](int index) { return column_view(row, index); };
  // In kDigestFields' order.
  const DigestedValues values = {at(column::kService), at(column::kKind),     at(column::kUrl),
                                 at(column::kAccount), at(column::kText),     at(column::kCapturedAt),
                                 at(column::kSavedAt), at(column::kLanguage), at(column::kForm),
                                 at(column::kVerdict), at(column::kSentAt),   at(column::kScreenshotMime),
                                 screenshot_digest};
  const std::string computed = record_digest_v2(values);
  return computed == named.digest && computed == at(column::kSha256);
}

// A record present in the file, against the last chain entry that names it.
std::optional<EvidenceProblem> check_against_chain(const RecordWithScreenshot& row, const ChainEntry& entry) {
  const Confirmation& record = row.record;
  if (entry.event == kChainDeleted) return EvidenceProblem{EvidenceProblem::Kind::Reappeared, record.id, entry.seq, {}};
  const std::string computed = record_digest(record, row.screenshot);
  if (computed == entry.digest && computed == record.sha256) return std::nullopt;
  return EvidenceProblem{EvidenceProblem::Kind::Changed, record.id, entry.seq,
                         changed_fields(entry.fields, field_hashes(record, row.screenshot))};
}

}  // namespace

std::string describe_storage_error(const SQLite::Exception& error) {
  switch (error.getErrorCode() & 0xFF) {
    case SQLITE_FULL: return "The disk is full: the confirmation was not saved. Free some space and try again.";
    case SQLITE_READONLY:
    case SQLITE_PERM:
    case SQLITE_CANTOPEN:
      return std::string("NoTrain's database cannot be written (") + error.what() +
             "). Check the permissions of its folder.";
    case SQLITE_CORRUPT:
    case SQLITE_NOTADB: return "NoTrain's database is damaged. It was left as it is; run `notrain-host verify`.";
    case SQLITE_BUSY:
    case SQLITE_LOCKED: return "NoTrain's database stayed busy for too long; please try again.";
    default: return std::string("NoTrain's database failed: ") + error.what();
  }
}

fs::path default_database_path() {
  const char* data_home = std::getenv("XDG_DATA_HOME");
  fs::path base;
  if (data_home != nullptr && fs::path(data_home).is_absolute()) {
    base = data_home;
  } else {
    const char* home = std::getenv("HOME");
    if (home == nullptr || *home == '\0') return {};
    base = fs::path(home) / ".local" / "share";
  }
  return base / "notrain" / "notrain.db";
}

Store::Store(const fs::path& file) : path_(file), db_(open_database(file)) {}

int Store::schema_version() const {
  SQLite::Statement query(db_, "PRAGMA user_version");
  query.executeStep();
  return query.getColumn(0).getInt();
}

nlohmann::json Store::load_profile() const {
  SQLite::Statement query(db_, "SELECT json FROM profile WHERE id = 1");
  if (!query.executeStep()) return nlohmann::json::object();
  nlohmann::json profile = nlohmann::json::parse(query.getColumn(0).getString(), nullptr, false);
  // Never send a discarded value (it is not JSON); saving a new profile repairs it.
  if (!profile.is_object()) {
    throw StorageError("NoTrain's saved profile is damaged; save your profile again to replace it.");
  }
  return profile;
}

void Store::save_profile(const nlohmann::json& profile) {
  SQLite::Statement upsert(db_,
                           "INSERT INTO profile (id, json) VALUES (1, ?) "
                           "ON CONFLICT (id) DO UPDATE SET json = excluded.json");
  upsert.bind(1, profile.dump());
  upsert.exec();
}

SaveOutcome Store::save(const NewConfirmation& confirmation) {
  const EvidenceContent& content = confirmation.content;
  const std::string key = content_key(content);
  // IMMEDIATE takes the write lock first, so two hosts saving the same content cannot both insert.
  SQLite::Transaction transaction(db_, SQLite::TransactionBehavior::IMMEDIATE);
  SQLite::Statement existing(db_, "SELECT id, sha256 FROM confirmations WHERE content_key = ?");
  existing.bind(1, key);
  if (existing.executeStep()) {
    return {existing.getColumn(0).getInt64(), existing.getColumn(1).getString(), true};
  }
  const std::string_view screenshot_bytes =
      confirmation.screenshot ? std::string_view(confirmation.screenshot->bytes) : std::string_view();
  Confirmation record;
  record.content = content;
  record.captured_at = confirmation.captured_at;
  record.saved_at = utc_now();  // set here, not by SQL, so that the digest covers the time that is stored
  record.language = confirmation.language;
  record.form = confirmation.form;
  record.verdict = confirmation.verdict;
  record.sent_at = confirmation.sent_at;
  record.screenshot_mime = confirmation.screenshot ? confirmation.screenshot->mime : "";
  record.digest_version = kDigestVersion;
  const std::string digest = record_digest_v2(record, screenshot_bytes);
  SQLite::Statement insert(db_,
                           "INSERT INTO confirmations (service, kind, url, account, text, captured_at, "
                           "language, form, screenshot, screenshot_mime, content_key, sha256, verdict, sent_at, "
                           "saved_at, digest_version) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)");
  insert.bindNoCopy(1, content.service);
  insert.bindNoCopy(2, content.kind);
  insert.bindNoCopy(3, content.url);
  insert.bindNoCopy(4, content.account);
  insert.bindNoCopy(5, content.text);
  insert.bind(6, record.captured_at);
  insert.bind(7, record.language);
  if (record.form.is_null()) insert.bind(8);
  else insert.bind(8, record.form.dump());
  if (confirmation.screenshot) {
    insert.bindNoCopy(9, confirmation.screenshot->bytes.data(),
                      static_cast<int>(confirmation.screenshot->bytes.size()));
  } else {
    insert.bind(9);
  }
  insert.bind(10, record.screenshot_mime);
  insert.bind(11, key);
  insert.bind(12, digest);
  insert.bind(13, record.verdict);
  insert.bind(14, record.sent_at);
  insert.bind(15, record.saved_at);
  insert.bind(16, record.digest_version);
  insert.exec();
  const std::int64_t id = db_.getLastInsertRowid();
  append_chain(db_, kChainSaved, id, record.saved_at, digest, field_hashes(record, screenshot_bytes));
  transaction.commit();
  return {id, digest, false};
}

std::int64_t Store::count(const std::optional<std::string>& service) const {
  // Kept by triggers (migration 3), so paging stays fast however many records there are.
  SQLite::Statement query(db_, service ? "SELECT coalesce(sum(total), 0) FROM confirmation_counts WHERE service = ?"
                                       : "SELECT coalesce(sum(total), 0) FROM confirmation_counts");
  if (service) query.bind(1, *service);
  query.executeStep();
  return query.getColumn(0).getInt64();
}

std::vector<ConfirmationSummary> Store::list(const std::optional<std::string>& service, std::int64_t limit,
                                             std::int64_t offset) const {
  const std::string where = service ? "WHERE service = ? " : "";
  SQLite::Statement query(db_,
                          "SELECT id, service, kind, account, captured_at, url, sha256, screenshot IS NOT NULL "
                          "FROM confirmations " +
                              where + "ORDER BY captured_at DESC, id DESC LIMIT ? OFFSET ?");
  int index = 1;
  if (service) query.bind(index++, *service);
  query.bind(index++, limit);
  query.bind(index, offset);
  std::vector<ConfirmationSummary> items;
  while (query.executeStep()) items.push_back(read_summary(query));
  return items;
}

std::vector<ConfirmationSummary> Store::list_after(const std::optional<std::string>& service, std::int64_t limit,
                                                   const std::optional<ListCursor>& after) const {
  std::string where = service ? "WHERE service = ? " : "";
  if (after) where += std::string(service ? "AND " : "WHERE ") + "(captured_at, id) < (?, ?) ";
  SQLite::Statement query(db_,
                          "SELECT id, service, kind, account, captured_at, url, sha256, screenshot IS NOT NULL "
                          "FROM confirmations " +
                              where + "ORDER BY captured_at DESC, id DESC LIMIT ?");
  int index = 1;
  if (service) query.bind(index++, *service);
  if (after) {
    query.bind(index++, after->captured_at);
    query.bind(index++, after->id);
  }
  query.bind(index, limit);
  std::vector<ConfirmationSummary> items;
  while (query.executeStep()) items.push_back(read_summary(query));
  return items;
}

std::optional<Confirmation> Store::get(std::int64_t id) const {
  SQLite::Statement query(db_, std::string("SELECT ") + kRecordColumns + " FROM confirmations WHERE id = ?");
  query.bind(1, id);
  if (!query.executeStep()) return std::nullopt;
  return read_confirmation(query);
}

std::optional<ScreenshotChunk> Store::screenshot(std::int64_t id, std::int64_t offset, std::int64_t length) const {
  // length() of a blob reads only its record's header, not the image.
  SQLite::Statement query(db_,
                          "SELECT screenshot_mime, length(screenshot) FROM confirmations "
                          "WHERE id = ? AND screenshot IS NOT NULL");
  query.bind(1, id);
  if (!query.executeStep()) return std::nullopt;
  // The statement stays open until the bytes are read: its read transaction keeps the row as it was.
  ScreenshotChunk chunk;
  chunk.mime = query.getColumn(0).getString();
  chunk.total = query.getColumn(1).getInt64();
  chunk.offset = offset;
  const std::int64_t begin = std::clamp<std::int64_t>(offset, 0, chunk.total);
  const std::int64_t count = std::clamp<std::int64_t>(length, 0, chunk.total - begin);
  if (count > 0) chunk.bytes = read_screenshot_bytes(db_, id, begin, count);
  return chunk;
}

bool Store::remove(std::int64_t id) {
  // The deletion is recorded in the chain (a tombstone: id, time, digest), in the same transaction.
  SQLite::Transaction transaction(db_, SQLite::TransactionBehavior::IMMEDIATE);
  SQLite::Statement digest(db_, "SELECT sha256 FROM confirmations WHERE id = ?");
  digest.bind(1, id);
  if (!digest.executeStep()) return false;
  const std::string kept = digest.getColumn(0).getString();
  SQLite::Statement erase(db_, "DELETE FROM confirmations WHERE id = ?");
  erase.bind(1, id);
  erase.exec();
  append_chain(db_, kChainDeleted, id, utc_now(), kept, nlohmann::json::object());
  transaction.commit();
  return true;
}

void Store::for_each(const std::function<void(const Confirmation&)>& visit) const {
  SQLite::Statement query(db_, std::string("SELECT ") + kRecordColumns + " FROM confirmations ORDER BY id");
  while (query.executeStep()) visit(read_confirmation(query));
}

VerifyReport Store::verify() const {
  VerifyReport report;
  // The chain, in order: each entry must link to the one before; where each record was last named is kept (the
  // whole entry is read again only for a record that does not match).
  std::unordered_map<std::int64_t, LastNamed> last_named;
  std::string expected_prev = kChainGenesis;
  SQLite::Statement entries(db_, std::string("SELECT ") + kChainColumns + " FROM chain ORDER BY seq");
  while (entries.executeStep()) {
    ChainEntry entry = read_chain_entry(entries);
    ++report.entries;
    if (entry.prev != expected_prev || chain_link(entry) != entry.link || entry.seq != report.entries) {
      report.problems.push_back({EvidenceProblem::Kind::ChainBroken, entry.record_id, entry.seq, {}});
    }
    last_named[entry.record_id] = {entry.seq, entry.event == kChainDeleted, entry.digest};
    expected_prev = entry.link;
    report.head = std::move(entry);
  }
  // Every record, against its digest and against what the chain says of it.
  std::unordered_set<std::int64_t> present;
  SQLite::Statement records(db_, kRecordWithScreenshot + " ORDER BY id");
  while (records.executeStep()) {
    const std::int64_t id = records.getColumn(column::kId).getInt64();
    ++report.records;
    if (records.getColumn(column::kDigestVersion).getInt() == 1) ++report.v1_records;
    present.insert(id);
    const auto found = last_named.find(id);
    if (found == last_named.end()) {
      report.problems.push_back({EvidenceProblem::Kind::Inserted, id, 0, {}});
      continue;
    }
    if (matches_as_stored(records, found->second)) continue;
    const std::optional<ChainEntry> entry = chain_entry_at(db_, found->second.seq);
    if (auto problem = check_against_chain(read_with_screenshot(records), *entry)) {
      report.problems.push_back(std::move(*problem));
    }
  }
  for (const auto& [id, named] : last_named) {
    if (!named.deleted && !present.contains(id))
      report.problems.push_back({EvidenceProblem::Kind::Missing, id, named.seq, {}});
  }
  std::sort(report.problems.begin(), report.problems.end(),
            [](const EvidenceProblem& a, const EvidenceProblem& b) { return a.record_id < b.record_id; });
  return report;
}

std::optional<ChainEntry> Store::chain_entry_of(std::int64_t id) const {
  SQLite::Statement last(
      db_, std::string("SELECT ") + kChainColumns + " FROM chain WHERE record_id = ? ORDER BY seq DESC LIMIT 1");
  last.bind(1, id);
  if (!last.executeStep()) return std::nullopt;
  return read_chain_entry(last);
}

std::vector<EvidenceProblem> Store::verify_record(std::int64_t id) const {
  SQLite::Statement query(db_, kRecordWithScreenshot + " WHERE id = ?");
  query.bind(1, id);
  if (!query.executeStep()) return {};
  const RecordWithScreenshot row = read_with_screenshot(query);
  SQLite::Statement last(
      db_, std::string("SELECT ") + kChainColumns + " FROM chain WHERE record_id = ? ORDER BY seq DESC LIMIT 1");
  last.bind(1, id);
  if (!last.executeStep()) return {{EvidenceProblem::Kind::Inserted, id, 0, {}}};
  auto problem = check_against_chain(row, read_chain_entry(last));
  return problem ? std::vector<EvidenceProblem>{std::move(*problem)} : std::vector<EvidenceProblem>{};
}

std::vector<EvidenceProblem> Store::verify_receipt(const Receipt& receipt) const {
  std::vector<EvidenceProblem> problems;
  // The chain up to the receipt must be whole, and end where the receipt says.
  for (const EvidenceProblem& problem : verify().problems) {
    if (problem.kind == EvidenceProblem::Kind::ChainBroken && problem.seq <= receipt.seq) problems.push_back(problem);
  }
  SQLite::Statement at(db_, "SELECT link, record_id FROM chain WHERE seq = ?");
  at.bind(1, receipt.seq);
  if (!at.executeStep() || at.getColumn(0).getString() != receipt.link) {
    problems.push_back(
        {EvidenceProblem::Kind::ChainBroken, at.hasRow() ? at.getColumn(1).getInt64() : 0, receipt.seq, {}});
  }
  return problems;
}

void adopt_records_saved_before_the_chain(SQLite::Database& db) {
  SQLite::Statement records(db, kRecordWithScreenshot + " ORDER BY id");
  while (records.executeStep()) {
    const RecordWithScreenshot row = read_with_screenshot(records);
    // The digest it was saved with, as stored: a record changed before this upgrade stays visible as changed.
    append_chain(db, kChainAdopted, row.record.id, row.record.saved_at, row.record.sha256,
                 field_hashes(row.record, row.screenshot));
  }
}

Store& LazyStore::get() {
  if (path_.empty()) {
    throw StorageError("Neither XDG_DATA_HOME nor HOME is set: NoTrain cannot tell where its database is.");
  }
  if (!store_) store_ = std::make_unique<Store>(path_);
  return *store_;
}

}  // namespace notrain
