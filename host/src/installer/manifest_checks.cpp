#include "installer/manifest_checks.hpp"

#include <algorithm>
#include <filesystem>
#include <unistd.h>

#include <nlohmann/json.hpp>

#include "installer/files.hpp"
#include "notrain/identity.hpp"

namespace notrain::installer {
namespace fs = std::filesystem;
using nlohmann::json;

namespace {

constexpr std::string_view kBom = "\xEF\xBB\xBF";

std::string in_quotes(std::string_view text) { return "\"" + std::string(text) + "\""; }

std::string_view allowed_key(Flavour flavour) {
  return flavour == Flavour::Chromium ? "allowed_origins" : "allowed_extensions";
}

std::string_view our_caller(Flavour flavour) {
  return flavour == Flavour::Chromium ? identity::kChromiumOrigin : identity::kFirefoxExtensionId;
}

void check_name(const json& manifest, const Target& target, CheckList& report, const std::string& fix) {
  const auto name = manifest.find("name");
  const std::string file = fs::path(target.manifest_path).filename().string();
  if (name == manifest.end() || !name->is_string()) {
    report.fail("name", "the manifest has no \"name\"", fix);
  } else if (*name != identity::kHostName) {
    report.fail("name",
                "its name is " + in_quotes(name->get<std::string>()) + " but the extension asks for " +
                    in_quotes(identity::kHostName),
                fix);
  } else if (file != name->get<std::string>() + ".json") {
    report.fail("name",
                "the file is called " + in_quotes(file) + " but browsers look for " +
                    in_quotes(name->get<std::string>() + ".json"),
                fix);
  } else {
    report.pass("name", "name " + in_quotes(identity::kHostName) + " matches the file name");
  }
}

void check_fields(const json& manifest, CheckList& report, const std::string& fix) {
  const auto description = manifest.find("description");
  if (description == manifest.end() || !description->is_string() || description->get<std::string>().empty()) {
    report.fail("description", "the manifest has no \"description\"; Chrome refuses it then", fix);
  } else {
    report.pass("description", "description present");
  }
  const auto type = manifest.find("type");
  if (type == manifest.end() || *type != "stdio") {
    report.fail("type", "\"type\" must be \"stdio\"", fix);
  } else {
    report.pass("type", "type is stdio");
  }
}

void check_allowed(const json& manifest, const Target& target, CheckList& report, const std::string& fix) {
  const Flavour flavour = target.browser->flavour;
  const Flavour other = flavour == Flavour::Chromium ? Flavour::Firefox : Flavour::Chromium;
  const auto list = manifest.find(allowed_key(flavour));
  if (list == manifest.end() && manifest.contains(allowed_key(other))) {
    report.fail("allowed",
                "this is a " + std::string(to_string(other)) + "-style manifest (\"" + std::string(allowed_key(other)) +
                    "\") in a " + std::string(target.browser->name) + " folder",
                fix);
    return;
  }
  if (list == manifest.end() || !list->is_array()) {
    report.fail("allowed", "the manifest has no \"" + std::string(allowed_key(flavour)) + "\" list", fix);
    return;
  }
  for (const json& entry : *list) {
    const std::string value = entry.is_string() ? entry.get<std::string>() : entry.dump();
    // Chrome refuses the whole manifest when one origin is malformed or uses a wildcard.
    if (flavour == Flavour::Chromium && (!entry.is_string() || !value.starts_with("chrome-extension://") ||
                                         !value.ends_with("/") || value.find('*') != std::string::npos)) {
      report.fail("allowed", "the origin " + in_quotes(value) + " is malformed (it must read chrome-extension://ID/)",
                  fix);
      return;
    }
  }
  if (std::find(list->begin(), list->end(), json(our_caller(flavour))) == list->end()) {
    report.fail("allowed",
                "NoTrain's extension (" + std::string(our_caller(flavour)) + ") is not listed in \"" +
                    std::string(allowed_key(flavour)) +
                    "\"; the extension would be told \"Access to "
                    "the specified native messaging host is forbidden\"",
                fix);
    return;
  }
  report.pass("allowed", "NoTrain's extension is allowed (" + std::string(our_caller(flavour)) + ")");
}

// Returns the host path when it is usable enough to start.
std::optional<std::string> check_binary(const json& manifest, CheckList& report, const std::string& fix) {
  const auto path = manifest.find("path");
  if (path == manifest.end() || !path->is_string() || path->get<std::string>().empty()) {
    report.fail("path", "the manifest has no \"path\" to the host", fix);
    return std::nullopt;
  }
  const std::string binary = path->get<std::string>();
  if (!fs::path(binary).is_absolute()) {
    report.fail("path", "the path " + in_quotes(binary) + " is relative; browsers need an absolute path", fix);
    return std::nullopt;
  }
  report.pass("path", "the path is absolute");
  std::error_code error;
  const std::string rebuild = "build the host (cmake --build build --target notrain-host), then " + fix;
  if (!fs::exists(binary, error)) {
    report.fail("binary", "there is no file at " + binary + " (moved or deleted?)", rebuild);
    return std::nullopt;
  }
  if (!fs::is_regular_file(binary, error)) {
    report.fail("binary", binary + " is not a program file", rebuild);
    return std::nullopt;
  }
  if (::access(binary.c_str(), X_OK) != 0) {
    report.fail("binary", binary + " is not executable", "run: chmod +x " + binary);
    return std::nullopt;
  }
  report.pass("binary", binary + " exists and is executable");
  return binary;
}

}  // namespace

std::optional<std::string> check_manifest_file(const Target& target, bool fallback, const std::string& fix,
                                               CheckList& report) {
  std::optional<std::string> bytes = read_file(target.manifest_path);
  std::error_code ignored;
  if (!bytes && fs::exists(target.manifest_path, ignored)) {
    report.fail("manifest", target.manifest_path + " exists but cannot be read as a file",
                "make it readable (chmod 644 " + target.manifest_path + ") or remove it and " + fix);
    return std::nullopt;
  }
  if (!bytes) {
    report.fail("manifest",
                "no manifest at " + target.manifest_path +
                    "; the extension would see \"Specified "
                    "native messaging host not found\"",
                fix);
    return std::nullopt;
  }
  report.pass("manifest", fallback ? "system-wide manifest present (the browser uses it: there is no per-user one)"
                                   : "manifest present");
  if (std::string_view(*bytes).starts_with(kBom)) {
    report.fail("encoding", "the manifest starts with a byte-order mark (BOM); browsers then ignore it", fix);
    bytes->erase(0, kBom.size());
  } else {
    report.pass("encoding", "no byte-order mark");
  }
  const json manifest = json::parse(*bytes, nullptr, false);
  if (manifest.is_discarded() || !manifest.is_object()) {
    report.fail("json",
                manifest.is_discarded() ? "the manifest is not valid JSON" : "the manifest is not a JSON object", fix);
    return std::nullopt;
  }
  report.pass("json", "valid JSON");
  check_name(manifest, target, report, fix);
  check_fields(manifest, report, fix);
  check_allowed(manifest, target, report, fix);
  return check_binary(manifest, report, fix);
}

}  // namespace notrain::installer
