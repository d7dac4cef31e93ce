// Browsers start several hosts at once and kill them when a port closes: no acknowledged save may be lost.
#include <doctest/doctest.h>
#include <thread>

#include "support/database_check.hpp"
#include "support/host_process.hpp"
#include "support/samples.hpp"
#include "support/temp_dir.hpp"

using nlohmann::json;
using notrain::test::HostProcess;
using notrain::test::request;

TEST_CASE("eight hosts saving at once lose nothing") {
  notrain::test::TempDir home;
  constexpr int kHosts = 8;
  constexpr int kSavesEach = 25;
  std::vector<std::set<std::int64_t>> acknowledged(kHosts);
  std::vector<std::vector<std::string>> refusals(kHosts);  // what a host answered instead of a save
  std::vector<std::thread> workers;
  workers.reserve(kHosts);
  for (int h = 0; h < kHosts; ++h) {
    workers.emplace_back([&, h] {
      HostProcess host(home.path());
      for (int i = 0; i < kSavesEach; ++i) {
        json params = notrain::test::sample_confirmation("host " + std::to_string(h) + " save " + std::to_string(i));
        const json answer = host.call(request(i, "confirmation.save", params));
        if (answer.contains("result")) acknowledged[h].insert(answer["result"]["id"].get<std::int64_t>());
        else refusals[h].push_back(answer.dump());
      }
      host.finish();
    });
  }
  for (auto& worker : workers) worker.join();
  std::set<std::int64_t> all;
  for (int h = 0; h < kHosts; ++h) {
    const auto& ids = acknowledged[h];
    CHECK_MESSAGE(ids.size() == kSavesEach, "host ", h, " answered: ", refusals[h].empty() ? "" : refusals[h][0]);
    all.insert(ids.begin(), ids.end());
  }
  CHECK(all.size() == kHosts * kSavesEach);
  const auto database = home / "notrain/notrain.db";
  CHECK(notrain::test::stored_ids(database) == all);
  CHECK(notrain::test::integrity(database) == "ok");
}

TEST_CASE("a host killed with SIGKILL mid-stream loses no acknowledged save") {
  notrain::test::TempDir home;
  const auto database = home / "notrain/notrain.db";
  std::set<std::int64_t> acknowledged;
  for (int round = 0; round < 5; ++round) {
    HostProcess host(home.path());
    // Pipeline a burst of saves, read some of the answers, then kill the host while it works.
    for (int i = 0; i < 40; ++i) {
      host.send(
          request(i, "confirmation.save",
                  notrain::test::sample_confirmation("round " + std::to_string(round) + " #" + std::to_string(i))));
    }
    for (int i = 0; i < 10 + round * 5; ++i) {
      const auto answer = host.receive();
      REQUIRE(answer.has_value());
      acknowledged.insert((*answer)["result"]["id"].get<std::int64_t>());
    }
    ::kill(host.id(), SIGKILL);
    host.finish();
  }
  const auto stored = notrain::test::stored_ids(database);
  for (const auto id : acknowledged) CHECK_MESSAGE(stored.count(id) == 1, "acknowledged id ", id, " is missing");
  CHECK(notrain::test::integrity(database) == "ok");
}
