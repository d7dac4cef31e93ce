// A full disk and a read-only home are real, on a real (small) file system: the host answers 1003 with
// a message a person can act on, keeps every saved record intact, and works again once the cause is gone.
#include <doctest/doctest.h>
#include <iostream>
#include <set>

#include "faults/scratch_filesystem.hpp"
#include "support/command.hpp"
#include "support/database_check.hpp"
#include "support/host_process.hpp"
#include "support/samples.hpp"
#include "support/temp_dir.hpp"

using nlohmann::json;
using notrain::test::HostProcess;
using notrain::test::request;

namespace {

constexpr std::size_t kSmall = 512 * 1024;
constexpr std::size_t kRoomy = 16 * 1024 * 1024;

json save_with_screenshot(int index) {
  json params = notrain::test::sample_confirmation("confirmation number " + std::to_string(index));
  params["screenshot"] = notrain::test::png_data_url(notrain::test::png_of_size(40 * 1024));
  return params;
}

}  // namespace

TEST_CASE("a full disk gives error 1003, loses nothing and recovers once space is back") {
  notrain::test::TempDir scratch;
  notrain::test::ScratchFilesystem disk(scratch / "home", kSmall);
  if (!disk.available()) {
    std::cout << "SKIPPED: " << disk.why_unavailable() << '\n';
    return;
  }
  const auto database = disk.path() / "notrain/notrain.db";
  std::set<std::int64_t> acknowledged;
  HostProcess host(disk.path());
  json refusal;
  for (int i = 0; i < 100 && refusal.is_null(); ++i) {
    const json answer = host.call(request(i, "confirmation.save", save_with_screenshot(i)));
    if (answer.contains("result")) acknowledged.insert(answer["result"]["id"].get<std::int64_t>());
    else refusal = answer["error"];
  }
  REQUIRE_MESSAGE(!refusal.is_null(), "512 KiB never filled up");
  CHECK(refusal["code"] == 1003);
  CHECK_MESSAGE(refusal["message"].get<std::string>().find("disk is full") != std::string::npos, refusal.dump());
  CHECK(!acknowledged.empty());

  // The same session still reads what it saved, and refuses politely rather than dying.
  CHECK(host.call(request(200, "confirmation.list", {{"limit", 500}}))["result"]["total"] == acknowledged.size());
  CHECK(host.call(request(201, "ping"))["result"]["pong"] == true);

  REQUIRE(disk.resize(kRoomy));
  const json after = host.call(request(202, "confirmation.save", save_with_screenshot(1000)));
  REQUIRE_MESSAGE(after.contains("result"), after.dump());
  acknowledged.insert(after["result"]["id"].get<std::int64_t>());
  CHECK(host.finish() == 0);

  CHECK(notrain::test::stored_ids(database) == acknowledged);
  CHECK(notrain::test::integrity(database) == "ok");
  const auto verified = notrain::test::run_host_command(disk.path(), {"verify"});
  CHECK_MESSAGE(verified.status == 0, verified.out, verified.err);
}

TEST_CASE("a read-only database gives error 1003 with a clear message and is left intact") {
  notrain::test::TempDir scratch;
  notrain::test::ScratchFilesystem disk(scratch / "home", kRoomy);
  if (!disk.available()) {
    std::cout << "SKIPPED: " << disk.why_unavailable() << '\n';
    return;
  }
  const auto database = disk.path() / "notrain/notrain.db";
  std::set<std::int64_t> saved;
  {
    HostProcess host(disk.path());
    for (int i = 0; i < 3; ++i) {
      saved.insert(
          host.call(request(i, "confirmation.save", save_with_screenshot(i)))["result"]["id"].get<std::int64_t>());
    }
    REQUIRE(host.call(request(9, "profile.set", {{"profile", {{"country", "BE"}}}})).contains("result"));
    CHECK(host.finish() == 0);
  }
  // Root ignores file permissions: only a read-only mount makes the file truly unwritable.
  REQUIRE(disk.make_read_only(kRoomy));
  {
    HostProcess host(disk.path());
    const json save = host.call(request(1, "confirmation.save", save_with_screenshot(50)));
    REQUIRE_MESSAGE(save.contains("error"), save.dump());
    CHECK(save["error"]["code"] == 1003);
    const std::string message = save["error"]["message"].get<std::string>();
    CHECK_MESSAGE(message.find("cannot be written") != std::string::npos, message);
    const json profile = host.call(request(2, "profile.set", {{"profile", {{"country", "NL"}}}}));
    CHECK(profile["error"]["code"] == 1003);
    CHECK(host.call(request(3, "ping"))["result"]["pong"] == true);
    host.finish();
  }
  REQUIRE(disk.make_writable(kRoomy));
  CHECK(notrain::test::stored_ids(database) == saved);
  CHECK(notrain::test::integrity(database) == "ok");
  HostProcess host(disk.path());
  CHECK(host.call(request(1, "profile.get"))["result"]["profile"]["country"] == "BE");
  CHECK(host.call(request(2, "confirmation.save", save_with_screenshot(60))).contains("result"));
  CHECK(host.finish() == 0);
}
