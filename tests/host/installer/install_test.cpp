// install and uninstall against a temporary HOME: the right files for the browsers found, nothing
// for the others, idempotent, repairing, and an uninstall that leaves the folders as they were.
#include <doctest/doctest.h>

#include <sys/stat.h>

#include <nlohmann/json.hpp>

#include "installer/commands.hpp"
#include "installer/manifest.hpp"
#include "store.hpp"
#include "temp_home.hpp"
#include "notrain/identity.hpp"

namespace {

using namespace notrain::installer;
using namespace notrain::installer::testing;
using nlohmann::json;

const std::string kManifestName = std::string(notrain::identity::kHostName) + ".json";

// A stand-in binary path: install only records it.
std::string fake_binary(const TempHome& home) {
  const fs::path binary = home / "bin/notrain-host";
  write_text(binary, "#!/bin/sh\n");
  fs::permissions(binary, fs::perms::owner_all);
  return binary.string();
}

int install(const std::vector<std::string>& args) {
  CapturedOutput quiet;
  return run_install(args);
}

int uninstall(const std::vector<std::string>& args) {
  CapturedOutput quiet;
  return run_uninstall(args);
}

json manifest_at(const fs::path& path) { return json::parse(read_text(path)); }

}  // namespace

TEST_CASE("install writes a manifest for each browser whose folder exists, and only for those") {
  TempHome home;
  fs::create_directories(home / ".config/google-chrome");
  fs::create_directories(home / ".config/chromium");
  fs::create_directories(home / ".mozilla");
  const std::string binary = fake_binary(home);

  REQUIRE(install({"--host-path", binary}) == 0);

  for (const char* folder : {".config/google-chrome/NativeMessagingHosts", ".config/chromium/NativeMessagingHosts"}) {
    CAPTURE(folder);
    const json manifest = manifest_at(home / folder / kManifestName);
    CHECK(manifest["name"] == notrain::identity::kHostName);
    CHECK(manifest["path"] == binary);
    CHECK(manifest["type"] == "stdio");
    CHECK(manifest["allowed_origins"] == json::array({notrain::identity::kChromiumOrigin}));
    CHECK_FALSE(manifest.contains("allowed_extensions"));
  }
  const json firefox = manifest_at(home / ".mozilla/native-messaging-hosts" / kManifestName);
  CHECK(firefox["allowed_extensions"] == json::array({notrain::identity::kFirefoxExtensionId}));
  CHECK(firefox["path"] == binary);
  CHECK_FALSE(firefox.contains("allowed_origins"));

  CHECK_FALSE(fs::exists(home / ".config/microsoft-edge"));
  CHECK_FALSE(fs::exists(home / ".config/BraveSoftware"));
  CHECK_FALSE(fs::exists(home / ".librewolf"));
  CHECK_FALSE(fs::exists(home / ".var"));
}

TEST_CASE("install writes UTF-8 without BOM, readable by everyone, ending in a newline") {
  TempHome home;
  fs::create_directories(home / ".config/chromium");
  REQUIRE(install({"--host-path", fake_binary(home)}) == 0);
  const fs::path path = home / ".config/chromium/NativeMessagingHosts" / kManifestName;
  const std::string bytes = read_text(path);
  REQUIRE_FALSE(bytes.empty());
  CHECK(static_cast<unsigned char>(bytes[0]) == '{');
  CHECK(bytes.back() == '\n');
  struct stat info {};
  REQUIRE(::stat(path.c_str(), &info) == 0);
  CHECK((info.st_mode & 0777) == 0644);
}

TEST_CASE("Chromium-family folders follow XDG_CONFIG_HOME; Firefox stays in HOME") {
  TempHome home;
  home.set("XDG_CONFIG_HOME", (home / "elsewhere").string());
  fs::create_directories(home / "elsewhere/chromium");
  fs::create_directories(home / ".config/google-chrome");  // not the configured folder: ignored
  fs::create_directories(home / ".mozilla");
  REQUIRE(install({"--host-path", fake_binary(home)}) == 0);
  CHECK(fs::exists(home / "elsewhere/chromium/NativeMessagingHosts" / kManifestName));
  CHECK_FALSE(fs::exists(home / ".config/google-chrome/NativeMessagingHosts"));
  CHECK(fs::exists(home / ".mozilla/native-messaging-hosts" / kManifestName));
}

TEST_CASE("install finds Flatpak browsers in their sandbox folders") {
  TempHome home;
  fs::create_directories(home / ".var/app/org.mozilla.firefox");
  fs::create_directories(home / ".var/app/org.chromium.Chromium");
  REQUIRE(install({"--host-path", fake_binary(home)}) == 0);
  CHECK(manifest_at(home / ".var/app/org.mozilla.firefox/.mozilla/native-messaging-hosts" / kManifestName)
            .contains("allowed_extensions"));
  CHECK(manifest_at(home / ".var/app/org.chromium.Chromium/config/chromium/NativeMessagingHosts" / kManifestName)
            .contains("allowed_origins"));
  CHECK_FALSE(fs::exists(home / ".var/app/com.google.Chrome"));
}

// A command on PATH, as a browser's package installs it: an executable file, or a link to one.
void put_program(const TempHome& home, const std::string& name, fs::perms perms = fs::perms::owner_all) {
  const fs::path target = home / ("opt/browsers/" + name);
  write_text(target, "#!/bin/sh\n");
  fs::permissions(target, perms);
  fs::create_directories(home / "bin");
  fs::create_symlink(target, home / ("bin/" + name));
}

TEST_CASE("install registers browsers that are installed but were never started") {
  TempHome home;
  put_program(home, "chromium");
  put_program(home, "firefox-esr");
  fs::create_directories(home / ".local/share/flatpak/app/org.mozilla.firefox");
  REQUIRE(install({"--host-path", fake_binary(home)}) == 0);
  CHECK(manifest_at(home / ".config/chromium/NativeMessagingHosts" / kManifestName).contains("allowed_origins"));
  CHECK(manifest_at(home / ".mozilla/native-messaging-hosts" / kManifestName).contains("allowed_extensions"));
  CHECK(manifest_at(home / ".var/app/org.mozilla.firefox/.mozilla/native-messaging-hosts" / kManifestName)
            .contains("allowed_extensions"));
  CHECK_FALSE(fs::exists(home / ".config/google-chrome"));
  CHECK_FALSE(fs::exists(home / ".var/app/org.chromium.Chromium"));
}

TEST_CASE("a file named like a browser that cannot be run, or a relative PATH entry, is not a browser") {
  TempHome home;
  put_program(home, "chromium", fs::perms::owner_read | fs::perms::owner_write);
  fs::create_directories(home / "relative");
  home.set("PATH", (home / "bin").string() + ":relative");
  CapturedOutput output;
  CHECK(run_install({"--host-path", fake_binary(home)}) == 1);
  CHECK_FALSE(fs::exists(home / ".config/chromium"));
}

TEST_CASE("a second install changes nothing: same bytes, same modification time") {
  TempHome home;
  fs::create_directories(home / ".config/google-chrome");
  fs::create_directories(home / ".mozilla");
  const std::string binary = fake_binary(home);
  REQUIRE(install({"--host-path", binary}) == 0);

  const fs::path chrome = home / ".config/google-chrome/NativeMessagingHosts" / kManifestName;
  const fs::path firefox = home / ".mozilla/native-messaging-hosts" / kManifestName;
  // Back-date the files so that any rewrite, however fast, shows in the time stamp.
  const auto old_time = fs::file_time_type::clock::now() - std::chrono::hours(24);
  fs::last_write_time(chrome, old_time);
  fs::last_write_time(firefox, old_time);
  const auto before = snapshot(home.path());

  CapturedOutput output;
  REQUIRE(run_install({"--host-path", binary}) == 0);
  CHECK(snapshot(home.path()) == before);
  CHECK(fs::last_write_time(chrome) == old_time);
  CHECK(fs::last_write_time(firefox) == old_time);
  CHECK(output.out().find("unchanged") != std::string::npos);
}

TEST_CASE("install repairs a broken manifest and points a stale one at the new binary") {
  TempHome home;
  fs::create_directories(home / ".config/chromium");
  const std::string binary = fake_binary(home);
  REQUIRE(install({"--host-path", binary}) == 0);
  const fs::path path = home / ".config/chromium/NativeMessagingHosts" / kManifestName;

  SUBCASE("invalid JSON with a BOM") { write_text(path, "\xEF\xBB\xBF{ \"name\": "); }
  SUBCASE("an old binary path") { write_text(path, build_manifest(Flavour::Chromium, "/opt/old/notrain-host")); }

  REQUIRE(install({"--host-path", binary}) == 0);
  CHECK(read_text(path) == build_manifest(Flavour::Chromium, binary));
  CHECK(manifest_at(path)["path"] == binary);
}

TEST_CASE("--dry-run prints what it would write and writes nothing") {
  TempHome home;
  fs::create_directories(home / ".config/chromium");
  const auto before = snapshot(home.path());
  CapturedOutput output;
  REQUIRE(run_install({"--dry-run", "--host-path", "/opt/notrain/notrain-host"}) == 0);
  CHECK(snapshot(home.path()) == before);
  const std::string path = (home / ".config/chromium/NativeMessagingHosts" / kManifestName).string();
  CHECK(output.out().find("would create " + path) != std::string::npos);
  CHECK(output.out().find("\"path\": \"/opt/notrain/notrain-host\"") != std::string::npos);
}

TEST_CASE("--browser registers a browser whose folder does not exist yet") {
  TempHome home;
  REQUIRE(install({"--browser", "librewolf", "--host-path", fake_binary(home)}) == 0);
  CHECK(manifest_at(home / ".librewolf/native-messaging-hosts" / kManifestName).contains("allowed_extensions"));
  CHECK_FALSE(fs::exists(home / ".config/google-chrome"));
}

TEST_CASE("--manifest-dir writes one manifest of the named browser's flavour into that folder") {
  TempHome home;
  const std::string binary = fake_binary(home);
  REQUIRE(install({"--browser", "chromium", "--manifest-dir", (home / "profile/NativeMessagingHosts").string(),
                   "--host-path", binary}) == 0);
  const json chromium = manifest_at(home / "profile/NativeMessagingHosts" / kManifestName);
  CHECK(chromium["allowed_origins"] == json::array({notrain::identity::kChromiumOrigin}));
  CHECK(chromium["path"] == binary);

  REQUIRE(install({"--browser", "firefox", "--manifest-dir", (home / "ff").string(), "--host-path", binary}) == 0);
  CHECK(manifest_at(home / "ff" / kManifestName)["allowed_extensions"] ==
        json::array({notrain::identity::kFirefoxExtensionId}));
  // A caller's folder is not recorded for uninstall's folder clean-up.
  CHECK_FALSE(fs::exists(home / ".local/share/notrain/created-folders.json"));
}

TEST_CASE("install refuses wrong usage with exit status 2 and says why") {
  TempHome home;
  CapturedOutput output;
  SUBCASE("unknown browser") {
    CHECK(run_install({"--browser", "netscape"}) == 2);
    CHECK(output.err().find("netscape") != std::string::npos);
  }
  SUBCASE("relative host path") {
    CHECK(run_install({"--host-path", "build/host/notrain-host"}) == 2);
    CHECK(output.err().find("absolute") != std::string::npos);
  }
  SUBCASE("--manifest-dir without one browser") { CHECK(run_install({"--manifest-dir", (home / "x").string()}) == 2); }
  SUBCASE("a stray word") { CHECK(run_install({"everything"}) == 2); }
}

TEST_CASE("install without any browser found fails and names the --browser option") {
  TempHome home;
  CapturedOutput output;
  CHECK(run_install({"--host-path", "/opt/notrain/notrain-host"}) == 1);
  CHECK(output.err().find("--browser") != std::string::npos);
  CHECK(snapshot(home.path()).empty());
}

TEST_CASE("uninstall leaves every folder as it was before install") {
  TempHome home;
  // Chrome already has a folder of manifests with another product's host; Firefox has none yet.
  write_text(home / ".config/google-chrome/NativeMessagingHosts/com.example.other.json",
             R"({"name":"com.example.other"})");
  fs::create_directories(home / ".mozilla/firefox");
  const auto before = snapshot(home.path());

  REQUIRE(install({"--host-path", fake_binary(home)}) == 0);
  REQUIRE(install({"--browser", "opera", "--host-path", (home / "bin/notrain-host").string()}) == 0);
  fs::remove_all(home / "bin");
  REQUIRE(fs::exists(home / ".mozilla/native-messaging-hosts" / kManifestName));
  REQUIRE(fs::exists(home / ".config/opera/NativeMessagingHosts" / kManifestName));

  REQUIRE(uninstall({}) == 0);
  CHECK(snapshot(home.path()) == before);
}

TEST_CASE("uninstall removes only manifests that name NoTrain's host") {
  TempHome home;
  const fs::path ours = home / ".config/chromium/NativeMessagingHosts" / kManifestName;
  const fs::path squatter = home / ".mozilla/native-messaging-hosts" / kManifestName;
  write_text(ours, build_manifest(Flavour::Chromium, "/opt/notrain/notrain-host"));
  write_text(squatter, R"({"name": "com.example.other"})");
  CapturedOutput output;
  REQUIRE(run_uninstall({}) == 0);
  CHECK_FALSE(fs::exists(ours));
  CHECK(fs::exists(ours.parent_path()));  // a folder install did not create stays
  CHECK(fs::exists(squatter));
  CHECK(output.out().find("left " + squatter.string()) != std::string::npos);
}

TEST_CASE("uninstall --browser removes that browser's manifest only; --dry-run removes nothing") {
  TempHome home;
  fs::create_directories(home / ".config/chromium");
  fs::create_directories(home / ".mozilla");
  REQUIRE(install({"--host-path", fake_binary(home)}) == 0);
  const auto installed = snapshot(home.path());
  {
    CapturedOutput output;
    REQUIRE(run_uninstall({"--dry-run"}) == 0);
    CHECK(output.out().find("would remove") != std::string::npos);
    CHECK(snapshot(home.path()) == installed);
  }
  REQUIRE(uninstall({"--browser", "firefox"}) == 0);
  CHECK_FALSE(fs::exists(home / ".mozilla/native-messaging-hosts"));
  CHECK(fs::exists(home / ".config/chromium/NativeMessagingHosts" / kManifestName));
}

TEST_CASE("uninstall --manifest-dir removes the manifest from a caller's folder and keeps the folder") {
  TempHome home;
  const fs::path folder = home / "profile/NativeMessagingHosts";
  REQUIRE(install({"--browser", "chromium", "--manifest-dir", folder.string(), "--host-path", fake_binary(home)}) == 0);
  REQUIRE(uninstall({"--browser", "chromium", "--manifest-dir", folder.string()}) == 0);
  CHECK_FALSE(fs::exists(folder / kManifestName));
  CHECK(fs::is_directory(folder));
}

TEST_CASE("a browser whose folder cannot be written does not stop the others; the status says so") {
  TempHome home;
  fs::create_directories(home / ".mozilla");
  write_text(home / ".config/chromium/NativeMessagingHosts", "a file where a folder should be");
  CapturedOutput output;
  CHECK(run_install({"--host-path", fake_binary(home)}) == 1);
  CHECK(fs::exists(home / ".mozilla/native-messaging-hosts" / kManifestName));
  CHECK(output.err().find("Chromium: not registered") != std::string::npos);
  CHECK(output.err().find("1 of 2 browsers") != std::string::npos);
}

TEST_CASE("--system --dry-run names the system folders and touches nothing") {
  TempHome home;
  CapturedOutput output;
  REQUIRE(run_install({"--system", "--dry-run", "--browser", "chromium", "--browser", "firefox", "--host-path",
                       "/usr/bin/notrain-host"}) == 0);
  CHECK(output.out().find("/etc/chromium/native-messaging-hosts/" + kManifestName) != std::string::npos);
  CHECK(output.out().find("/usr/lib/mozilla/native-messaging-hosts/" + kManifestName) != std::string::npos);
  CHECK(snapshot(home.path()).empty());
}

TEST_CASE("--system refuses a browser without a system-wide folder") {
  TempHome home;
  CapturedOutput output;
  CHECK(run_install({"--system", "--dry-run", "--browser", "brave"}) == 2);
  CHECK(output.err().find("Brave has no system-wide manifest folder") != std::string::npos);
}

namespace {
unsigned mode_of(const fs::path& path) {
  struct stat info {};
  ::stat(path.c_str(), &info);
  return info.st_mode & 0777;
}
}  // namespace

TEST_CASE(
    "the data folder is the user's alone whoever makes it first: install (as tools/setup.sh does), then the host") {
  TempHome home;
  ::umask(022);  // the user's usual umask
  put_program(home, "chromium");
  REQUIRE(install({"--host-path", fake_binary(home)}) == 0);
  const fs::path data = home / ".local/share/notrain";
  REQUIRE(fs::exists(data / "created-folders.json"));
  CHECK(mode_of(data) == 0700);
  CHECK(mode_of(data / "created-folders.json") == 0600);
  notrain::Store store(data / "notrain.db");
  CHECK(mode_of(data) == 0700);
  CHECK(mode_of(data / "notrain.db") == 0600);
}

TEST_CASE("a data folder made readable by others before is made private when the host opens it") {
  TempHome home;
  const fs::path data = home / ".local/share/notrain";
  fs::create_directories(data);
  fs::permissions(data, fs::perms::owner_all | fs::perms::group_read | fs::perms::group_exec | fs::perms::others_read |
                            fs::perms::others_exec);
  notrain::Store store(data / "notrain.db");
  CHECK(mode_of(data) == 0700);
  CHECK(mode_of(data / "notrain.db") == 0600);
}
