#include <doctest/doctest.h>
#include <sstream>

#include "export.hpp"
#include "support/temp_dir.hpp"

using notrain::ExportFormat;

namespace {

notrain::NewConfirmation record(const std::string& text, const std::string& account) {
  notrain::NewConfirmation confirmation;
  confirmation.content = {"threads", "email", "", account, text};
  confirmation.captured_at = "2025-05-20T14:03:00.000Z";
  return confirmation;
}

}  // namespace

// NUL and control characters, sized by the compiler (a hand-counted length overran it once).
constexpr char kWithNulLiteral[] = "nul \0 and \x01\x1f";
const std::string kWithNul(kWithNulLiteral, sizeof kWithNulLiteral - 1);

TEST_CASE("the JSON export holds exactly what confirmation.get returns, however odd the text") {
  notrain::test::TempDir dir;
  notrain::Store store(dir / "n.db");
  const std::vector<std::string> texts = {
      "plain", "quotes \" and \\ backslash", "lines\nand\ttabs\r\n", kWithNul,
      "accents: één, Ça, schön, 😀", "slash / and <script>"};
  for (std::size_t i = 0; i < texts.size(); ++i) {
    auto confirmation = record(texts[i], i % 2 ? "" : "account " + std::to_string(i));
    if (i == 1) confirmation.form = {{"email", "a@b.be"}, {"nested", {{"x", 1}}}};
    if (i == 2) confirmation.screenshot = notrain::Screenshot{"image/png", "\x89PNG\r\n\x1a\nxx"};
    store.save(confirmation);
  }
  std::ostringstream out;
  CHECK(notrain::export_confirmations(store, ExportFormat::Json, out) == texts.size());
  const auto exported = nlohmann::json::parse(out.str());
  REQUIRE(exported.size() == texts.size());
  for (std::size_t i = 0; i < texts.size(); ++i) {
    CHECK(exported[i] == notrain::to_json(*store.get(exported[i]["id"].get<std::int64_t>())));
    CHECK(exported[i]["text"] == texts[i]);
  }
}

TEST_CASE("an empty store exports an empty array and a CSV header") {
  notrain::test::TempDir dir;
  notrain::Store store(dir / "n.db");
  std::ostringstream json;
  notrain::export_confirmations(store, ExportFormat::Json, json);
  CHECK(nlohmann::json::parse(json.str()) == nlohmann::json::array());
  std::ostringstream csv;
  notrain::export_confirmations(store, ExportFormat::Csv, csv);
  CHECK(csv.str().starts_with("id,service,kind"));
}

TEST_CASE("CSV fields are quoted when needed and cannot start a spreadsheet formula") {
  CHECK(notrain::csv_field("plain") == "plain");
  CHECK(notrain::csv_field("a,b") == "\"a,b\"");
  CHECK(notrain::csv_field("say \"hi\"") == "\"say \"\"hi\"\"\"");
  CHECK(notrain::csv_field("two\nlines") == "\"two\nlines\"");
  CHECK(notrain::csv_field("=HYPERLINK(\"x\")") == "\"'=HYPERLINK(\"\"x\"\")\"");
  CHECK(notrain::csv_field("+32 2 123") == "'+32 2 123");
  CHECK(notrain::csv_field("") == "");
}
