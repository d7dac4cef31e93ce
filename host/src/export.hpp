// Writes stored confirmations as JSON or CSV, one record at a time (100k records never sit in memory).
#pragma once
#include <ostream>
#include <string>

#include "store.hpp"

namespace notrain {

enum class ExportFormat { Json, Csv };

// Writes every record, oldest first; returns how many. Screenshots are not embedded: the export
// says which records have one and its digest covers it (`notrain-host show ID` and the extension
// show it).
std::size_t export_confirmations(Store& store, ExportFormat format, std::ostream& out);
// What an export of no record is: an empty JSON array, or the CSV header row alone.
void write_empty_export(ExportFormat format, std::ostream& out);

// RFC 4180 field: quoted when it holds a comma, quote or line break; formula-leading characters
// are prefixed with ' so a spreadsheet does not execute page-derived text.
std::string csv_field(const std::string& value);

}  // namespace notrain
