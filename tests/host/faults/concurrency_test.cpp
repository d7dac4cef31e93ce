// Every open port (popup, full page, content scripts, one-off messages) is its own host process: sixteen
// of them reading and writing the same file at once must neither fail nor lose nor duplicate anything.
#include <doctest/doctest.h>
#include <map>
#include <mutex>
#include <set>
#include <thread>

#include "support/database_check.hpp"
#include "support/host_process.hpp"
#include "support/samples.hpp"
#include "support/temp_dir.hpp"

using nlohmann::json;
using notrain::test::HostProcess;
using notrain::test::request;

TEST_CASE("sixteen hosts saving, reading and deleting at once lose and duplicate nothing") {
  notrain::test::TempDir home;
  const auto database = home / "notrain/notrain.db";
  constexpr int kHosts = 16;
  constexpr int kSavesEach = 15;
  std::mutex lock;
  std::set<std::int64_t> kept;
  std::set<std::int64_t> deleted;
  std::set<std::int64_t> shared_ids;  // ids answered for the content every host saves
  std::vector<std::string> failures;
  std::vector<std::thread> workers;
  workers.reserve(kHosts);
  for (int h = 0; h < kHosts; ++h) {
    workers.emplace_back([&, h] {
      HostProcess host(home.path(),
                       h % 2 == 0 ? notrain::test::chromium_arguments() : notrain::test::firefox_arguments());
      const auto call = [&](int id, const std::string& method, json params) {
        json answer = host.call(request(id, method, std::move(params)));
        if (!answer.contains("result")) {
          std::lock_guard guard(lock);
          failures.push_back(method + ": " + answer.dump());
        }
        return answer.value("result", json());
      };
      for (int i = 0; i < kSavesEach; ++i) {
        const json saved =
            call(i, "confirmation.save",
                 notrain::test::sample_confirmation("host " + std::to_string(h) + " #" + std::to_string(i)));
        if (saved.is_null()) continue;
        const auto id = saved["id"].get<std::int64_t>();
        // Every third save is read back and every fifth deleted again, while the others write.
        if (i % 3 == 0) {
          const json record = call(100 + i, "confirmation.get", {{"id", id}});
          if (!record.is_null()) CHECK(record["sha256"] == saved["sha256"]);
        }
        std::lock_guard guard(lock);
        if (i % 5 == 4) deleted.insert(id);
        else kept.insert(id);
      }
      for (const std::int64_t id : std::set<std::int64_t>(deleted)) {
        // Another host may already have deleted it: 1002 is the honest answer then, nothing else is.
        const json answer = host.call(request(300, "confirmation.delete", {{"id", id}}));
        if (answer.contains("error") && answer["error"]["code"] != 1002) {
          std::lock_guard guard(lock);
          failures.push_back("delete: " + answer.dump());
        }
      }
      const json shared = call(400, "confirmation.save", notrain::test::sample_confirmation("the same text from all"));
      call(401, "profile.set", {{"profile", {{"country", "BE"}, {"name", "host " + std::to_string(h)}}}});
      call(402, "confirmation.list", {{"limit", 500}});
      if (!shared.is_null()) {
        std::lock_guard guard(lock);
        shared_ids.insert(shared["id"].get<std::int64_t>());
      }
      CHECK(host.finish() == 0);
    });
  }
  for (auto& worker : workers) worker.join();
  for (const auto& failure : failures) FAIL_CHECK(failure);
  CHECK(shared_ids.size() == 1);
  std::set<std::int64_t> expected = kept;
  expected.insert(shared_ids.begin(), shared_ids.end());
  CHECK(notrain::test::stored_ids(database) == expected);
  CHECK(expected.size() == kHosts * kSavesEach - deleted.size() + 1);
  CHECK(notrain::test::integrity(database) == "ok");
}
