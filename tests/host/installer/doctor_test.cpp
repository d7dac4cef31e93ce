// doctor against a temporary HOME: it passes on a good registration and names the fault, with a
// fix, on each broken one. The host it starts is tests/host/installer/fixtures/fake-host.py
// (FAKE_HOST_MODE picks its misbehaviour; it names /usr/bin/python3 because a version manager's shim
// takes a second to start), and once the real notrain-host.
#include <doctest/doctest.h>

#include <nlohmann/json.hpp>

#include "installer/commands.hpp"
#include "installer/manifest.hpp"
#include "installer/options.hpp"
#include "notrain/identity.hpp"
#include "temp_home.hpp"

namespace {

using namespace notrain::installer;
using namespace notrain::installer::testing;
using nlohmann::json;

const std::string kManifestName = std::string(notrain::identity::kHostName) + ".json";

// A home with Chrome and Firefox registered to a copy of the fake host.
struct Setup {
  TempHome home;
  fs::path host = home / "bin/fake-host.py";
  fs::path chrome = home / ".config/google-chrome/NativeMessagingHosts" / kManifestName;
  fs::path firefox = home / ".mozilla/native-messaging-hosts" / kManifestName;

  Setup() {
    fs::create_directories(host.parent_path());
    fs::copy_file(fs::path(NOTRAIN_SOURCE_DIR) / "tests/host/installer/fixtures/fake-host.py", host);
    fs::permissions(host, fs::perms::owner_all | fs::perms::group_read | fs::perms::others_read);
    home.set("FAKE_HOST_MODE", "good");
    home.set("FAKE_HOST_ORIGIN", std::string(notrain::identity::kChromiumOrigin));
    home.set("FAKE_HOST_ADDON_ID", std::string(notrain::identity::kFirefoxExtensionId));
    home.set("FAKE_HOST_VERSION", std::string(notrain::identity::kVersion));
    fs::create_directories(home / ".config/google-chrome");
    fs::create_directories(home / ".mozilla");
    CapturedOutput quiet;
    REQUIRE(run_install({"--host-path", host.string()}) == 0);
  }

  // Rewrites Chrome's manifest with one field changed.
  void edit_chrome(const std::string& key, const json& value) const {
    json manifest = json::parse(read_text(chrome));
    manifest[key] = value;
    write_text(chrome, manifest.dump(2));
  }
};

// bugprone-exception-escape reports nlohmann::json's destructor (it may allocate while it takes apart nested values).
// NOLINTNEXTLINE(bugprone-exception-escape)
struct Result {
  int status = 0;
  json report;
  std::string err;
};

Result doctor(std::vector<std::string> args = {}) {
  args.insert(args.begin(), "--json");
  CapturedOutput output;
  Result result;
  result.status = run_doctor(args);
  result.err = output.err();
  result.report = json::parse(output.out());
  return result;
}

const json& browser(const Result& result, std::string_view id) {
  for (const json& entry : result.report["browsers"]) {
    if (entry["id"] == id) return entry;
  }
  FAIL("no row for " << id << " in " << result.report.dump(2));
  static const json none;
  return none;
}

// The check named `name` in a browser's row.
json check(const json& row, std::string_view name) {
  for (const json& item : row["checks"]) {
    if (item["check"] == name) return item;
  }
  return json();
}

}  // namespace

TEST_CASE("doctor passes on a good registration and starts the host as each browser would") {
  Setup setup;
  const Result result = doctor();
  CHECK(result.status == 0);
  CHECK(result.report["ok"] == true);
  for (const char* id : {"google-chrome", "firefox"}) {
    CAPTURE(id);
    const json& row = browser(result, id);
    CHECK(row["status"] == "PASS");
    // The fake host exits with status 2 unless it got that browser's arguments and no terminal.
    CHECK(check(row, "hello")["status"] == "PASS");
    CHECK(row["round_trip_ms"].is_number());
  }
  CHECK(std::find(result.report["not_found"].begin(), result.report["not_found"].end(), "chromium") !=
        result.report["not_found"].end());
}

TEST_CASE("doctor names each broken manifest with its fix") {
  Setup setup;
  std::string failing;

  SUBCASE("no manifest") {
    fs::remove(setup.chrome);
    failing = "manifest";
  }
  SUBCASE("a folder where the manifest should be") {
    fs::remove(setup.chrome);
    fs::create_directory(setup.chrome);
    failing = "manifest";
  }
  SUBCASE("missing binary") {
    setup.edit_chrome("path", (setup.home / "bin/gone").string());
    failing = "binary";
  }
  SUBCASE("binary not executable") {
    fs::copy_file(setup.host, setup.home / "bin/plain.py");
    fs::permissions(setup.home / "bin/plain.py", fs::perms::owner_read | fs::perms::owner_write);
    setup.edit_chrome("path", (setup.home / "bin/plain.py").string());
    failing = "binary";
  }
  SUBCASE("relative path") {
    setup.edit_chrome("path", "bin/fake-host.py");
    failing = "path";
  }
  SUBCASE("wrong extension id") {
    setup.edit_chrome("allowed_origins", json::array({"chrome-extension://aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa/"}));
    failing = "allowed";
  }
  SUBCASE("origin without the final slash") {
    std::string origin(notrain::identity::kChromiumOrigin);
    origin.pop_back();
    setup.edit_chrome("allowed_origins", json::array({origin}));
    failing = "allowed";
  }
  SUBCASE("Firefox keys in a Chrome folder") {
    write_text(setup.chrome, build_manifest(Flavour::Firefox, setup.host.string()));
    failing = "allowed";
  }
  SUBCASE("wrong name") {
    setup.edit_chrome("name", "org.notrain.other");
    failing = "name";
  }
  SUBCASE("wrong type") {
    setup.edit_chrome("type", "socket");
    failing = "type";
  }
  SUBCASE("invalid JSON") {
    write_text(setup.chrome, "{\"name\": \"org.notrain.host\",");
    failing = "json";
  }
  SUBCASE("byte-order mark") {
    write_text(setup.chrome, "\xEF\xBB\xBF" + read_text(setup.chrome));
    failing = "encoding";
  }

  CAPTURE(failing);
  const Result result = doctor();
  CHECK(result.status == 1);
  CHECK(result.report["ok"] == false);
  const json& row = browser(result, "google-chrome");
  CHECK(row["status"] == "FAIL");
  const json item = check(row, failing);
  REQUIRE(item.is_object());
  CHECK(item["status"] == "FAIL");
  CHECK_FALSE(item.value("fix", std::string()).empty());
  // The other browser is unaffected.
  CHECK(browser(result, "firefox")["status"] == "PASS");
}

TEST_CASE("doctor names each misbehaving host") {
  Setup setup;
  std::string mode;
  std::string expected;
  std::vector<std::string> args;

  SUBCASE("a host that writes text on stdout") {
    mode = "garbage";
    expected = "not a native-messaging reply";
  }
  SUBCASE("a host that exits at once") {
    mode = "exit";
    expected = "exited without answering (exit status 3); it said: fake host: cannot open the database";
  }
  SUBCASE("a host that never answers") {
    mode = "hang";
    expected = "did not answer";
    args = {"--timeout-ms", "300"};
  }
  SUBCASE("a host that refuses the caller") {
    mode = "error";
    expected = "This caller is not allowed.";
  }

  SUBCASE("a host whose interpreter is missing") {
    for (const fs::path& manifest : {setup.chrome, setup.firefox}) {
      json edited = json::parse(read_text(manifest));
      edited["path"] = (setup.home / "bin/broken-script").string();
      write_text(manifest, edited.dump());
    }
    write_text(setup.home / "bin/broken-script", "#!/nonexistent/python3\n");
    fs::permissions(setup.home / "bin/broken-script", fs::perms::owner_all);
    expected = "cannot start: No such file or directory (the file exists, so the interpreter";
  }

  CAPTURE(mode);
  if (!mode.empty()) setup.home.set("FAKE_HOST_MODE", mode);
  const Result result = doctor(args);
  CHECK(result.status == 1);
  for (const char* id : {"google-chrome", "firefox"}) {
    CAPTURE(id);
    const json item = check(browser(result, id), "hello");
    CHECK(item["status"] == "FAIL");
    CHECK(item["message"].get<std::string>().find(expected) != std::string::npos);
    CHECK_FALSE(item.value("fix", std::string()).empty());
  }
}

TEST_CASE("doctor warns about a host that outlives its input or has another version") {
  Setup setup;
  std::string warning;
  SUBCASE("keeps running after stdin closes") {
    setup.home.set("FAKE_HOST_MODE", "linger");
    warning = "exit";
  }
  SUBCASE("an older version") {
    setup.home.set("FAKE_HOST_VERSION", "0.0.1");
    warning = "version";
  }
  CAPTURE(warning);
  const Result result = doctor({"--browser", "firefox"});
  CHECK(result.status == 0);
  const json& row = browser(result, "firefox");
  CHECK(row["status"] == "WARN");
  CHECK(check(row, "hello")["status"] == "PASS");
  CHECK(check(row, warning)["status"] == "WARN");
}

TEST_CASE("doctor checks a --manifest-dir registration, as the end-to-end tests make it") {
  Setup setup;
  const fs::path folder = setup.home / "profile/NativeMessagingHosts";
  {
    CapturedOutput quiet;
    REQUIRE(run_install(
                {"--browser", "chromium", "--manifest-dir", folder.string(), "--host-path", setup.host.string()}) == 0);
  }
  const Result result = doctor({"--browser", "chromium", "--manifest-dir", folder.string()});
  CHECK(result.status == 0);
  REQUIRE(result.report["browsers"].size() == 1);
  CHECK(result.report["browsers"][0]["manifest"] == (folder / kManifestName).string());
  CHECK(result.report["browsers"][0]["status"] == "PASS");
}

TEST_CASE("doctor fails when no browser is found") {
  TempHome home;
  const Result result = doctor();
  CHECK(result.status == 1);
  CHECK(result.report["ok"] == false);
  CHECK(result.report["browsers"].empty());
}

TEST_CASE("doctor's text report shows each row and each fix") {
  Setup setup;
  setup.edit_chrome("path", "bin/fake-host.py");
  CapturedOutput output;
  CHECK(run_doctor({}) == 1);
  const std::string text = output.out();
  CHECK(text.find("Google Chrome: " + setup.chrome.string()) != std::string::npos);
  CHECK(text.find("FAIL  the path \"bin/fake-host.py\" is relative") != std::string::npos);
  CHECK(text.find("Fix: run: notrain-host install --browser google-chrome") != std::string::npos);
  CHECK(text.find("PASS  hello answered in") != std::string::npos);  // Firefox's row
  // Browsers and checks are counted apart: one browser failing, one ready, each with several checks.
  CHECK(text.find("Browsers: 1 ready, 0 with warnings, 1 failing") != std::string::npos);
  CHECK(text.find("Checks:   ") != std::string::npos);
  CHECK(text.find(" 1 FAIL") != std::string::npos);
}

TEST_CASE("doctor gets an answer from the real notrain-host") {
  Setup setup;
  CapturedOutput quiet;
  REQUIRE(run_install({"--browser", "chromium", "--browser", "firefox", "--host-path", NOTRAIN_HOST_BINARY}) == 0);
  const Result result = doctor({"--browser", "chromium", "--browser", "firefox"});
  for (const char* id : {"chromium", "firefox"}) {
    CAPTURE(id);
    CAPTURE(result.report.dump(2));
    const json& row = browser(result, id);
    CHECK(check(row, "hello")["status"] == "PASS");
    CHECK(row["status"] == "PASS");
  }
  CHECK(result.status == 0);
}

TEST_CASE("like the browsers, doctor falls back to the system-wide manifest when there is no per-user one") {
  TempHome home;
  const Browser* chromium = find_browser("chromium");
  const Browser* firefox = find_browser("firefox");
  REQUIRE((chromium && firefox));
  const auto target = [&](const Browser* browser, Scope scope, const std::string& folder) {
    Target made;
    made.browser = browser;
    made.scope = scope;
    made.hosts_folder = (home / folder).string();
    made.manifest_path = (home / folder / kManifestName).string();
    return made;
  };
  const std::vector<Target> user = {target(chromium, Scope::User, "user/chromium"),
                                    target(firefox, Scope::User, "user/firefox")};
  const std::vector<Target> system = {target(chromium, Scope::System, "etc/chromium"),
                                      target(firefox, Scope::System, "etc/firefox")};
  write_text(system[0].manifest_path, "{}");  // only Chromium has a system-wide manifest
  write_text(system[1].manifest_path, "{}");
  write_text(user[1].manifest_path, "{}");  // and Firefox a per-user one, which wins

  const std::vector<Target> resolved = as_browsers_resolve(user, system);
  REQUIRE(resolved.size() == 2);
  CHECK(resolved[0].manifest_path == system[0].manifest_path);
  CHECK(resolved[0].scope == Scope::System);
  CHECK(resolved[1].manifest_path == user[1].manifest_path);
  CHECK(resolved[1].scope == Scope::User);
}
