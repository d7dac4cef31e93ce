#include <doctest/doctest.h>

#include "protocol.hpp"

using notrain::protocol::Dispatcher;
using Json = nlohmann::json;

namespace {

Dispatcher echo_dispatcher() {
  Dispatcher dispatcher;
  dispatcher.add("echo", [](const Json& params) { return params; });
  dispatcher.add("fail", [](const Json&) -> Json { throw std::runtime_error("boom"); });
  dispatcher.add("huge", [](const Json&) -> Json { return std::string(2 * 1024 * 1024, 'h'); });
  return dispatcher;
}

Json reply(const Dispatcher& dispatcher, const std::string& body) {
  const auto text = dispatcher.handle(body);
  REQUIRE(text.has_value());
  return Json::parse(*text);
}

int error_code(const Json& answer) { return answer.at("error").at("code").get<int>(); }

}  // namespace

TEST_CASE("a request gets a result with its id") {
  const auto answer = reply(echo_dispatcher(), R"({"jsonrpc":"2.0","id":7,"method":"echo","params":{"a":1}})");
  CHECK(answer["jsonrpc"] == "2.0");
  CHECK(answer["id"] == 7);
  CHECK(answer["result"] == Json{{"a", 1}});
}

TEST_CASE("string ids come back unchanged and params may be omitted") {
  const auto answer = reply(echo_dispatcher(), R"({"jsonrpc":"2.0","id":"abc","method":"echo"})");
  CHECK(answer["id"] == "abc");
  CHECK(answer["result"] == Json::object());
}

TEST_CASE("a notification gets no reply, even when it fails") {
  const auto dispatcher = echo_dispatcher();
  CHECK_FALSE(dispatcher.handle(R"({"jsonrpc":"2.0","method":"echo"})").has_value());
  CHECK_FALSE(dispatcher.handle(R"({"jsonrpc":"2.0","method":"nope"})").has_value());
}

TEST_CASE("malformed requests get the JSON-RPC error codes") {
  const auto dispatcher = echo_dispatcher();
  CHECK(error_code(reply(dispatcher, "{not json")) == -32700);
  CHECK(error_code(reply(dispatcher, "")) == -32700);
  CHECK(error_code(reply(dispatcher, "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"echo\",\"x\":\"\xC3\"}")) == -32700);
  CHECK(error_code(reply(dispatcher, R"({"jsonrpc":"2.0","id":1,"method":"ping","x":44674407370950E9551615})")) ==
        -32700);
  CHECK(error_code(reply(dispatcher, "[1,2]")) == -32600);
  CHECK(error_code(reply(dispatcher, "42")) == -32600);
  CHECK(error_code(reply(dispatcher, R"({"id":1,"method":"echo"})")) == -32600);
  CHECK(error_code(reply(dispatcher, R"({"jsonrpc":"1.0","id":1,"method":"echo"})")) == -32600);
  CHECK(error_code(reply(dispatcher, R"({"jsonrpc":"2.0","id":1,"method":5})")) == -32600);
  CHECK(error_code(reply(dispatcher, R"({"jsonrpc":"2.0","id":{"x":1},"method":"echo"})")) == -32600);
  CHECK(error_code(reply(dispatcher, R"({"jsonrpc":"2.0","id":1,"method":"nope"})")) == -32601);
  CHECK(error_code(reply(dispatcher, R"({"jsonrpc":"2.0","id":1,"method":"echo","params":[1]})")) == -32602);
  CHECK(error_code(reply(dispatcher, R"({"jsonrpc":"2.0","id":1,"method":"fail"})")) == -32603);
}

TEST_CASE("errors carry a message for people and the request id") {
  const auto answer = reply(echo_dispatcher(), R"({"jsonrpc":"2.0","id":3,"method":"nope"})");
  CHECK(answer["id"] == 3);
  CHECK(answer["error"]["message"].get<std::string>().find("nope") != std::string::npos);
  CHECK(answer["error"]["data"]["method"] == "nope");
}

TEST_CASE("nesting deeper than the limit is refused without recursion") {
  const std::string deep = std::string(100000, '[') + std::string(100000, ']');
  const auto answer =
      reply(echo_dispatcher(), R"({"jsonrpc":"2.0","id":1,"method":"echo","params":{"x":)" + deep + "}}");
  CHECK(error_code(answer) == -32600);
  CHECK(answer["error"]["data"]["max_depth"] == notrain::protocol::kMaxDepth);
  const std::string allowed = std::string(50, '[') + std::string(50, ']');
  CHECK(reply(echo_dispatcher(), R"({"jsonrpc":"2.0","id":1,"method":"echo","params":{"x":)" + allowed + "}}")
            .contains("result"));
}

TEST_CASE("a reply that would exceed 1 MiB becomes error 1005") {
  const auto text = echo_dispatcher().handle(R"({"jsonrpc":"2.0","id":9,"method":"huge"})");
  REQUIRE(text.has_value());
  CHECK(text->size() < 1024 * 1024);
  const auto answer = Json::parse(*text);
  CHECK(answer["id"] == 9);
  CHECK(error_code(answer) == 1005);
}

TEST_CASE("an object that is not a valid request is answered -32600 with a null id, never with silence") {
  const Dispatcher dispatcher = echo_dispatcher();
  for (const char* body : {R"({"asd":"sdf"})", "{}", R"({"a":[]})", "\xEF\xBB\xBF{}", R"({"id":null})",
                           R"({"jsonrpc":"2.0"})", R"({"jsonrpc":"1.0","method":"echo"})", R"({"method":"echo"})"}) {
    CAPTURE(body);
    const Json answer = reply(dispatcher, body);
    CHECK(error_code(answer) == -32600);
    CHECK(answer["id"].is_null());
  }
  // With a valid id, the error carries it.
  CHECK(reply(dispatcher, R"({"id":5,"method":"echo"})")["id"] == 5);
  // Only a valid request without id is a notification.
  CHECK_FALSE(dispatcher.handle(R"({"jsonrpc":"2.0","method":"echo"})").has_value());
  CHECK_FALSE(dispatcher.handle(R"({"jsonrpc":"2.0","method":"no-such-method"})").has_value());
}

TEST_CASE("bytes after the JSON value make the message invalid JSON, a NUL included") {
  const Dispatcher dispatcher = echo_dispatcher();
  for (const std::string& body :
       {std::string("123\0", 4), std::string("{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"echo\"}\0x", 41),
        std::string("{}\0", 3), std::string("{} x"), std::string("[1] [2]")}) {
    CAPTURE(body);
    const Json answer = reply(dispatcher, body);
    CHECK(error_code(answer) == -32700);
    CHECK(answer["id"].is_null());
  }
  CHECK(error_code(reply(dispatcher, " 123 \n")) == -32600);  // whitespace around the value is fine
}

TEST_CASE("parsing stays linear in the number of elements: 4 MiB of empty objects answers at once") {
  // With a depth callback nlohmann scanned the parent array again after each element: this message would have
  // run for hours (and failed CTest's timeout). Built with the depth check inside a SAX parser, it is one pass.
  std::string body = "[";
  while (body.size() < 4 * 1024 * 1024) body += "{},";
  body += "{}]";
  const Json answer = reply(echo_dispatcher(), body);
  CHECK(error_code(answer) == -32600);  // an array is not a request (batches are not supported)
  std::string objects = R"({"jsonrpc":"2.0","id":1,"method":"echo","params":{"many":[)";
  for (int i = 0; i < 99'990; ++i) objects += "{},";
  objects += "{}]}}";
  CHECK(reply(echo_dispatcher(), objects)["result"]["many"].size() == 99'991);
}

TEST_CASE("a message of more than 100,000 values is refused while parsing, naming the limit") {
  std::string objects = R"({"jsonrpc":"2.0","id":1,"method":"echo","params":{"many":[)";
  for (int i = 0; i < 200'000; ++i) objects += "{},";
  objects += "{}]}}";
  const Json answer = reply(echo_dispatcher(), objects);
  CHECK(error_code(answer) == -32600);
  CHECK(answer["error"]["data"]["max_values"] == notrain::protocol::kMaxValues);
  CHECK(answer["id"].is_null());
}
