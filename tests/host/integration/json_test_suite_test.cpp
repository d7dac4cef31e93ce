// JSONTestSuite's 318 parsing cases (tests/fixtures/json-test-suite), each sent as the body of one frame to the
// real host process, as a browser would: valid JSON is never a parse error, invalid JSON is a parse error (or the
// depth refusal), and every case gets a well-formed reply; the host never crashes and exits cleanly at the end.
#include <doctest/doctest.h>
#include <fstream>

#include "framing.hpp"
#include "protocol.hpp"
#include "support/host_process.hpp"
#include "support/temp_dir.hpp"

using nlohmann::json;

namespace {

json suite() {
  std::ifstream in(std::string(NOTRAIN_SOURCE_DIR) + "/tests/fixtures/json-test-suite/test_parsing.json");
  return json::parse(in);
}

int code_of(const json& reply) { return reply.contains("error") ? reply["error"]["code"].get<int>() : 0; }

}  // namespace

TEST_CASE("the JSONTestSuite parsing cases get the answers JSON-RPC 2.0 asks for, through the real host") {
  const json cases = suite()["cases"];
  REQUIRE(cases.size() == 318);
  notrain::test::TempDir home;
  notrain::test::HostProcess host(home.path());
  int accepted = 0;
  int refused = 0;
  for (const json& each : cases) {
    const std::string name = each["name"];
    const std::string input = each["input"];
    CAPTURE(name);
    host.send_raw(notrain::framing::encode_frame(input));
    const auto body = host.receive_raw();
    REQUIRE_MESSAGE(body.has_value(), "no reply: the host stopped");
    const json reply = json::parse(*body);  // throws, failing the test, if the reply is not JSON
    CHECK(reply["jsonrpc"] == "2.0");
    CHECK(reply.contains("id"));
    const int code = code_of(reply);
    // The npm copy lost the bytes of files that were not UTF-8 (README there): only a well-formed reply is asked.
    const bool bytes_lost = input.find("\xEF\xBF\xBD") != std::string::npos;
    if (name.starts_with("y_")) {
      CHECK(code != -32700);
      ++accepted;
    } else if (name.starts_with("n_") && !bytes_lost) {
      const bool depth_refusal =
          code == -32600 && reply["error"].contains("data") && reply["error"]["data"].contains("max_depth");
      CHECK_MESSAGE((code == -32700 || depth_refusal), reply.dump());
      ++refused;
    }
  }
  CHECK(accepted == 95);
  CHECK(refused > 150);
  CHECK(host.finish() == 0);
}
