// The database outlives the program: a file from an older NoTrain is migrated without losing a record,
// one from a newer NoTrain or a damaged one is reported and never written to.
#include <doctest/doctest.h>
#include <fstream>
#include <iterator>

#include <SQLiteCpp/Database.h>
#include <SQLiteCpp/Statement.h>

#include "evidence.hpp"
#include "store_migrations.hpp"
#include "support/command.hpp"
#include "support/database_check.hpp"
#include "support/host_process.hpp"
#include "support/samples.hpp"
#include "support/temp_dir.hpp"

using nlohmann::json;
using notrain::test::HostProcess;
using notrain::test::request;

namespace {

namespace fs = std::filesystem;

// Schema 1 exactly as NoTrain 0.1 created it (frozen here on purpose: the migration under test must
// meet the old file, not whatever the code creates today).
constexpr const char* kSchemaVersion1 = R"sql(
  CREATE TABLE profile (id INTEGER PRIMARY KEY CHECK (id = 1), json TEXT NOT NULL);
  CREATE TABLE confirmations (
    id INTEGER PRIMARY KEY AUTOINCREMENT, service TEXT NOT NULL, kind TEXT NOT NULL, url TEXT NOT NULL,
    account TEXT NOT NULL DEFAULT '', text TEXT NOT NULL, captured_at TEXT NOT NULL,
    language TEXT NOT NULL DEFAULT '', form TEXT, screenshot BLOB, screenshot_mime TEXT NOT NULL DEFAULT '',
    content_key TEXT NOT NULL UNIQUE, sha256 TEXT NOT NULL,
    saved_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')));
  PRAGMA user_version = 1;
)sql";

fs::path database_in(const fs::path& home) {
  fs::create_directories(home / "notrain");
  return home / "notrain/notrain.db";
}

std::string file_bytes(const fs::path& file) {
  std::ifstream in(file, std::ios::binary);
  return {std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
}

void write_bytes(const fs::path& file, const std::string& bytes) {
  std::ofstream out(file, std::ios::binary | std::ios::trunc);
  out << bytes;
}

void insert_version1_record(SQLite::Database& db, const std::string& text, const std::string& captured_at) {
  const notrain::EvidenceContent content{"instagram", "page", "https://www.instagram.com/accounts/privacy", "marie",
                                         text};
  const std::string png = notrain::test::tiny_png();
  SQLite::Statement insert(db,
                           "INSERT INTO confirmations (service, kind, url, account, text, captured_at, "
                           "screenshot, screenshot_mime, content_key, sha256) VALUES (?,?,?,?,?,?,?,?,?,?)");
  insert.bind(1, content.service);
  insert.bind(2, content.kind);
  insert.bind(3, content.url);
  insert.bind(4, content.account);
  insert.bind(5, content.text);
  insert.bind(6, captured_at);
  insert.bind(7, png.data(), static_cast<int>(png.size()));
  insert.bind(8, "image/png");
  insert.bind(9, notrain::content_key(content));
  insert.bind(10, notrain::evidence_digest(content, png));
  insert.exec();
}

json first_error(const fs::path& home, const json& params) {
  HostProcess host(home);
  const json answer = host.call(request(1, "confirmation.save", params));
  host.finish();
  REQUIRE_MESSAGE(answer.contains("error"), answer.dump());
  return answer["error"];
}

}  // namespace

TEST_CASE("a database of schema 1 is migrated and keeps every record and digest") {
  notrain::test::TempDir home;
  const fs::path database = database_in(home.path());
  {
    SQLite::Database db(database.string(), SQLite::OPEN_READWRITE | SQLite::OPEN_CREATE);
    db.exec(kSchemaVersion1);
    db.exec(R"(INSERT INTO profile (id, json) VALUES (1, '{"country":"BE","language":"nl-BE"}'))");
    insert_version1_record(db, "Uw bezwaar is aanvaard.", "2024-06-01T10:00:00.000Z");
    insert_version1_record(db, "Votre objection a été acceptée.", "2024-06-02T10:00:00.000Z");
  }
  HostProcess host(home.path());
  const json list = host.call(request(1, "confirmation.list"));
  REQUIRE_MESSAGE(list.contains("result"), list.dump());
  CHECK(list["result"]["total"] == 2);
  CHECK(list["result"]["items"][0]["captured_at"] == "2024-06-02T10:00:00.000Z");  // newest first
  CHECK(host.call(request(2, "profile.get"))["result"]["profile"]["language"] == "nl-BE");
  CHECK(host.call(request(3, "confirmation.save", notrain::test::sample_confirmation())).contains("result"));
  CHECK(host.finish() == 0);

  SQLite::Database db(database.string(), SQLite::OPEN_READONLY);
  CHECK(db.execAndGet("PRAGMA user_version").getInt() == notrain::latest_schema_version());
  CHECK(db.execAndGet("SELECT count(*) FROM sqlite_master WHERE type = 'index' AND name LIKE 'confirmations_by_%'")
            .getInt() == 2);
  const auto verified = notrain::test::run_host_command(home.path(), {"verify"});
  CHECK_MESSAGE(verified.status == 0, verified.out, verified.err);
  CHECK(verified.out.find("All 3") != std::string::npos);
}

TEST_CASE("a database written by a newer NoTrain is refused with 1003 and not changed") {
  notrain::test::TempDir home;
  const fs::path database = database_in(home.path());
  {
    SQLite::Database db(database.string(), SQLite::OPEN_READWRITE | SQLite::OPEN_CREATE);
    db.exec(kSchemaVersion1);
    insert_version1_record(db, "From the future.", "2030-01-01T00:00:00.000Z");
    db.exec("PRAGMA user_version = 99");
  }
  const std::string before = file_bytes(database);
  const json error = first_error(home.path(), notrain::test::sample_confirmation());
  CHECK(error["code"] == 1003);
  CHECK_MESSAGE(error["message"].get<std::string>().find("newer version") != std::string::npos, error.dump());
  CHECK(file_bytes(database) == before);
}

TEST_CASE("a file that is not a database is reported as damaged and never overwritten") {
  notrain::test::TempDir home;
  const fs::path database = database_in(home.path());
  const std::string garbage = "This is not SQLite. " + std::string(8192, '\x5a');
  write_bytes(database, garbage);
  const json error = first_error(home.path(), notrain::test::sample_confirmation());
  CHECK(error["code"] == 1003);
  CHECK_MESSAGE(error["message"].get<std::string>().find("damaged") != std::string::npos, error.dump());
  CHECK(file_bytes(database) == garbage);
  const auto verified = notrain::test::run_host_command(home.path(), {"verify"});
  CHECK(verified.status != 0);
  CHECK(file_bytes(database) == garbage);
}

// A database with 40 records of several pages each, closed cleanly (the WAL checkpointed into the file).
fs::path database_with_records(const fs::path& home) {
  fs::path database = database_in(home);
  HostProcess host(home);
  for (int i = 0; i < 40; ++i) {
    json params = notrain::test::sample_confirmation("record " + std::to_string(i) + " " + std::string(3000, 'x'));
    REQUIRE(host.call(request(i, "confirmation.save", params)).contains("result"));
  }
  CHECK(host.finish() == 0);
  REQUIRE(notrain::test::integrity(database) == "ok");
  return database;
}

// Asks for every record; every answer must be valid JSON (the reader parses it) and either the record
// or error 1003. Returns whether damage was reported.
bool read_every_record(const fs::path& home) {
  HostProcess host(home);
  bool reported = false;
  for (int id = 1; id <= 40; ++id) {
    const json answer = host.call(request(id, "confirmation.get", {{"id", id}}));
    if (answer.contains("result")) continue;
    CHECK_MESSAGE(answer["error"]["code"] == 1003, answer.dump());
    const bool damaged = answer["error"]["message"].get<std::string>().find("damaged") != std::string::npos;
    CHECK_MESSAGE(damaged, answer.dump());
    reported = reported || damaged;
  }
  host.finish();
  return reported;
}

TEST_CASE("records scribbled over inside the file are found by verify, answered in valid JSON, left as they are") {
  notrain::test::TempDir home;
  const fs::path database = database_with_records(home.path());
  std::string bytes = file_bytes(database);
  REQUIRE(bytes.size() > 16 * 4096);
  // A bad sector or a half-synced copy: pages in the middle changed, the header intact.
  for (std::size_t i = bytes.size() / 3; i < bytes.size() / 3 + 3 * 4096; ++i) bytes[i] = static_cast<char>(i * 7);
  write_bytes(database, bytes);

  const auto verified = notrain::test::run_host_command(home.path(), {"verify"});
  CHECK(verified.status != 0);
  CHECK_MESSAGE(!(verified.out + verified.err).empty(), "verify should say what is wrong");
  read_every_record(home.path());
  CHECK(file_bytes(database) == bytes);
}

TEST_CASE("a truncated database is reported as damaged by the protocol and by verify, and left as it is") {
  notrain::test::TempDir home;
  const fs::path database = database_with_records(home.path());
  const std::string bytes = file_bytes(database).substr(0, 8 * 4096);  // a copy that stopped half-way
  write_bytes(database, bytes);

  CHECK(read_every_record(home.path()));
  const auto verified = notrain::test::run_host_command(home.path(), {"verify"});
  CHECK(verified.status != 0);
  CHECK_MESSAGE(verified.err.find("could not be read") != std::string::npos, verified.err);
  CHECK(file_bytes(database) == bytes);
}
