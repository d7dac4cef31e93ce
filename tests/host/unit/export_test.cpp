#include <doctest/doctest.h>
#include <random>
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
  const std::vector<std::string> texts = {"plain",  "quotes \" and \\ backslash", "lines\nand\ttabs\r\n",
                                          kWithNul, "accents: één, Ça, schön, 😀", "slash / and <script>"};
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
  CHECK(csv.str().starts_with("\xEF\xBB\xBFid,service,kind"));
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

namespace {

// Splits CSV text as a spreadsheet would with `separator`: a quote opens a quoted cell only at the
// start of a cell ("" inside is a quote); elsewhere quotes are plain characters.
std::vector<std::string> cells_read_with(const std::string& csv, char separator) {
  std::vector<std::string> cells;
  std::string cell;
  bool quoted = false;
  bool at_start = true;
  for (std::size_t i = 0; i < csv.size(); ++i) {
    const char c = csv[i];
    if (quoted) {
      if (c == '"' && i + 1 < csv.size() && csv[i + 1] == '"') {
        cell += '"';
        ++i;
      } else if (c == '"') {
        quoted = false;
      } else {
        cell += c;
      }
      continue;
    }
    if (at_start && c == '"') {
      quoted = true;
      at_start = false;
      continue;
    }
    if (c == separator || c == '\n' || c == '\r') {
      cells.push_back(cell);
      cell.clear();
      at_start = true;
      continue;
    }
    cell += c;
    at_start = false;
  }
  cells.push_back(cell);
  return cells;
}

bool starts_a_formula(const std::string& cell) {
  return !cell.empty() && std::string_view("=+-@\t\r").find(cell.front()) != std::string_view::npos;
}

}  // namespace

TEST_CASE("no cell starts a formula, whether the CSV is read with commas or with semicolons") {
  notrain::test::TempDir dir;
  notrain::Store store(dir / "n.db");
  const std::vector<std::string> texts = {"=HYPERLINK(\"https://evil.example\",\"click\")",
                                          "+32 2 123",
                                          "-1+1",
                                          "@SUM(A1)",
                                          "\tTAB",
                                          "\rCR",
                                          "ok;=cmd|' /C calc'!A0",
                                          "ok;\"=1+1\"",
                                          "first line\n=second line",
                                          "a\r\n-b",
                                          "semi;;@x",
                                          "\"=quoted"};
  for (const std::string& text : texts) store.save(record(text, "marie"));
  std::ostringstream out;
  notrain::export_confirmations(store, ExportFormat::Csv, out);
  const std::string csv = out.str();
  for (const char separator : {',', ';'}) {
    CAPTURE(separator);
    for (const std::string& cell : cells_read_with(csv, separator)) {
      CAPTURE(cell);
      CHECK_FALSE(starts_a_formula(cell));
    }
  }
  // Read with commas, the cells are the texts with a ' where a formula could start, nothing else lost.
  CHECK(csv.find("\"'=HYPERLINK(\"\"https://evil.example\"\",\"\"click\"\")\"") != std::string::npos);
  CHECK(csv.find(",ok;'=cmd|' /C calc'!A0,") != std::string::npos);
  CHECK(csv.find("\"first line\n'=second line\"") != std::string::npos);
}

TEST_CASE("text without a formula start is written unchanged") {
  CHECK(notrain::csv_field("Merci; à bientôt - NoTrain") == "Merci; à bientôt - NoTrain");
  CHECK(notrain::csv_field("a-b=c+d@e") == "a-b=c+d@e");
  CHECK(notrain::csv_field("x;y") == "x;y");
}

namespace {

// The rule as README states it, one byte at a time: the reference for the fast writer.
std::string csv_field_by_definition(const std::string& value) {
  std::string text;
  bool at_cell_start = true;
  for (std::size_t i = 0; i < value.size(); ++i) {
    if (at_cell_start) {
      std::size_t next = i;
      while (next < value.size() && value[next] == '"') ++next;
      if (next < value.size() && starts_a_formula(std::string(1, value[next]))) text += '\'';
    }
    text += value[i];
    at_cell_start = value[i] == ';' || value[i] == '\n' || value[i] == '\r';
  }
  if (text.find_first_of(",\"\r\n") == std::string::npos) return text;
  std::string quoted = "\"";
  for (const char c : text) (quoted += c) += c == '"' ? "\"" : "";
  return quoted + '"';
}

}  // namespace

TEST_CASE("long cells with quotes, semicolons and formula starts at every offset are written by the rule") {
  std::mt19937 random(4122026);
  const std::vector<std::string> pieces = {"plain words ", "a",  ";",  "=", "+",    "-",    "@",   "\"", ",",
                                           "\n",           "\r", "\t", "é", "x;=y", "\"\"", "; -1"};
  for (int round = 0; round < 3000; ++round) {
    std::string text;
    const int length = static_cast<int>(random() % 30);
    for (int i = 0; i < length; ++i) text += pieces[random() % pieces.size()];
    CAPTURE(text);
    REQUIRE(notrain::csv_field(text) == csv_field_by_definition(text));
  }
}
