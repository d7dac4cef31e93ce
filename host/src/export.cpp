#include "export.hpp"

#include <array>

namespace notrain {
namespace {

constexpr std::array<const char*, 13> kCsvColumns = {
    "id", "service", "kind", "captured_at", "account", "url", "language", "text",
    "form", "sha256", "has_screenshot", "screenshot_mime", "saved_at"};

void write_csv_row(std::ostream& out, const Confirmation& record) {
  const std::array<std::string, kCsvColumns.size()> values = {
      std::to_string(record.id), record.content.service, record.content.kind, record.captured_at,
      record.content.account, record.content.url, record.language, record.content.text,
      record.form.is_null() ? std::string() : record.form.dump(), record.sha256,
      record.screenshot_size > 0 ? "true" : "false", record.screenshot_mime, record.saved_at};
  for (std::size_t i = 0; i < values.size(); ++i) out << (i ? "," : "") << csv_field(values[i]);
  out << "\r\n";
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

std::size_t export_confirmations(Store& store, ExportFormat format, std::ostream& out) {
  std::size_t count = 0;
  if (format == ExportFormat::Csv) {
    for (std::size_t i = 0; i < kCsvColumns.size(); ++i) out << (i ? "," : "") << kCsvColumns[i];
    out << "\r\n";
    store.for_each([&](const Confirmation& record) {
      write_csv_row(out, record);
      ++count;
    });
    return count;
  }
  out << "[";
  store.for_each([&](const Confirmation& record) {
    out << (count++ ? ",\n" : "\n") << to_json(record).dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
  });
  out << (count ? "\n]\n" : "]\n");
  return count;
}

}  // namespace notrain
