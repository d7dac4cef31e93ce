// The checks doctor makes on a manifest file before starting anything: present and readable, no
// BOM, valid JSON, name and file name agree, description and type, our extension allowed, an
// absolute path to an executable file.
#pragma once
#include <optional>
#include <string>

#include "installer/browsers.hpp"
#include "installer/diagnosis.hpp"

namespace notrain::installer {

// Adds one row per check to `report`; every problem gets `fix` (or a more precise one). Returns the
// host program's path when it is fit to be started. `fallback` marks a system-wide manifest read
// because the per-user one is missing.
std::optional<std::string> check_manifest_file(const Target& target, bool fallback, const std::string& fix,
                                               CheckList& report);

}  // namespace notrain::installer
