#include <doctest/doctest.h>
#include <SQLiteCpp/Database.h>
#include <sqlite3.h>
#include <sys/stat.h>

#include "store.hpp"
#include "store_migrations.hpp"
#include "support/samples.hpp"
#include "support/temp_dir.hpp"

using notrain::NewConfirmation;
using notrain::Store;
using notrain::test::TempDir;

namespace {

NewConfirmation confirmation(const std::string& text, const std::string& service = "facebook",
                             const std::string& captured_at = "2025-05-20T14:03:00.000Z") {
  NewConfirmation record;
  record.content = {service, "page", "https://www.facebook.com/help/contact/712876720715583", "", text};
  record.captured_at = captured_at;
  return record;
}

unsigned mode_of(const std::filesystem::path& path) {
  struct stat info {};
  ::stat(path.c_str(), &info);
  return info.st_mode & 0777;
}

}  // namespace

TEST_CASE("a new database is created private to the user, at the latest schema") {
  TempDir dir;
  const auto file = dir / "data/notrain/notrain.db";
  Store store(file);
  CHECK(store.schema_version() == notrain::latest_schema_version());
  CHECK(mode_of(file.parent_path()) == 0700);
  CHECK(mode_of(file) == 0600);
  SQLite::Database raw(file.string());
  CHECK(raw.execAndGet("PRAGMA journal_mode").getString() == "wal");
}

TEST_CASE("a database at schema 1 is migrated and keeps its records") {
  TempDir dir;
  const auto file = dir / "old.db";
  {
    SQLite::Database old(file.string(), SQLite::OPEN_READWRITE | SQLite::OPEN_CREATE);
    old.exec(R"sql(
      CREATE TABLE profile (id INTEGER PRIMARY KEY CHECK (id = 1), json TEXT NOT NULL);
      CREATE TABLE confirmations (id INTEGER PRIMARY KEY AUTOINCREMENT, service TEXT NOT NULL, kind TEXT NOT NULL,
        url TEXT NOT NULL, account TEXT NOT NULL DEFAULT '', text TEXT NOT NULL, captured_at TEXT NOT NULL,
        language TEXT NOT NULL DEFAULT '', form TEXT, screenshot BLOB, screenshot_mime TEXT NOT NULL DEFAULT '',
        content_key TEXT NOT NULL UNIQUE, sha256 TEXT NOT NULL,
        saved_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')));
      INSERT INTO confirmations (service, kind, url, text, captured_at, content_key, sha256)
        VALUES ('instagram', 'page', 'https://help.instagram.com/', 'old', '2024-06-01T10:00:00.000Z', 'k', 'd');
      PRAGMA user_version = 1;
    )sql");
  }
  Store store(file);
  CHECK(store.schema_version() == notrain::latest_schema_version());
  REQUIRE(store.count(std::nullopt) == 1);
  CHECK(store.count(std::string("instagram")) == 1);
  CHECK(store.get(1)->content.text == "old");
  SQLite::Database raw(file.string());
  CHECK(raw.execAndGet("SELECT count(*) FROM sqlite_master WHERE name = 'confirmations_by_time'").getInt() == 1);
}

TEST_CASE("a database from a newer NoTrain is refused and left untouched") {
  TempDir dir;
  const auto file = dir / "new.db";
  {
    SQLite::Database newer(file.string(), SQLite::OPEN_READWRITE | SQLite::OPEN_CREATE);
    newer.exec("CREATE TABLE future (x); PRAGMA user_version = 99;");
  }
  CHECK_THROWS_AS(Store{file}, notrain::StorageError);
  SQLite::Database raw(file.string());
  CHECK(raw.execAndGet("PRAGMA user_version").getInt() == 99);
}

TEST_CASE("a file that is not a database is reported, never overwritten") {
  TempDir dir;
  const auto file = dir / "garbage.db";
  const std::string garbage(8192, 'G');
  {
    std::FILE* out = std::fopen(file.c_str(), "wb");
    std::fwrite(garbage.data(), 1, garbage.size(), out);
    std::fclose(out);
  }
  CHECK_THROWS_AS(Store{file}, SQLite::Exception);
  CHECK(std::filesystem::file_size(file) == garbage.size());
}

TEST_CASE("saving the same content twice returns the first record") {
  TempDir dir;
  Store store(dir / "n.db");
  const auto first = store.save(confirmation("We will honour your objection."));
  CHECK_FALSE(first.duplicate);
  CHECK(first.sha256.size() == 64);
  auto again = confirmation("We will honour your objection.");
  again.captured_at = "2025-06-01T00:00:00.000Z";
  again.screenshot = notrain::Screenshot{"image/png", notrain::test::tiny_png()};
  const auto second = store.save(again);
  CHECK(second.duplicate);
  CHECK(second.id == first.id);
  CHECK(second.sha256 == first.sha256);
  CHECK(store.count(std::nullopt) == 1);
}

TEST_CASE("listing is newest first, filtered by service and paged") {
  TempDir dir;
  Store store(dir / "n.db");
  for (int i = 0; i < 30; ++i) {
    const std::string minute = (i < 10 ? "0" : "") + std::to_string(i);
    store.save(confirmation("text " + std::to_string(i), i % 3 == 0 ? "instagram" : "facebook",
                            "2025-05-20T14:" + minute + ":00.000Z"));
  }
  CHECK(store.count(std::nullopt) == 30);
  CHECK(store.count(std::string("instagram")) == 10);
  const auto page = store.list(std::nullopt, 5, 0);
  REQUIRE(page.size() == 5);
  CHECK(page[0].captured_at == "2025-05-20T14:29:00.000Z");
  CHECK(page[4].captured_at == "2025-05-20T14:25:00.000Z");
  const auto next = store.list(std::nullopt, 5, 5);
  CHECK(next[0].captured_at == "2025-05-20T14:24:00.000Z");
  const auto instagram = store.list(std::string("instagram"), 100, 0);
  CHECK(instagram.size() == 10);
  for (const auto& item : instagram) CHECK(item.service == "instagram");
  CHECK(store.list(std::nullopt, 10, 30).empty());
}

TEST_CASE("records read back whole, screenshots in chunks") {
  TempDir dir;
  Store store(dir / "n.db");
  auto record = confirmation("Riceverai una e-mail con i dettagli");
  record.language = "it";
  record.form = {{"email", "a@b.it"}};
  const std::string image = notrain::test::png_of_size(10000);
  record.screenshot = notrain::Screenshot{"image/png", image};
  const auto saved = store.save(record);
  const auto loaded = store.get(saved.id);
  REQUIRE(loaded.has_value());
  CHECK(loaded->content.text == "Riceverai una e-mail con i dettagli");
  CHECK(loaded->language == "it");
  CHECK(loaded->form["email"] == "a@b.it");
  CHECK(loaded->screenshot_size == 10000);
  CHECK(loaded->digest_version == 2);
  CHECK(loaded->sha256 == notrain::record_digest_v2(*loaded, image));
  std::string reassembled;
  for (std::int64_t offset = 0; offset < 10000; offset += 4096) {
    const auto chunk = store.screenshot(saved.id, offset, 4096);
    REQUIRE(chunk.has_value());
    CHECK(chunk->total == 10000);
    reassembled += chunk->bytes;
  }
  CHECK(reassembled == image);
  CHECK_FALSE(store.get(999).has_value());
}

// SQLite's own count of the memory it holds (its page cache and the values it builds), and its peak since `reset`.
struct SqliteMemory {
  sqlite3_int64 current = 0;
  sqlite3_int64 peak = 0;
};
SqliteMemory sqlite_memory(bool reset) {
  SqliteMemory memory;
  sqlite3_status64(SQLITE_STATUS_MEMORY_USED, &memory.current, &memory.peak, reset ? 1 : 0);
  return memory;
}

TEST_CASE("a screenshot's chunk costs the chunk in memory, not the image, and reads the right bytes") {
  TempDir dir;
  Store store(dir / "n.db");
  auto record = confirmation("Nous avons bien reçu votre demande");
  const std::string image = notrain::test::png_of_size(4 * 1024 * 1024);
  record.screenshot = notrain::Screenshot{"image/png", image};
  const auto saved = store.save(record);

  const SqliteMemory before = sqlite_memory(true);
  const auto last = store.screenshot(saved.id, static_cast<std::int64_t>(image.size()) - 65536, 65536);
  const SqliteMemory after = sqlite_memory(false);
  REQUIRE(last.has_value());
  CHECK(last->bytes == image.substr(image.size() - 65536));
  // A 4 MiB image built whole would raise the peak by 4 MiB; the page cache is 1 MiB (store.cpp).
  CHECK(after.peak - before.current < 2 * 1024 * 1024);

  const auto across_the_end = store.screenshot(saved.id, static_cast<std::int64_t>(image.size()) - 10, 4096);
  REQUIRE(across_the_end.has_value());
  CHECK(across_the_end->bytes == image.substr(image.size() - 10));
  const auto past_the_end = store.screenshot(saved.id, static_cast<std::int64_t>(image.size()) + 1, 4096);
  REQUIRE(past_the_end.has_value());
  CHECK(past_the_end->bytes.empty());
  CHECK(past_the_end->total == static_cast<std::int64_t>(image.size()));
  const auto middle = store.screenshot(saved.id, 1000003, 777);
  REQUIRE(middle.has_value());
  CHECK(middle->bytes == image.substr(1000003, 777));
  CHECK(middle->mime == "image/png");
  CHECK_FALSE(store.screenshot(saved.id + 1, 0, 10).has_value());
}

TEST_CASE("verify names a record changed behind NoTrain's back") {
  TempDir dir;
  const auto file = dir / "n.db";
  Store store(file);
  store.save(confirmation("first"));
  const auto second = store.save(confirmation("second"));
  CHECK(store.verify().ok());
  {
    SQLite::Database raw(file.string(), SQLite::OPEN_READWRITE);
    raw.exec("UPDATE confirmations SET text = 'tampered' WHERE id = " + std::to_string(second.id));
  }
  const auto report = store.verify();
  REQUIRE(report.problems.size() == 1);
  CHECK(report.problems[0].record_id == second.id);
  CHECK(report.problems[0].kind == notrain::EvidenceProblem::Kind::Changed);
  CHECK(report.problems[0].fields == std::vector<std::string>{"text"});
}

TEST_CASE("counts follow saves, deletes and changes of service") {
  TempDir dir;
  const auto file = dir / "n.db";
  Store store(file);
  const auto first = store.save(confirmation("one"));
  store.save(confirmation("two", "instagram"));
  store.save(confirmation("three", "instagram"));
  CHECK(store.count(std::nullopt) == 3);
  CHECK(store.count(std::string("instagram")) == 2);
  CHECK(store.count(std::string("threads")) == 0);
  store.remove(first.id);
  CHECK(store.count(std::nullopt) == 2);
  CHECK(store.count(std::string("facebook")) == 0);
  {
    SQLite::Database raw(file.string(), SQLite::OPEN_READWRITE);
    raw.exec("UPDATE confirmations SET service = 'threads' WHERE text = 'two'");
    CHECK(raw.execAndGet("SELECT count(*) FROM confirmations").getInt() == 2);
  }
  CHECK(store.count(std::string("instagram")) == 1);
  CHECK(store.count(std::string("threads")) == 1);
}

TEST_CASE("deleted records are gone and their numbers are not reused") {
  TempDir dir;
  Store store(dir / "n.db");
  const auto first = store.save(confirmation("one"));
  CHECK(store.remove(first.id));
  CHECK_FALSE(store.remove(first.id));
  const auto second = store.save(confirmation("two"));
  CHECK(second.id > first.id);
}

TEST_CASE("the profile is kept whole") {
  TempDir dir;
  Store store(dir / "n.db");
  CHECK(store.load_profile() == nlohmann::json::object());
  store.save_profile({{"email", "a@b.be"}, {"country", "BE"}});
  CHECK(store.load_profile() == nlohmann::json{{"email", "a@b.be"}, {"country", "BE"}});
  store.save_profile({{"country", "NL"}});
  CHECK(store.load_profile() == nlohmann::json{{"country", "NL"}});
}

TEST_CASE("the default database follows XDG_DATA_HOME, then HOME") {
  const char* saved_xdg = std::getenv("XDG_DATA_HOME");
  const std::string saved = saved_xdg ? saved_xdg : "";
  ::setenv("XDG_DATA_HOME", "/srv/data", 1);
  CHECK(notrain::default_database_path() == "/srv/data/notrain/notrain.db");
  ::setenv("XDG_DATA_HOME", "relative/ignored", 1);
  CHECK(notrain::default_database_path() ==
        std::filesystem::path(std::getenv("HOME")) / ".local/share/notrain/notrain.db");
  if (saved_xdg) ::setenv("XDG_DATA_HOME", saved.c_str(), 1);
  else ::unsetenv("XDG_DATA_HOME");
}
