#include "installer/manifest.hpp"

#include <nlohmann/json.hpp>

#include "notrain/identity.hpp"

namespace notrain::installer {

std::string build_manifest(Flavour flavour, const std::string& host_path) {
  // ordered_json keeps the keys in the order of the templates, so the file reads naturally.
  nlohmann::ordered_json manifest;
  manifest["name"] = identity::kHostName;
  manifest["description"] = kManifestDescription;
  manifest["path"] = host_path;
  manifest["type"] = "stdio";
  if (flavour == Flavour::Chromium) {
    manifest["allowed_origins"] = {identity::kChromiumOrigin};
  } else {
    manifest["allowed_extensions"] = {identity::kFirefoxExtensionId};
  }
  return manifest.dump(2) + "\n";
}

bool is_our_manifest(std::string_view bytes) {
  if (bytes.starts_with("\xEF\xBB\xBF")) bytes.remove_prefix(3);
  const nlohmann::json manifest = nlohmann::json::parse(bytes, nullptr, /*allow_exceptions=*/false);
  if (!manifest.is_object()) return false;
  const auto name = manifest.find("name");
  return name != manifest.end() && name->is_string() && *name == identity::kHostName;
}

}  // namespace notrain::installer
