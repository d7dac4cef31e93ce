// The three subcommands through the real notrain-host binary, the way tools/setup.sh and the
// end-to-end tests call them: registration into a profile folder, doctor, uninstall.
#include <doctest/doctest.h>

#include <sys/wait.h>
#include <unistd.h>

#include <nlohmann/json.hpp>

#include "notrain/identity.hpp"
#include "temp_home.hpp"

namespace {

using namespace notrain::installer::testing;
using nlohmann::json;

struct Run {
  int status = -1;
  std::string out;
  std::string err;
};

std::string read_all(int fd) {
  std::string text;
  char buffer[4096];
  for (ssize_t count; (count = ::read(fd, buffer, sizeof buffer)) > 0;) {
    text.append(buffer, static_cast<std::size_t>(count));
  }
  ::close(fd);
  return text;
}

// Runs the built binary with `args` (no shell) and collects stdout and stderr (both small).
Run run_host(const std::vector<std::string>& args) {
  std::vector<char*> argv;
  std::string program = NOTRAIN_HOST_BINARY;
  argv.push_back(program.data());
  std::vector<std::string> copies = args;
  for (std::string& arg : copies) argv.push_back(arg.data());
  argv.push_back(nullptr);

  int out[2];
  int err[2];
  REQUIRE(::pipe(out) == 0);
  REQUIRE(::pipe(err) == 0);
  const pid_t child = ::fork();
  REQUIRE(child >= 0);
  if (child == 0) {
    ::dup2(out[1], STDOUT_FILENO);
    ::dup2(err[1], STDERR_FILENO);
    for (const int fd : {out[0], out[1], err[0], err[1]}) ::close(fd);
    ::execv(argv[0], argv.data());
    ::_exit(127);
  }
  ::close(out[1]);
  ::close(err[1]);
  Run run;
  run.out = read_all(out[0]);
  run.err = read_all(err[0]);
  int status = 0;
  ::waitpid(child, &status, 0);
  run.status = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
  return run;
}

}  // namespace

TEST_CASE("notrain-host install, doctor and uninstall for a browser profile's folder") {
  TempHome home;
  const fs::path folder = home / "profile/NativeMessagingHosts";
  const fs::path manifest = folder / (std::string(notrain::identity::kHostName) + ".json");

  const Run install = run_host({"install", "--browser", "chromium", "--manifest-dir", folder.string()});
  REQUIRE(install.status == 0);
  // Without --host-path the manifest names the very binary that ran.
  CHECK(json::parse(read_text(manifest))["path"] == fs::canonical(NOTRAIN_HOST_BINARY).string());

  const Run doctor = run_host({"doctor", "--json", "--browser", "chromium", "--manifest-dir", folder.string()});
  CAPTURE(doctor.out);
  CHECK(doctor.status == 0);
  const json report = json::parse(doctor.out);
  CHECK(report["ok"] == true);
  CHECK(report["browsers"][0]["status"] == "PASS");

  const Run uninstall = run_host({"uninstall", "--browser", "chromium", "--manifest-dir", folder.string()});
  CHECK(uninstall.status == 0);
  CHECK_FALSE(fs::exists(manifest));
}

TEST_CASE("notrain-host install and doctor refuse unknown words with exit status 2 and say which") {
  TempHome home;
  const Run install = run_host({"install", "--everywhere"});
  CHECK(install.status == 2);
  CHECK(install.err.find("unknown option --everywhere") != std::string::npos);
  const Run doctor = run_host({"doctor", "--browser", "netscape"});
  CHECK(doctor.status == 2);
  CHECK(doctor.err.find("unknown browser \"netscape\"") != std::string::npos);
}

TEST_CASE("each registration command explains itself with --help") {
  TempHome home;
  for (const char* command : {"install", "uninstall", "doctor"}) {
    CAPTURE(command);
    const Run help = run_host({command, "--help"});
    CHECK(help.status == 0);
    CHECK(help.out.find(std::string("Usage: notrain-host ") + command) != std::string::npos);
    CHECK(help.out.find("google-chrome") != std::string::npos);
  }
  CHECK(snapshot(home.path()).empty());
}

TEST_CASE("options that go together or exclude each other, and bad values, are usage errors that say so") {
  TempHome home;
  const Run package = run_host({"install", "--system", "--package-root", (home / "root").string()});
  CHECK(package.status == 2);
  CHECK(package.err.find("--package-root requires --host-path") != std::string::npos);
  const Run both = run_host({"install", "--system", "--manifest-dir", (home / "x").string()});
  CHECK(both.status == 2);
  CHECK(both.err.find("excludes") != std::string::npos);
  const Run timeout = run_host({"doctor", "--timeout-ms", "0"});
  CHECK(timeout.status == 2);
  CHECK(timeout.err.find("--timeout-ms: needs a positive number of milliseconds") != std::string::npos);
  const Run stray = run_host({"uninstall", "everything"});
  CHECK(stray.status == 2);
  CHECK(stray.err.find("unexpected word \"everything\"") != std::string::npos);
  // One value per --browser: a second word is not taken as a browser.
  const Run two = run_host({"install", "--browser", "chromium", "firefox"});
  CHECK(two.status == 2);
  CHECK(two.err.find("unexpected word \"firefox\"") != std::string::npos);
  CHECK(snapshot(home.path()).empty());
}
