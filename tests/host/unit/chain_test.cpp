// The evidence as a sceptic tries it: a database of saved confirmations changed behind NoTrain's back with SQL.
// Every stored field is under the digest, deletions through NoTrain leave a tombstone, and verify names by id a
// changed record (and the field), a missing one, one added by hand, a broken chain; a receipt taken earlier shows
// even a chain rewritten as a whole.
#include <doctest/doctest.h>
#include <SQLiteCpp/Database.h>

#include "cli_evidence.hpp"
#include "evidence.hpp"
#include "store.hpp"
#include "support/samples.hpp"
#include "support/temp_dir.hpp"

using notrain::EvidenceProblem;
using notrain::NewConfirmation;
using notrain::Store;
using notrain::test::TempDir;
using Kind = notrain::EvidenceProblem::Kind;

namespace {

NewConfirmation confirmation(const std::string& text) {
  NewConfirmation record;
  record.content = {"facebook", "page", "https://www.facebook.com/help/contact/712876720715583", "jan@example.be",
                    text};
  record.captured_at = "2025-05-20T14:03:00.000Z";
  record.language = "nl";
  record.form = {{"email", "jan@example.be"}, {"reason", "Ik maak bezwaar."}};
  record.verdict = "honoured";
  record.sent_at = "2025-05-20T14:02:00.000Z";
  record.screenshot = notrain::Screenshot{"image/png", notrain::test::png_of_size(200)};
  return record;
}

// A platform's setting turned off on the user's click: what was seen travels in `form` (evidence.hpp).
NewConfirmation setting(const std::string& after) {
  NewConfirmation record;
  record.content = {"linkedin", "setting", "https://www.linkedin.com/mypreferences/d/settings/data-for-ai-improvement",
                    "", "Use my data for training content creation AI models: on, then " + after};
  record.captured_at = "2026-11-20T09:15:00.000Z";
  record.language = "en";
  record.form = {{"setting", "data-for-generative-ai-improvement"},
                 {"label", "Use my data for training content creation AI models"},
                 {"before", "on"},
                 {"after", after},
                 {"held", after == "off"}};
  record.screenshot = notrain::Screenshot{"image/jpeg", "\xFF\xD8\xFF" + std::string(50, 'j')};
  return record;
}

// Four saved confirmations; returns their ids.
std::vector<std::int64_t> four(Store& store) {
  std::vector<std::int64_t> ids;
  for (const char* text : {"one", "two", "three", "four"}) ids.push_back(store.save(confirmation(text)).id);
  return ids;
}

void sql(const std::filesystem::path& file, const std::string& statement) {
  SQLite::Database raw(file.string(), SQLite::OPEN_READWRITE);
  raw.exec(statement);
}

std::string id_text(std::int64_t id) { return std::to_string(id); }

}  // namespace

TEST_CASE("every stored field is under the digest: a change to any column is named, with the field") {
  const std::vector<std::pair<std::string, std::string>> changes = {
      {"service", "service = 'instagram'"},
      {"kind", "kind = 'inbox'"},
      {"url", "url = 'https://www.facebook.com/other'"},
      {"account", "account = 'someone@else.be'"},
      {"text", "text = 'changed'"},
      {"captured_at", "captured_at = '2024-01-01T00:00:00.000Z'"},
      {"saved_at", "saved_at = '2024-01-01T00:00:00.000Z'"},
      {"language", "language = 'fr'"},
      {"form", "form = '{\"email\":\"x@y.be\"}'"},
      {"verdict", "verdict = 'received'"},
      {"sent_at", "sent_at = '2024-01-01T00:00:00.000Z'"},
      {"screenshot_mime", "screenshot_mime = 'image/jpeg'"},
      {"screenshot", "screenshot = x'89504e470d0a1a0a00'"},
  };
  for (const auto& change : changes) {
    CAPTURE(change.first);
    TempDir dir;
    const auto file = dir / "n.db";
    Store store(file);
    const auto ids = four(store);
    REQUIRE(store.verify().ok());
    sql(file, "UPDATE confirmations SET " + change.second + " WHERE id = " + id_text(ids[2]));
    const auto report = store.verify();
    REQUIRE(report.problems.size() == 1);
    CHECK(report.problems[0].kind == Kind::Changed);
    CHECK(report.problems[0].record_id == ids[2]);
    CHECK(report.problems[0].fields == std::vector<std::string>{change.first});
    CHECK(notrain::cli::problem_sentence(report.problems[0]).find(change.first + " differs") != std::string::npos);
  }
}

TEST_CASE("the form is compared by its value: the same values written as other JSON text still match") {
  TempDir dir;
  const auto file = dir / "n.db";
  Store store(file);
  const auto ids = four(store);
  sql(file,
      "UPDATE confirmations SET form = '{ \"reason\": \"Ik maak bezwaar.\",  \"email\": \"jan@example.be\" }' "
      "WHERE id = " +
          id_text(ids[0]));
  CHECK(store.verify().ok());
  CHECK(store.verify_record(ids[0]).empty());
}

TEST_CASE("a digest recomputed after the change, or the digest column itself changed, is still a change") {
  TempDir dir;
  const auto file = dir / "n.db";
  Store store(file);
  const auto ids = four(store);
  auto changed = *store.get(ids[1]);
  changed.content.text = "rewritten";
  sql(file, "UPDATE confirmations SET text = 'rewritten', sha256 = '" +
                notrain::record_digest_v2(changed, notrain::test::png_of_size(200)) +
                "' WHERE id = " + id_text(ids[1]));
  sql(file, "UPDATE confirmations SET sha256 = '" + std::string(64, 'a') + "' WHERE id = " + id_text(ids[3]));
  const auto report = store.verify();
  REQUIRE(report.problems.size() == 2);
  CHECK(report.problems[0].record_id == ids[1]);
  CHECK(report.problems[0].fields == std::vector<std::string>{"text"});
  CHECK(report.problems[1].record_id == ids[3]);
  CHECK(report.problems[1].kind == Kind::Changed);
}

TEST_CASE("a deletion through NoTrain leaves a tombstone; one behind its back is named as missing") {
  TempDir dir;
  const auto file = dir / "n.db";
  Store store(file);
  const auto ids = four(store);
  REQUIRE(store.remove(ids[0]));
  auto report = store.verify();
  CHECK(report.ok());
  CHECK(report.records == 3);
  CHECK(report.entries == 5);
  CHECK(report.head->event == "deleted");
  CHECK(report.head->record_id == ids[0]);

  sql(file, "DELETE FROM confirmations WHERE id = " + id_text(ids[2]));
  report = store.verify();
  REQUIRE(report.problems.size() == 1);
  CHECK(report.problems[0].kind == Kind::Missing);
  CHECK(report.problems[0].record_id == ids[2]);
}

TEST_CASE("a record copied in by hand, or one deleted through NoTrain and put back, is named") {
  TempDir dir;
  const auto file = dir / "n.db";
  Store store(file);
  const auto ids = four(store);
  const std::string columns =
      "service, kind, url, account, text, captured_at, language, form, screenshot, "
      "screenshot_mime, sha256, saved_at, verdict, sent_at, digest_version";
  sql(file, "INSERT INTO confirmations (" + columns + ", content_key) SELECT " + columns +
                ", 'copied' FROM confirmations WHERE id = " + id_text(ids[3]));
  store.remove(ids[0]);
  sql(file, "INSERT INTO confirmations (id, " + columns + ", content_key) SELECT " + id_text(ids[0]) + ", " + columns +
                ", 'back' FROM confirmations WHERE id = " + id_text(ids[1]));
  const auto report = store.verify();
  REQUIRE(report.problems.size() == 2);
  CHECK(report.problems[0].kind == Kind::Reappeared);
  CHECK(report.problems[0].record_id == ids[0]);
  CHECK(report.problems[1].kind == Kind::Inserted);
  CHECK(report.problems[1].record_id > ids[3]);
}

TEST_CASE("a chain entry removed or changed breaks the chain where it happened") {
  TempDir dir;
  const auto file = dir / "n.db";
  Store store(file);
  const auto ids = four(store);
  sql(file, "UPDATE chain SET at = '2020-01-01T00:00:00.000Z' WHERE seq = 2");
  auto report = store.verify();
  REQUIRE_FALSE(report.ok());
  CHECK(report.problems[0].kind == Kind::ChainBroken);
  CHECK(report.problems[0].seq == 2);

  TempDir other;
  Store second(other / "n.db");
  four(second);
  sql(other / "n.db", "DELETE FROM chain WHERE seq = 3");
  report = second.verify();
  bool broken = false;
  for (const EvidenceProblem& problem : report.problems) broken |= problem.kind == Kind::ChainBroken;
  CHECK(broken);
}

TEST_CASE("a receipt taken before shows a chain rewritten as a whole, which verify alone cannot") {
  TempDir dir;
  const auto file = dir / "n.db";
  Store store(file);
  const auto ids = four(store);
  const auto text = notrain::cli::receipt_text(store);
  REQUIRE(text.has_value());
  const auto receipt = notrain::cli::parse_receipt(*text);
  REQUIRE(receipt.has_value());
  CHECK(receipt->seq == 4);
  CHECK(store.verify_receipt(*receipt).empty());
  store.save(confirmation("five"));
  CHECK(store.verify_receipt(*receipt).empty());  // saving more keeps the receipt true

  // Someone with the user's account changes record 2 and rebuilds every digest and the chain from scratch.
  auto changed = *store.get(ids[1]);
  changed.content.text = "rewritten";
  const std::string image = notrain::test::png_of_size(200);
  sql(file, "UPDATE confirmations SET text = 'rewritten', sha256 = '" + notrain::record_digest_v2(changed, image) +
                "' WHERE id = " + id_text(ids[1]));
  {
    SQLite::Database raw(file.string(), SQLite::OPEN_READWRITE);
    raw.exec("DELETE FROM chain");
    SQLite::Statement records(raw, "SELECT id, sha256, saved_at FROM confirmations ORDER BY id");
    std::vector<std::tuple<std::int64_t, std::string, std::string>> rows;
    while (records.executeStep())
      rows.emplace_back(records.getColumn(0).getInt64(), records.getColumn(1).getString(),
                        records.getColumn(2).getString());
    for (const auto& [id, digest, at] : rows) {
      auto record = *store.get(id);
      notrain::append_chain(raw, notrain::kChainSaved, id, at, digest, notrain::field_hashes(record, image));
    }
  }
  CHECK(store.verify().ok());                            // a whole rewrite cannot be seen from inside the file...
  const auto problems = store.verify_receipt(*receipt);  // ...but the receipt kept elsewhere shows it
  REQUIRE_FALSE(problems.empty());
  CHECK(problems.back().seq == receipt->seq);
}

TEST_CASE("records saved before the chain keep verifying under digest version 1 after the upgrade") {
  TempDir dir;
  const auto file = dir / "old.db";
  const notrain::EvidenceContent content{"instagram", "page", "https://help.instagram.com/", "", "old"};
  {
    SQLite::Database old(file.string(), SQLite::OPEN_READWRITE | SQLite::OPEN_CREATE);
    old.exec(R"sql(
      CREATE TABLE profile (id INTEGER PRIMARY KEY CHECK (id = 1), json TEXT NOT NULL);
      CREATE TABLE confirmations (id INTEGER PRIMARY KEY AUTOINCREMENT, service TEXT NOT NULL, kind TEXT NOT NULL,
        url TEXT NOT NULL, account TEXT NOT NULL DEFAULT '', text TEXT NOT NULL, captured_at TEXT NOT NULL,
        language TEXT NOT NULL DEFAULT '', form TEXT, screenshot BLOB, screenshot_mime TEXT NOT NULL DEFAULT '',
        content_key TEXT NOT NULL UNIQUE, sha256 TEXT NOT NULL,
        saved_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')));
      PRAGMA user_version = 1;
    )sql");
    SQLite::Statement insert(old,
                             "INSERT INTO confirmations (service, kind, url, text, captured_at, content_key, sha256) "
                             "VALUES ('instagram', 'page', 'https://help.instagram.com/', 'old', "
                             "'2024-06-01T10:00:00.000Z', 'k', ?)");
    insert.bind(1, notrain::evidence_digest(content, ""));
    insert.exec();
  }
  Store store(file);
  auto report = store.verify();
  CHECK(report.ok());
  CHECK(report.v1_records == 1);
  CHECK(report.head->event == "adopted");
  CHECK(store.get(1)->digest_version == 1);
  store.save(confirmation("new"));
  store.save(setting("off"));  // a kind the old database never held: no schema change, the same chain
  report = store.verify();
  CHECK(report.ok());
  CHECK(report.v1_records == 1);
  sql(file, "UPDATE confirmations SET text = 'changed' WHERE id = 1");
  report = store.verify();
  REQUIRE(report.problems.size() == 1);
  CHECK(report.problems[0].fields == std::vector<std::string>{"text"});
}

TEST_CASE("a receipt is plain text that names its position and head, and nothing else is taken for one") {
  const std::string head(64, 'b');
  const auto receipt = notrain::cli::parse_receipt("NoTrain receipt\nChain position: 12\nChain head: " + head + "\n");
  REQUIRE(receipt.has_value());
  CHECK(receipt->seq == 12);
  CHECK(receipt->link == head);
  CHECK_FALSE(notrain::cli::parse_receipt("Chain position: 12\n").has_value());
  CHECK_FALSE(notrain::cli::parse_receipt("Chain position: x\nChain head: " + head).has_value());
}

TEST_CASE("a setting's label and its states before and after are under the digest (version 2, in the form)") {
  TempDir dir;
  const auto file = dir / "n.db";
  Store store(file);
  four(store);
  const auto id = store.save(setting("off")).id;
  REQUIRE(store.verify().ok());
  CHECK(store.get(id)->digest_version == notrain::kDigestVersion);
  for (const std::string& change :
       {std::string("json_set(form, '$.after', 'on')"), std::string("json_set(form, '$.before', 'off')"),
        std::string("json_set(form, '$.label', 'Something else')")}) {
    CAPTURE(change);
    const auto kept = store.get(id)->form.dump();
    sql(file, "UPDATE confirmations SET form = " + change + " WHERE id = " + id_text(id));
    const auto report = store.verify();
    REQUIRE(report.problems.size() == 1);
    CHECK(report.problems[0].record_id == id);
    CHECK(report.problems[0].fields == std::vector<std::string>{"form"});
    sql(file, "UPDATE confirmations SET form = '" + kept + "' WHERE id = " + id_text(id));
    CHECK(store.verify().ok());
  }
}
