// A catalogue of bad input: each is answered by a clear error or a clean exit, and every confirmation
// saved before is still there in an intact database.
#include <doctest/doctest.h>

#include "support/database_check.hpp"
#include "support/host_process.hpp"
#include "support/samples.hpp"
#include "support/temp_dir.hpp"

using nlohmann::json;
using notrain::test::HostProcess;
using notrain::test::request;

namespace {

std::string header(std::uint32_t length) {
  std::string bytes(4, '\0');
  std::memcpy(bytes.data(), &length, 4);
  return bytes;
}

std::string frame(const std::string& body) { return notrain::framing::encode_frame(body); }

struct Case {
  const char* name;
  std::string bytes;
  std::optional<int> error_code;  // the error answered, if any
  bool host_goes_on;              // does a following ping still get an answer?
};

std::vector<Case> catalogue() {
  const std::string deep = std::string(100000, '[') + std::string(100000, ']');
  json huge_text = notrain::test::sample_confirmation(std::string(10 * 1024 * 1024, 'x'));
  // 60 MiB of empty objects: with a parse quadratic in the number of elements this ran for hours; it is refused
  // at the 100,001st value.
  std::string empty_objects = "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"ping\",\"params\":{\"x\":[{}";
  while (empty_objects.size() < 60U * 1024 * 1024) empty_objects += ",{}";
  empty_objects += "]}}";
  return {
      {"truncated header", std::string("\x10\x00", 2), std::nullopt, false},
      {"truncated body", header(100) + "{\"jsonrpc\"", std::nullopt, false},
      {"length 0", header(0), -32700, true},
      {"length 0xFFFFFFFF", header(0xFFFFFFFFU) + "{}", 1005, false},
      {"length just above 64 MiB", header(64U * 1024 * 1024 + 1), 1005, false},
      {"invalid JSON", frame("{\"jsonrpc\": \"2.0\", \"id\": 1, "), -32700, true},
      {"invalid UTF-8", frame("{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"ping\",\"x\":\"\xFF\xFE\"}"), -32700, true},
      {"100,000-deep nesting", frame("{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"ping\",\"params\":" + deep + "}"),
       -32600, true},
      {"non-object JSON", frame("[1, 2, 3]"), -32600, true},
      {"a bare string", frame("\"ping\""), -32600, true},
      {"unknown method", frame(request(1, "confirmation.destroy_everything").dump()), -32601, true},
      {"wrong param types", frame(request(1, "confirmation.get", {{"id", "one"}}).dump()), -32602, true},
      {"params not an object", frame(R"({"jsonrpc":"2.0","id":1,"method":"ping","params":[1]})"), -32602, true},
      {"60 MiB of empty objects", frame(empty_objects), -32600, true},
      {"a 10 MB string", frame(request(1, "confirmation.save", huge_text).dump()), 1001, true},
  };
}

}  // namespace

TEST_CASE("bad input gets a clear error or a clean exit, and loses nothing") {
  notrain::test::TempDir home;
  const auto database = home / "notrain/notrain.db";
  std::set<std::int64_t> saved_ids;
  {
    HostProcess host(home.path());
    for (int i = 0; i < 3; ++i) {
      const json saved =
          host.call(request(i, "confirmation.save", notrain::test::sample_confirmation("kept " + std::to_string(i))));
      saved_ids.insert(saved["result"]["id"].get<std::int64_t>());
    }
    REQUIRE(host.finish() == 0);
  }
  for (const Case& bad : catalogue()) {
    CAPTURE(bad.name);
    HostProcess host(home.path());
    host.send_raw(bad.bytes);
    if (bad.error_code) {
      const auto answer = host.receive();
      REQUIRE(answer.has_value());
      CHECK((*answer)["error"]["code"] == *bad.error_code);
      CHECK_FALSE((*answer)["error"]["message"].get<std::string>().empty());
    }
    if (bad.host_goes_on) {
      CHECK(host.call(request(99, "ping"))["result"]["pong"] == true);
      CHECK(host.finish() == 0);
    } else {
      host.close_input();
      CHECK_FALSE(host.receive().has_value());  // nothing but the one error frame
      CHECK(host.finish() != 0);
    }
    CHECK(notrain::test::integrity(database) == "ok");
    CHECK(notrain::test::stored_ids(database) == saved_ids);
  }
}
