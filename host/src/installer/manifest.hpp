// The host manifest a browser reads: built here from the identity constants (the same text as the
// templates in manifests/, which a test keeps in step), and recognised again by uninstall.
#pragma once
#include <string>
#include <string_view>

#include "installer/browsers.hpp"

namespace notrain::installer {

inline constexpr std::string_view kManifestDescription =
    "NoTrain: keeps the confirmations of your objections to AI training on this computer";

// The exact bytes install writes: UTF-8 without BOM, two-space indent, final newline.
std::string build_manifest(Flavour flavour, const std::string& host_path);

// True when `bytes` is a JSON object naming our host: what uninstall may remove.
bool is_our_manifest(std::string_view bytes);

}  // namespace notrain::installer
