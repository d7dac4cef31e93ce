#include "export.hpp"

#include <algorithm>
#include <array>

#include "byte_scan.hpp"
#include "json_text.hpp"

namespace notrain {
namespace {

constexpr const char* kUtf8ByteOrderMark = "\xEF\xBB\xBF";

constexpr std::array<const char*, 16> kCsvColumns = {
    "id",   "service", "kind",           "captured_at",     "account",  "url",     "language", "text",
    "form", "sha256",  "has_screenshot", "screenshot_mime", "saved_at", "verdict", "sent_at",  "digest_version"};

// A spreadsheet evaluates a cell that starts with one of these.
bool starts_formula(char c) { return std::string_view("=+-@\t\r").find(c) != std::string_view::npos; }

// Where a reader that splits on `;` (common in French, Dutch and German settings) starts a new cell.
bool starts_cell_for_semicolon_readers(char c) { return c == ';' || c == '\n' || c == '\r'; }

// Bytes that make a field quoted (RFC 4180): looked up in a table, as this test runs over every byte.
constexpr std::array<bool, 256> quote_byte_table() {
  std::array<bool, 256> table{};
  for (const unsigned char c : {',', '"', '\r', '\n'}) table[c] = true;
  return table;
}
constexpr std::array<bool, 256> kQuoteBytes = quote_byte_table();

bool needs_quotes(std::string_view value) {
  return std::any_of(value.begin(), value.end(), [](char c) { return kQuoteBytes[static_cast<unsigned char>(c)]; });
}

bool word_needs_a_look(std::uint64_t word) {
  return bytes::has_byte(word, '"') || bytes::has_byte(word, ';') || bytes::has_byte(word, '\n') ||
         bytes::has_byte(word, '\r');
}

// At a cell's start (skipping quotes a `;`-reader may open it with): would the cell start a formula?
bool formula_at(std::string_view value, std::size_t i) {
  while (i < value.size() && value[i] == '"') ++i;
  return i < value.size() && starts_formula(value[i]);
}

// Plain bytes are copied in runs; only a quote (doubled) and a `;` or line break (a cell start for `;`-readers)
// need a look: a byte at a time was most of a CSV export's time.
void append_csv_field(std::string& out, std::string_view value) {
  const bool quoted = needs_quotes(value);
  if (quoted) out += '"';
  std::size_t run = 0;
  const auto neutralise_at = [&](std::size_t i) {
    if (!formula_at(value, i)) return;
    out.append(value, run, i - run);
    out += '\'';
    run = i;
  };
  neutralise_at(0);
  for (std::size_t i = 0; i < value.size(); ++i) {
    while (i + bytes::kWord <= value.size() && !word_needs_a_look(bytes::word_at(value, i))) i += bytes::kWord;
    if (i == value.size()) break;
    const char c = value[i];
    if (c == '"') {
      out.append(value, run, i + 1 - run);
      out += '"';
      run = i + 1;
    } else if (starts_cell_for_semicolon_readers(c)) {
      neutralise_at(i + 1);
    }
  }
  out.append(value, run);
  if (quoted) out += '"';
}

void append_csv_row(std::string& out, const Confirmation& record) {
  const std::string id = std::to_string(record.id);
  const std::string version = std::to_string(record.digest_version);
  const std::string form = record.form.is_null()
                               ? std::string()
                               : record.form.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
  const std::array<std::string_view, kCsvColumns.size()> values = {id,
                                                                   record.content.service,
                                                                   record.content.kind,
                                                                   record.captured_at,
                                                                   record.content.account,
                                                                   record.content.url,
                                                                   record.language,
                                                                   record.content.text,
                                                                   form,
                                                                   record.sha256,
                                                                   record.screenshot_size > 0 ? "true" : "false",
                                                                   record.screenshot_mime,
                                                                   record.saved_at,
                                                                   record.verdict,
                                                                   record.sent_at,
                                                                   version};
  for (std::size_t i = 0; i < values.size(); ++i) {
    if (i) out += ',';
    append_csv_field(out, values[i]);
  }
  out += "\r\n";
}

void append_member(std::string& out, std::string_view name, std::string_view value, bool null_when_empty = false) {
  out += ",\"";
  out += name;
  out += "\":";
  if (null_when_empty && value.empty()) out += "null";
  else append_json_string(out, value);
}

// One record as a JSON object, the same members as to_json(const Confirmation&).
void append_json_record(std::string& out, const Confirmation& record) {
  out += "{\"id\":";
  out += std::to_string(record.id);
  append_member(out, "service", record.content.service);
  append_member(out, "kind", record.content.kind);
  append_member(out, "url", record.content.url);
  append_member(out, "account", record.content.account, true);
  append_member(out, "text", record.content.text);
  append_member(out, "captured_at", record.captured_at);
  append_member(out, "language", record.language, true);
  out += ",\"form\":";
  out += record.form.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
  append_member(out, "sha256", record.sha256);
  out += record.screenshot_size > 0 ? ",\"has_screenshot\":true" : ",\"has_screenshot\":false";
  append_member(out, "screenshot_mime", record.screenshot_mime, true);
  out += ",\"screenshot_size\":";
  out += std::to_string(record.screenshot_size);
  append_member(out, "saved_at", record.saved_at);
  append_member(out, "verdict", record.verdict, true);
  append_member(out, "sent_at", record.sent_at, true);
  out += ",\"digest_version\":";
  out += std::to_string(record.digest_version);
  out += '}';
}

// A UTF-8 byte-order mark first: spreadsheet programs then read accents (French, Dutch, German) as they are.
std::string csv_header() {
  std::string header = kUtf8ByteOrderMark;
  for (std::size_t i = 0; i < kCsvColumns.size(); ++i) (header += i ? "," : "") += kCsvColumns[i];
  return header + "\r\n";
}

// Records are gathered into one buffer and written about a megabyte at a time: a write per record was a
// third of an export's time.
class ChunkedWriter {
 public:
  explicit ChunkedWriter(std::ostream& out) : out_(out) { buffer_.reserve(kChunk + kChunk / 4); }
  ~ChunkedWriter() { flush(); }
  ChunkedWriter(const ChunkedWriter&) = delete;
  ChunkedWriter& operator=(const ChunkedWriter&) = delete;
  std::string& buffer() { return buffer_; }
  void maybe_flush() {
    if (buffer_.size() >= kChunk) flush();
  }
  void flush() {
    out_.write(buffer_.data(), static_cast<std::streamsize>(buffer_.size()));
    buffer_.clear();
  }

 private:
  static constexpr std::size_t kChunk = 1 << 20;
  std::ostream& out_;
  std::string buffer_;
};

}  // namespace

std::string csv_field(const std::string& value) {
  std::string out;
  append_csv_field(out, value);
  return out;
}

void write_empty_export(ExportFormat format, std::ostream& out) {
  if (format == ExportFormat::Csv) out << csv_header();
  else out << "[]\n";
}

std::size_t export_confirmations(Store& store, ExportFormat format, std::ostream& out) {
  std::size_t count = 0;
  ChunkedWriter writer(out);
  std::string& buffer = writer.buffer();
  if (format == ExportFormat::Csv) {
    buffer += csv_header();
    store.for_each([&](const Confirmation& record) {
      append_csv_row(buffer, record);
      ++count;
      writer.maybe_flush();
    });
    return count;
  }
  buffer += '[';
  store.for_each([&](const Confirmation& record) {
    buffer += count++ ? ",\n" : "\n";
    append_json_record(buffer, record);
    writer.maybe_flush();
  });
  buffer += count ? "\n]\n" : "]\n";
  return count;
}

}  // namespace notrain
