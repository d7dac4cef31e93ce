// The browser table as data: golden files hold the paths computed for each platform and scope, so a
// change to the table shows up as a reviewable diff. Regenerate after a deliberate change with
// NOTRAIN_UPDATE_GOLDEN=1 and read the diff against the browsers' native-messaging documentation.
#include <doctest/doctest.h>

#include <cctype>
#include <set>

#include "installer/browsers.hpp"
#include "temp_home.hpp"

namespace {

using namespace notrain::installer;
using namespace notrain::installer::testing;

const fs::path kGoldenFolder = fs::path(NOTRAIN_SOURCE_DIR) / "tests/host/installer/golden";

std::string render(const std::vector<Target>& targets) {
  std::string text;
  for (const Target& target : targets) {
    text += std::string(target.browser->id) + " (" + std::string(to_string(target.browser->flavour)) + ")\n";
    if (!target.detect_folder.empty()) text += "  found if: " + target.detect_folder + "\n";
    for (const std::string_view program : target.programs) text += "  or command: " + std::string(program) + "\n";
    for (const std::string& folder : target.install_folders) text += "  or installed in: " + folder + "\n";
    text += "  manifest: " + target.manifest_path + "\n";
    if (!target.registry_key.empty()) text += "  registry: " + target.registry_key + "\n";
  }
  return text;
}

void check_golden(const std::string& name, const std::string& actual) {
  const fs::path path = kGoldenFolder / (name + ".txt");
  if (std::getenv("NOTRAIN_UPDATE_GOLDEN")) write_text(path, actual);
  REQUIRE_MESSAGE(fs::exists(path), "missing golden file " << path);
  CHECK(read_text(path) == actual);
}

Environment linux_env() { return {"/home/ana", "", "", "", ""}; }

}  // namespace

TEST_CASE("golden: Linux, per user, default XDG_CONFIG_HOME") {
  check_golden("linux-user", render(compute_targets(Platform::Linux, linux_env(), Scope::User)));
}

TEST_CASE("golden: Linux, per user, XDG_CONFIG_HOME elsewhere") {
  Environment env = linux_env();
  env.xdg_config_home = "/srv/config/ana";
  check_golden("linux-user-xdg", render(compute_targets(Platform::Linux, env, Scope::User)));
}

TEST_CASE("golden: Linux, system") {
  check_golden("linux-system", render(compute_targets(Platform::Linux, linux_env(), Scope::System)));
}

TEST_CASE("golden: macOS, per user and system") {
  const Environment env{"/Users/ana", "", "", "", ""};
  check_golden("macos-user", render(compute_targets(Platform::MacOS, env, Scope::User)));
  check_golden("macos-system", render(compute_targets(Platform::MacOS, env, Scope::System)));
}

TEST_CASE("golden: Windows, per user and system") {
  const Environment env{R"(C:\Users\Ana)", "", "", R"(C:\Users\Ana\AppData\Local)", ""};
  check_golden("windows-user", render(compute_targets(Platform::Windows, env, Scope::User)));
  check_golden("windows-system", render(compute_targets(Platform::Windows, env, Scope::System)));
}

TEST_CASE("a relative XDG_CONFIG_HOME is ignored, as the XDG specification and Chromium do") {
  Environment env = linux_env();
  env.xdg_config_home = "relative/config";
  const auto with_relative = compute_targets(Platform::Linux, env, Scope::User);
  const auto with_default = compute_targets(Platform::Linux, linux_env(), Scope::User);
  REQUIRE(with_relative.size() == with_default.size());
  for (std::size_t i = 0; i < with_default.size(); ++i) {
    CHECK(with_relative[i].manifest_path == with_default[i].manifest_path);
  }
}

TEST_CASE("the table: unique lower-case ids, and manifest folders named as browsers expect") {
  std::set<std::string_view> ids;
  for (const Browser& browser : browsers()) {
    CAPTURE(browser.id);
    CHECK(ids.insert(browser.id).second);
    for (const char c : browser.id) CHECK((std::islower(static_cast<unsigned char>(c)) || c == '-'));
    CHECK(find_browser(browser.id) == &browser);
  }
  for (const Platform platform : {Platform::Linux, Platform::MacOS}) {
    for (const Scope scope : {Scope::User, Scope::System}) {
      for (const Target& target : compute_targets(platform, linux_env(), scope)) {
        CAPTURE(target.manifest_path);
        CHECK(fs::path(target.manifest_path).is_absolute());
        CHECK(fs::path(target.manifest_path).filename() == "org.notrain.host.json");
        const std::string folder = fs::path(target.hosts_folder).filename().string();
        CHECK((folder == "NativeMessagingHosts" || folder == "native-messaging-hosts"));
      }
    }
  }
  CHECK(find_browser("netscape") == nullptr);
}
