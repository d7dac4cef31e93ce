// JSON strings written straight into a buffer, byte for byte as nlohmann's compact dump writes them (the
// digests were defined through that dump and must not change). Building a json value per field and
// dumping it was most of the time of `verify` and `export` over 100,000 records.
#pragma once
#include <string>
#include <string_view>

namespace notrain {

// Appends `text` as a JSON string: quotes, `\"`, `\\`, `\b`, `\f`, `\n`, `\r`, `\t`, other controls as
// `\u00XX`, everything else as it is. Invalid UTF-8 is replaced by U+FFFD as nlohmann's `replace` handler does.
void append_json_string(std::string& out, std::string_view text);

}  // namespace notrain
