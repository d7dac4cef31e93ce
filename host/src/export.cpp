#include "export.hpp"

#include <array>
#include <cstdio>

#include "validation.hpp"

namespace notrain {
namespace {

constexpr std::array<const char*, 16> kCsvColumns = {
    "id", "service", "kind", "captured_at", "account", "url", "language", "text",
    "form", "sha256", "has_screenshot", "screenshot_mime", "saved_at", "verdict", "sent_at", "digest_version"};

void write_csv_row(std::ostream& out, const Confirmation& record) {
  const std::array<std::string, kCsvColumns.size()> values = {
      std::to_string(record.id), record.content.service, record.content.kind, record.captured_at,
      record.content.account, record.content.url, record.language, record.content.text,
      record.form.is_null() ? std::string() : record.form.dump(), record.sha256,
      record.screenshot_size > 0 ? "true" : "false", record.screenshot_mime, record.saved_at,
      record.verdict, record.sent_at, std::to_string(record.digest_version)};
  for (std::size_t i = 0; i < values.size(); ++i) out << (i ? "," : "") << csv_field(values[i]);
  out << "\r\n";
}

// JSON string escaping written out for export: building a nlohmann object per record and dumping it
// cost ~170,000 instructions a record, most of an export of 100k records.
void append_json_string(std::string& out, std::string_view text) {
  if (!validation::is_valid_utf8(text)) {
    // Only a database changed by hand holds such bytes: let nlohmann replace them with U+FFFD.
    out += nlohmann::json(std::string(text)).dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
    return;
  }
  out += '"';
  std::size_t run_start = 0;
  for (std::size_t i = 0; i < text.size(); ++i) {
    const auto c = static_cast<unsigned char>(text[i]);
    if (c >= 0x20 && c != '"' && c != '\\') continue;
    out.append(text, run_start, i - run_start);
    run_start = i + 1;
    switch (c) {
      case '"': out += "\\\""; break;
      case '\\': out += "\\\\"; break;
      case '\n': out += "\\n"; break;
      case '\r': out += "\\r"; break;
      case '\t': out += "\\t"; break;
      default: {
        std::array<char, 8> escaped{};
        std::snprintf(escaped.data(), escaped.size(), "\\u%04x", static_cast<unsigned>(c));
        out += escaped.data();
      }
    }
  }
  out.append(text, run_start, std::string_view::npos);
  out += '"';
}

void append_member(std::string& out, std::string_view name, std::string_view value, bool null_when_empty = false) {
  out += ",\"";
  out += name;
  out += "\":";
  if (null_when_empty && value.empty()) out += "null";
  else append_json_string(out, value);
}

// One record as a JSON object, the same members as to_json(const Confirmation&).
void write_json_record(std::ostream& out, const Confirmation& record, std::string& buffer) {
  buffer.clear();
  buffer += "{\"id\":";
  buffer += std::to_string(record.id);
  append_member(buffer, "service", record.content.service);
  append_member(buffer, "kind", record.content.kind);
  append_member(buffer, "url", record.content.url);
  append_member(buffer, "account", record.content.account, true);
  append_member(buffer, "text", record.content.text);
  append_member(buffer, "captured_at", record.captured_at);
  append_member(buffer, "language", record.language, true);
  buffer += ",\"form\":";
  buffer += record.form.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
  append_member(buffer, "sha256", record.sha256);
  buffer += record.screenshot_size > 0 ? ",\"has_screenshot\":true" : ",\"has_screenshot\":false";
  append_member(buffer, "screenshot_mime", record.screenshot_mime, true);
  buffer += ",\"screenshot_size\":";
  buffer += std::to_string(record.screenshot_size);
  append_member(buffer, "saved_at", record.saved_at);
  append_member(buffer, "verdict", record.verdict, true);
  append_member(buffer, "sent_at", record.sent_at, true);
  buffer += ",\"digest_version\":";
  buffer += std::to_string(record.digest_version);
  buffer += '}';
  out.write(buffer.data(), static_cast<std::streamsize>(buffer.size()));
}

}  // namespace

std::string csv_field(const std::string& value) {
  std::string text = value;
  if (!text.empty() && std::string_view("=+-@\t\r").find(text.front()) != std::string_view::npos) {
    text.insert(text.begin(), '\'');
  }
  if (text.find_first_of(",\"\r\n") == std::string::npos) return text;
  std::string quoted = "\"";
  for (const char c : text) {
    if (c == '"') quoted += '"';
    quoted += c;
  }
  return quoted + '"';
}

namespace {
void write_csv_header(std::ostream& out) {
  for (std::size_t i = 0; i < kCsvColumns.size(); ++i) out << (i ? "," : "") << kCsvColumns[i];
  out << "\r\n";
}
}  // namespace

void write_empty_export(ExportFormat format, std::ostream& out) {
  if (format == ExportFormat::Csv) write_csv_header(out);
  else out << "[]\n";
}

std::size_t export_confirmations(Store& store, ExportFormat format, std::ostream& out) {
  std::size_t count = 0;
  if (format == ExportFormat::Csv) {
    write_csv_header(out);
    store.for_each([&](const Confirmation& record) {
      write_csv_row(out, record);
      ++count;
    });
    return count;
  }
  out << "[";
  std::string buffer;
  store.for_each([&](const Confirmation& record) {
    out << (count++ ? ",\n" : "\n");
    write_json_record(out, record, buffer);
  });
  out << (count ? "\n]\n" : "]\n");
  return count;
}

}  // namespace notrain
