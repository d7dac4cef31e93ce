// The manifests install writes are the templates in manifests/ filled in: the templates are what
// packagers read, the code is what runs, and this test keeps the two the same.
#include <doctest/doctest.h>

#include <nlohmann/json.hpp>

#include "installer/manifest.hpp"
#include "notrain/identity.hpp"
#include "temp_home.hpp"

namespace {

using namespace notrain::installer;
using namespace notrain::installer::testing;

std::string replace_all(std::string text, const std::string& from, std::string_view to) {
  for (std::size_t at = text.find(from); at != std::string::npos; at = text.find(from, at + to.size())) {
    text.replace(at, from.size(), to);
  }
  return text;
}

std::string filled_template(const std::string& file, const std::string& host_path) {
  std::string text = read_text(fs::path(NOTRAIN_SOURCE_DIR) / "manifests" / file);
  REQUIRE_FALSE(text.empty());
  text = replace_all(text, "@NOTRAIN_HOST_NAME@", notrain::identity::kHostName);
  text = replace_all(text, "@NOTRAIN_HOST_PATH@", host_path);
  text = replace_all(text, "@NOTRAIN_CHROMIUM_ORIGIN@", notrain::identity::kChromiumOrigin);
  text = replace_all(text, "@NOTRAIN_FIREFOX_ID@", notrain::identity::kFirefoxExtensionId);
  CHECK(text.find("@NOTRAIN_") == std::string::npos);  // no placeholder is left unfilled
  return text;
}

}  // namespace

TEST_CASE("the Chromium manifest is manifests/org.notrain.host.chromium.json.in filled in") {
  const std::string path = "/opt/notrain/bin/notrain-host";
  CHECK(build_manifest(Flavour::Chromium, path) == filled_template("org.notrain.host.chromium.json.in", path));
}

TEST_CASE("the Firefox manifest is manifests/org.notrain.host.firefox.json.in filled in") {
  const std::string path = "/opt/notrain/bin/notrain-host";
  CHECK(build_manifest(Flavour::Firefox, path) == filled_template("org.notrain.host.firefox.json.in", path));
}

TEST_CASE("a host path that needs escaping still gives valid JSON with that exact path") {
  const std::string path = "/home/Zoë \"quoted\"/back\\slash/notrain-host";
  const nlohmann::json manifest = nlohmann::json::parse(build_manifest(Flavour::Chromium, path));
  CHECK(manifest["path"] == path);
}

TEST_CASE("uninstall recognises our manifest by its name, with or without a BOM, and nothing else") {
  const std::string ours = build_manifest(Flavour::Firefox, "/x/notrain-host");
  CHECK(is_our_manifest(ours));
  CHECK(is_our_manifest("\xEF\xBB\xBF" + ours));
  CHECK_FALSE(is_our_manifest(R"({"name": "com.example.other"})"));
  CHECK_FALSE(is_our_manifest("{ broken"));
  CHECK_FALSE(is_our_manifest(R"(["org.notrain.host"])"));
}
