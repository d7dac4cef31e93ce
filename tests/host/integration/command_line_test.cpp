// The command line people use to read and export their evidence.
#include <doctest/doctest.h>
#include <fstream>
#include <sstream>
#include <sys/stat.h>

#include <SQLiteCpp/Database.h>

#include "sha256.hpp"
#include "support/command.hpp"
#include "support/host_process.hpp"
#include "support/samples.hpp"
#include "support/temp_dir.hpp"

using nlohmann::json;
using notrain::test::request;
using notrain::test::run_host_command;

namespace {

// Saves two confirmations through the protocol, as the extension would.
std::vector<json> save_two(const std::filesystem::path& home) {
  notrain::test::HostProcess host(home);
  json first = notrain::test::sample_confirmation("We will honour your objection, \"quoted\", with a comma.");
  json second = notrain::test::sample_confirmation("Riceverai una e-mail con i dettagli");
  second["service"] = "instagram";
  second["kind"] = "page";
  second["url"] = "https://help.instagram.com/contact/767264225370182";
  second["captured_at"] = "2025-06-01T09:00:00Z";
  second["screenshot"] = notrain::test::png_data_url(notrain::test::tiny_png());
  std::vector<json> saved = {host.call(request(1, "confirmation.save", first))["result"],
                             host.call(request(2, "confirmation.save", second))["result"]};
  host.finish();
  return saved;
}

std::string read_file(const std::filesystem::path& path) {
  std::ifstream in(path, std::ios::binary);
  std::stringstream text;
  text << in.rdbuf();
  return text.str();
}

}  // namespace

TEST_CASE("with nothing stored, the commands say so and create nothing") {
  notrain::test::TempDir home;
  const auto list = run_host_command(home.path(), {"list"});
  CHECK(list.status == 0);
  CHECK(list.out.find("No confirmations") != std::string::npos);
  CHECK(run_host_command(home.path(), {"export", "--format", "json"}).out == "[]\n");
  CHECK(run_host_command(home.path(), {"verify"}).status == 0);
  CHECK_FALSE(std::filesystem::exists(home / "notrain"));
}

TEST_CASE("list, show, export and verify read what the browser stored") {
  notrain::test::TempDir home;
  const auto saved = save_two(home.path());

  const auto table = run_host_command(home.path(), {"list"});
  CHECK(table.status == 0);
  CHECK(table.out.find("instagram") < table.out.find("facebook"));  // newest first
  CHECK(table.out.find("2 confirmations") != std::string::npos);

  const auto listed = json::parse(run_host_command(home.path(), {"list", "--json", "--service", "instagram"}).out);
  REQUIRE(listed.size() == 1);
  CHECK(listed[0]["id"] == saved[1]["id"]);

  const auto shown = run_host_command(home.path(), {"show", std::to_string(saved[0]["id"].get<int>())});
  CHECK(shown.status == 0);
  CHECK(shown.out.find("We will honour your objection") != std::string::npos);
  CHECK(shown.out.find(saved[0]["sha256"].get<std::string>()) != std::string::npos);
  CHECK(run_host_command(home.path(), {"show", "999"}).status == 1);

  const auto exported = json::parse(run_host_command(home.path(), {"export", "--format", "json"}).out);
  REQUIRE(exported.size() == 2);
  CHECK(exported[0]["text"] == "We will honour your objection, \"quoted\", with a comma.");
  CHECK(exported[1]["has_screenshot"] == true);

  const auto csv_file = home / "out.csv";
  const auto csv = run_host_command(home.path(), {"export", "--format", "csv", "--output", csv_file.string()});
  CHECK(csv.status == 0);
  const std::string text = read_file(csv_file);
  CHECK(text.starts_with("\xEF\xBB\xBFid,service,kind,captured_at"));
  CHECK(text.find("\"We will honour your objection, \"\"quoted\"\", with a comma.\"") != std::string::npos);
  struct stat info {};
  ::stat(csv_file.c_str(), &info);
  CHECK((info.st_mode & 0777) == 0600);

  const auto verified = run_host_command(home.path(), {"verify"});
  CHECK(verified.status == 0);
  CHECK(verified.out.find("All 2") != std::string::npos);
}

TEST_CASE("verify names a tampered record and fails") {
  notrain::test::TempDir home;
  const auto saved = save_two(home.path());
  {
    SQLite::Database db((home / "notrain/notrain.db").string(), SQLite::OPEN_READWRITE);
    db.exec("UPDATE confirmations SET account = 'someone else' WHERE id = " + saved[1]["id"].dump());
  }
  const auto verified = run_host_command(home.path(), {"verify"});
  CHECK(verified.status == 1);
  CHECK(verified.out.find("Confirmation " + saved[1]["id"].dump() + " was changed") != std::string::npos);
}

TEST_CASE("usage errors name the problem") {
  notrain::test::TempDir home;
  const auto unknown = run_host_command(home.path(), {"frobnicate"});
  CHECK(unknown.status == 2);
  CHECK(unknown.err.find("frobnicate") != std::string::npos);
  const auto bad_format = run_host_command(home.path(), {"export", "--format", "xml"});
  CHECK(bad_format.status == 2);
  CHECK(bad_format.err.find("json or csv") != std::string::npos);
  const auto version = run_host_command(home.path(), {"--version"});
  CHECK(version.status == 0);
  CHECK(version.out.starts_with("notrain-host "));
  CHECK(run_host_command(home.path(), {"--help"}).out.find("export") != std::string::npos);
}

TEST_CASE("receipt prints the chain's head; verify --receipt proves nothing before it changed, and fails once it did") {
  notrain::test::TempDir home;
  const auto saved = save_two(home.path());
  const auto receipt = run_host_command(home.path(), {"receipt"});
  REQUIRE(receipt.status == 0);
  CHECK(receipt.out.find("Chain position: 2") != std::string::npos);
  const auto receipt_file = home / "receipt.txt";
  { std::ofstream(receipt_file) << receipt.out; }

  const auto holds = run_host_command(home.path(), {"verify", "--receipt", receipt_file.string()});
  CHECK_MESSAGE(holds.status == 0, holds.out, holds.err);
  CHECK(holds.out.find("still holds its head") != std::string::npos);

  {
    SQLite::Database db((home / "notrain/notrain.db").string(), SQLite::OPEN_READWRITE);
    db.exec("DELETE FROM chain WHERE seq = 1");
  }
  const auto broken = run_host_command(home.path(), {"verify", "--receipt", receipt_file.string()});
  CHECK(broken.status == 1);
  CHECK(broken.out.find("no longer holds the receipt's head") != std::string::npos);
  const auto not_a_receipt = run_host_command(home.path(), {"verify", "--receipt", (home / "notrain").string()});
  CHECK(not_a_receipt.status == 2);
}

TEST_CASE("show warns when the record it prints no longer matches; verify names deleted and inserted records") {
  notrain::test::TempDir home;
  const auto saved = save_two(home.path());
  const std::string first = saved[0]["id"].dump();
  {
    SQLite::Database db((home / "notrain/notrain.db").string(), SQLite::OPEN_READWRITE);
    db.exec("UPDATE confirmations SET captured_at = '2020-01-01T00:00:00.000Z' WHERE id = " + first);
  }
  const auto shown = run_host_command(home.path(), {"show", first});
  CHECK(shown.status == 0);
  CHECK(shown.err.find("Warning: Confirmation " + first + " was changed after it was saved: captured_at differs.") !=
        std::string::npos);
  {
    SQLite::Database db((home / "notrain/notrain.db").string(), SQLite::OPEN_READWRITE);
    db.exec("DELETE FROM confirmations WHERE id = " + saved[1]["id"].dump());
  }
  const auto verified = run_host_command(home.path(), {"verify"});
  CHECK(verified.status == 1);
  CHECK(verified.out.find("Confirmation " + saved[1]["id"].dump() + " is missing") != std::string::npos);
  CHECK(verified.out.find("2 problems") != std::string::npos);
}

TEST_CASE(
    "export --output never writes through a planted link or file, refuses folders first, and leaves no stray file") {
  notrain::test::TempDir home;
  save_two(home.path());
  const auto victim = home / "victim.txt";
  { std::ofstream(victim) << "precious"; }

  SUBCASE("a symlink at the target is replaced, not followed") {
    const auto target = home / "export.json";
    std::filesystem::create_symlink(victim, target);
    const auto result = run_host_command(home.path(), {"export", "--format", "json", "--output", target.string()});
    CHECK_MESSAGE(result.status == 0, result.err);
    CHECK(read_file(victim) == "precious");
    CHECK_FALSE(std::filesystem::is_symlink(target));
    CHECK(json::parse(read_file(target)).size() == 2);
    struct stat info {};
    ::stat(target.c_str(), &info);
    CHECK((info.st_mode & 0777) == 0600);
  }
  SUBCASE("links planted at the old temporary names are never written through") {
    const auto target = home / "export.csv";
    std::filesystem::create_symlink(victim, home / "export.csv.partial");
    const auto result = run_host_command(home.path(), {"export", "--format", "csv", "--output", target.string()});
    CHECK(result.status == 0);
    CHECK(read_file(victim) == "precious");
  }
  SUBCASE("a folder, or a missing folder, is refused with a sentence and nothing is written") {
    const auto folder = home / "exports";
    std::filesystem::create_directory(folder);
    const auto to_folder = run_host_command(home.path(), {"export", "--format", "json", "--output", folder.string()});
    CHECK(to_folder.status == 1);
    CHECK(to_folder.err.find("it is a folder") != std::string::npos);
    CHECK(to_folder.err.find("filesystem error") == std::string::npos);
    CHECK(std::filesystem::is_empty(folder));
    const auto missing = run_host_command(
        home.path(), {"export", "--format", "json", "--output", (home / "nowhere/export.json").string()});
    CHECK(missing.status == 1);
    CHECK(missing.err.find("does not exist") != std::string::npos);
    CHECK(missing.err.find(".partial") == std::string::npos);
  }
  for (const auto& entry : std::filesystem::directory_iterator(home.path())) {
    CHECK_MESSAGE(entry.path().filename().string().find(".XXXXXX") == std::string::npos, entry.path().string());
    CHECK_MESSAGE(entry.path().filename().string().rfind(".export", 0) != 0, entry.path().string());
  }
}

TEST_CASE("an empty CSV export has its header row") {
  notrain::test::TempDir home;
  const auto csv = run_host_command(home.path(), {"export", "--format", "csv"});
  CHECK(csv.status == 0);
  CHECK(csv.out.starts_with("\xEF\xBB\xBFid,service,kind,captured_at"));
}

TEST_CASE("list and show never write a stored text's control characters to the terminal") {
  notrain::test::TempDir home;
  {
    notrain::test::HostProcess host(home.path());
    json hostile = notrain::test::sample_confirmation("Thanks\x1b]0;owned\x07\x1b[2J\nsecond line");
    const json saved = host.call(request(1, "confirmation.save", hostile));
    REQUIRE(saved.contains("result"));
    host.finish();
  }
  for (const std::vector<std::string>& command : {std::vector<std::string>{"list"}, {"show", "1"}}) {
    const auto result = run_host_command(home.path(), command);
    CHECK(result.status == 0);
    CHECK(result.out.find('\x1b') == std::string::npos);
    CHECK(result.out.find('\x07') == std::string::npos);
  }
  CHECK(run_host_command(home.path(), {"show", "1"}).out.find("Thanks\\x1b]0;owned\\x07\\x1b[2J\nsecond line") !=
        std::string::npos);
}

TEST_CASE("numbers that are not confirmation numbers are usage errors; version and help work as commands") {
  notrain::test::TempDir home;
  save_two(home.path());
  for (const char* word : {"-1", "0", "abc", "1e3", "99999999999999999999"}) {
    CAPTURE(word);
    const auto result = run_host_command(home.path(), {"show", word});
    CHECK(result.status == 2);
    CHECK(result.err.find("is not a confirmation number") != std::string::npos);
  }
  CHECK(run_host_command(home.path(), {"show", "12345"}).status == 1);  // a number, but none stored under it
  const auto service = run_host_command(home.path(), {"list", "--service", "myspace"});
  CHECK(service.status == 2);
  CHECK(service.err.find("\"myspace\" is not facebook, instagram") != std::string::npos);
  const auto stray = run_host_command(home.path(), {"receipt", "now"});
  CHECK(stray.status == 2);
  CHECK(stray.err.find("unexpected word \"now\"\nUsage: notrain-host receipt\n") != std::string::npos);
  const auto no_output = run_host_command(home.path(), {"pack", "1"});
  CHECK(no_output.status == 2);
  CHECK(no_output.err.find("--output is required") != std::string::npos);
  CHECK(run_host_command(home.path(), {"show", "1", "--json"}).status == 0);
  CHECK(run_host_command(home.path(), {"export", "--format=csv"}).status == 0);
  for (const char* command : {"version", "--version"})
    CHECK(run_host_command(home.path(), {command}).out.find("notrain-host") == 0);
  for (const char* command : {"help", "--help", "-h"}) {
    const auto help = run_host_command(home.path(), {command});
    CHECK(help.status == 0);
    CHECK(help.out.find("export [--format json|csv] [--output FILE]") != std::string::npos);
    CHECK(help.out.find("pack [ID] --output FILE.zip [--language en|fr|nl|de]") != std::string::npos);
    CHECK(help.out.find("Database: ") != std::string::npos);
    CHECK(help.out.find("JSON unless --format csv") != std::string::npos);
  }
}

TEST_CASE("typed alone in a terminal, notrain-host prints its help and succeeds") {
  if (!std::filesystem::exists("/usr/bin/script")) {
    MESSAGE("SKIPPED: /usr/bin/script (util-linux) gives the command a terminal; it is not installed");
    return;
  }
  notrain::test::TempDir home;
  // script(1) runs the command on a pseudo-terminal, as a person typing it would.
  const auto result =
      notrain::test::run_program("/usr/bin/script", {"-qec", NOTRAIN_HOST_BINARY, "/dev/null"}, home.path());
  CHECK(result.status == 0);
  CHECK(result.out.find("notrain-host list") != std::string::npos);
  CHECK(result.out.find("max_size") == std::string::npos);
}

TEST_CASE("pack writes an evidence pack that sha256sum -c checks, with a report in the user's language") {
  notrain::test::TempDir home;
  const auto saved = save_two(home.path());
  const auto all = home / "all.zip";
  const auto packed = run_host_command(home.path(), {"pack", "--output", all.string(), "--language", "fr"});
  REQUIRE_MESSAGE(packed.status == 0, packed.err);
  const auto unpack = home / "unpacked";
  const auto unzip = notrain::test::run_program("/usr/bin/python3",
                                                {"-m", "zipfile", "-e", all.string(), unpack.string()}, home.path());
  REQUIRE_MESSAGE(unzip.status == 0, unzip.err);
  const auto checked = notrain::test::run_program(
      "/bin/sh", {"-c", "cd '" + unpack.string() + "' && sha256sum -c SHA256SUMS"}, home.path());
  CHECK_MESSAGE(checked.status == 0, checked.out, checked.err);
  for (const auto& record : saved) {
    const std::string folder = "confirmation-" + record["id"].dump();
    CHECK(std::filesystem::exists(unpack / folder / "record.json"));
    CHECK(std::filesystem::exists(unpack / folder / "chain.json"));
    CHECK(json::parse(read_file(unpack / folder / "record.json"))["sha256"] == record["sha256"]);
    // The chain proof holds what its link covers: whoever checks the evidence recomputes the link as "link_is" says.
    const json proof = json::parse(read_file(unpack / folder / "chain.json"));
    const std::string lines = "notrain-chain-v1\n" + proof["prev"].get<std::string>() + "\n" +
                              proof["position"].dump() + "\n" + proof["event"].get<std::string>() + "\n" +
                              proof["record"].dump() + "\n" + proof["at"].get<std::string>() + "\n" +
                              proof["chain_digest"].get<std::string>() + "\n" + proof["fields"].get<std::string>();
    CHECK(notrain::sha256_hex(lines) == proof["link"]);
  }
  CHECK(std::filesystem::exists(unpack / ("confirmation-" + saved[1]["id"].dump()) / "screenshot.png"));
  CHECK(read_file(unpack / "report.html").find("Rapport de preuves NoTrain") != std::string::npos);
  struct stat info {};
  ::stat(all.c_str(), &info);
  CHECK((info.st_mode & 0777) == 0600);

  // A changed file no longer checks.
  { std::ofstream(unpack / ("confirmation-" + saved[0]["id"].dump()) / "text.txt", std::ios::app) << "changed"; }
  CHECK(notrain::test::run_program("/bin/sh", {"-c", "cd '" + unpack.string() + "' && sha256sum -c SHA256SUMS"},
                                   home.path())
            .status != 0);

  const auto one = home / "one.zip";
  CHECK(run_host_command(home.path(), {"pack", saved[0]["id"].dump(), "--output", one.string()}).status == 0);
  CHECK(run_host_command(home.path(), {"pack", "999", "--output", (home / "none.zip").string()}).status == 1);
  CHECK_FALSE(std::filesystem::exists(home / "none.zip"));
}
