// Writes stored confirmations as JSON or CSV, one record at a time (100k records never sit in memory).
#pragma once
#include <ostream>
#include <string>

#include "store.hpp"

namespace notrain {

enum class ExportFormat { Json, Csv };

// Writes every record, oldest first; returns how many. The one export format: `notrain-host export` and the full
// page's export (confirmation.export) give the same bytes. CSV starts with a UTF-8 byte-order mark. Screenshots
// are not embedded: the export says which records have one and its digest covers it (the evidence pack holds them).
std::size_t export_confirmations(Store& store, ExportFormat format, std::ostream& out);
// What an export of no record is: an empty JSON array, or the CSV header row alone.
void write_empty_export(ExportFormat format, std::ostream& out);

// RFC 4180 field: quoted when it holds a comma, quote or line break. A ' goes before a character that
// would start a formula (=, +, -, @, tab, CR) at the field's start, and after a `;` or a line break in
// it (where a spreadsheet reading `;`-separated values starts a cell), so page text is never run.
std::string csv_field(const std::string& value);

}  // namespace notrain
