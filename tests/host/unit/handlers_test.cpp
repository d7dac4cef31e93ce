#include <doctest/doctest.h>

#include <algorithm>
#include <fstream>
#include <sstream>

#include "base64.hpp"
#include "export.hpp"
#include "handlers.hpp"
#include "sha256.hpp"
#include "support/samples.hpp"
#include "support/temp_dir.hpp"

using nlohmann::json;
using notrain::test::request;
using notrain::test::sample_confirmation;

namespace {

// The dispatcher of protocol 1 over a real database file in a temporary folder.
struct Host {
  notrain::test::TempDir dir;
  notrain::HostContext context{notrain::LazyStore(dir / "notrain/notrain.db")};
  notrain::protocol::Dispatcher dispatcher = notrain::make_dispatcher(context);
  int next_id = 1;

  json call(const std::string& method, json params = json::object()) {
    const auto text = dispatcher.handle(request(next_id++, method, std::move(params)).dump());
    REQUIRE(text.has_value());
    return json::parse(*text);
  }
  json result(const std::string& method, json params = json::object()) {
    json answer = call(method, std::move(params));
    INFO(answer.dump());
    REQUIRE(answer.contains("result"));
    return answer["result"];
  }
};

int code(const json& answer) { return answer.at("error").at("code").get<int>(); }
std::string field(const json& answer) { return answer.at("error").at("data").at("field").get<std::string>(); }

}  // namespace

TEST_CASE("hello and ping answer without opening the database") {
  Host host;
  const json hello = host.result("hello");
  CHECK(hello["name"] == "notrain-host");
  CHECK(hello["protocol"] == 1);
  CHECK(hello["database"] == (host.dir / "notrain/notrain.db").string());
  std::ifstream version_file(std::filesystem::path(NOTRAIN_SOURCE_DIR) / "VERSION");
  std::string version;
  std::getline(version_file, version);
  CHECK(hello["version"] == version);  // the project's one version, as the extension's manifest carries it
  CHECK(host.result("ping") == json{{"pong", true}});
  CHECK_FALSE(std::filesystem::exists(host.dir / "notrain"));
  CHECK(code(host.call("ping", {{"unexpected", 1}})) == -32602);
}

TEST_CASE("profile.set validates every field and replaces the whole profile") {
  Host host;
  CHECK(host.result("profile.get") == json{{"profile", json::object()}});
  const json profile = {{"email", "marie@example.be"},
                        {"country", "BE"},
                        {"language", "fr-BE"},
                        {"name", "Marie"},
                        {"objection_text", "Je m'oppose."}};
  CHECK(host.result("profile.set", {{"profile", profile}})["profile"] == profile);
  CHECK(host.result("profile.get")["profile"] == profile);

  SUBCASE("each invalid field is named and nothing changes") {
    const std::vector<std::pair<std::string, json>> bad = {{"email", "not-an-address"},
                                                           {"country", "XX"},
                                                           {"language", "fr_BE"},
                                                           {"objection_text", std::string(5001, 'a')},
                                                           {"name", std::string(201, 'n')}};
    for (const auto& [name, value] : bad) {
      json attempt = profile;
      attempt[name] = value;
      const json answer = host.call("profile.set", {{"profile", attempt}});
      CHECK(code(answer) == 1001);
      CHECK(field(answer) == name);
    }
    CHECK(host.result("profile.get")["profile"] == profile);
  }
  SUBCASE("a smaller profile replaces the old one") {
    host.result("profile.set", {{"profile", {{"country", "NL"}, {"email", ""}}}});
    CHECK(host.result("profile.get")["profile"] == json{{"country", "NL"}});
  }
  SUBCASE("wrong shapes are invalid params") {
    CHECK(code(host.call("profile.set", {{"profile", "x"}})) == -32602);
    CHECK(code(host.call("profile.set", json::object())) == -32602);
    CHECK(field(host.call("profile.set", {{"profile", {{"email", 5}}}})) == "email");
    CHECK(field(host.call("profile.set", {{"profile", {{"phone", "1"}}}})) == "phone");
  }
}

TEST_CASE("confirmation.save stores, digests and finds duplicates") {
  Host host;
  json params = sample_confirmation();
  params["screenshot"] = notrain::test::png_data_url(notrain::test::tiny_png());
  const json saved = host.result("confirmation.save", params);
  CHECK(saved["duplicate"] == false);
  CHECK(saved["sha256"].get<std::string>().size() == 64);
  const json again = host.result("confirmation.save", params);
  CHECK(again["duplicate"] == true);
  CHECK(again["id"] == saved["id"]);
  CHECK(again["sha256"] == saved["sha256"]);

  const json record = host.result("confirmation.get", {{"id", saved["id"]}});
  CHECK(record["text"] == params["text"]);
  CHECK(record["captured_at"] == "2025-05-20T14:03:00.000Z");
  CHECK(record["account"] == "marie.dupont@example.be");
  CHECK(record["form"]["email"] == "marie@example.be");
  CHECK(record["has_screenshot"] == true);
  CHECK(record["screenshot_mime"] == "image/png");
  CHECK_FALSE(record.contains("screenshot"));
  CHECK(record["verdict"].is_null());
  CHECK(record["sent_at"].is_null());
}

TEST_CASE("confirmation.save keeps how a page answer was seen: Meta's verdict and when the form was sent") {
  Host host;
  json params = sample_confirmation();
  params["kind"] = "page";
  params["verdict"] = "unknown";
  params["sent_at"] = "2025-05-20T16:01:00+02:00";
  const json saved = host.result("confirmation.save", params);
  const json record = host.result("confirmation.get", {{"id", saved["id"]}});
  CHECK(record["verdict"] == "unknown");
  CHECK(record["sent_at"] == "2025-05-20T14:01:00.000Z");

  json inbox = sample_confirmation();
  inbox["kind"] = "inbox";
  inbox["sent_at"] = "2025-05-20T14:01:00Z";
  CHECK(field(host.call("confirmation.save", inbox)) == "sent_at");
}

TEST_CASE("confirmation.save refuses invalid fields by name") {
  Host host;
  const std::vector<std::pair<std::string, json>> bad = {
      {"service", "myspace"},
      {"kind", "fax"},
      {"url", "javascript:alert(1)"},
      {"text", ""},
      {"text", std::string(200001, 'x')},
      {"captured_at", "yesterday"},
      {"language", "français"},
      {"account", std::string(321, 'a')},
      {"account", "Marie Dupont"},
      {"account", "marie\x1b]0;owned\x07@example.be"},
      {"account", "user\nname"},
      {"screenshot", "data:image/gif;base64,R0lGOD=="},
      {"screenshot", "data:image/png;base64,not base64!"},
      {"screenshot", "data:image/png;base64," + notrain::base64::encode("GIF89a not a png")},
      {"form", json{{"x", std::string(70000, 'f')}}},
      {"verdict", "approved"},
      {"sent_at", "after lunch"},
  };
  // Not a structured binding: clang 14 cannot capture one in INFO's lambda.
  for (const auto& entry : bad) {
    const std::string& name = entry.first;
    json params = sample_confirmation();
    params[name] = entry.second;
    const json answer = host.call("confirmation.save", params);
    INFO(name, " ", answer.dump().substr(0, 200));
    CHECK(code(answer) == 1001);
    CHECK(field(answer) == name);
  }
  json missing = sample_confirmation();
  missing.erase("text");
  CHECK(code(host.call("confirmation.save", missing)) == -32602);
  json wrong_type = sample_confirmation();
  wrong_type["url"] = 12;
  CHECK(code(host.call("confirmation.save", wrong_type)) == -32602);
  CHECK(host.result("confirmation.list")["total"] == 0);
}

TEST_CASE("an e-mail confirmation may have no address; a page must have one") {
  Host host;
  json params = sample_confirmation();
  params["kind"] = "email";
  params["url"] = "";
  CHECK(host.call("confirmation.save", params).contains("result"));
  params["kind"] = "page";
  CHECK(field(host.call("confirmation.save", params)) == "url");
}

TEST_CASE("confirmation.list pages newest first and counts all matches") {
  Host host;
  for (int i = 0; i < 60; ++i) {
    json params = sample_confirmation("confirmation " + std::to_string(i));
    params["service"] = i % 2 ? "facebook" : "instagram";
    params["captured_at"] = "2025-05-20T10:" + std::string(i < 10 ? "0" : "") + std::to_string(i) + ":00Z";
    host.result("confirmation.save", params);
  }
  const json first = host.result("confirmation.list");
  CHECK(first["total"] == 60);
  CHECK(first["items"].size() == 50);
  CHECK(first["next_offset"] == 50);
  CHECK(first["items"][0]["captured_at"] == "2025-05-20T10:59:00.000Z");
  const json item = first["items"][0];
  for (const char* key : {"id", "service", "kind", "account", "captured_at", "url", "sha256", "has_screenshot"}) {
    CHECK_MESSAGE(item.contains(key), key);
  }
  const json rest = host.result("confirmation.list", {{"offset", 50}});
  CHECK(rest["items"].size() == 10);
  CHECK(rest["next_offset"].is_null());
  const json instagram = host.result("confirmation.list", {{"service", "instagram"}, {"limit", 5}});
  CHECK(instagram["total"] == 30);
  CHECK(instagram["items"].size() == 5);
  CHECK(code(host.call("confirmation.list", {{"limit", 501}})) == 1001);
  CHECK(code(host.call("confirmation.list", {{"limit", 0}})) == 1001);
  CHECK(code(host.call("confirmation.list", {{"offset", -1}})) == 1001);
  CHECK(code(host.call("confirmation.list", {{"limit", "10"}})) == -32602);
  CHECK(code(host.call("confirmation.list", {{"service", "myspace"}})) == 1001);
}

TEST_CASE("a list page stays under 1 MiB however long the addresses are") {
  Host host;
  for (int i = 0; i < 200; ++i) {
    json params = sample_confirmation("long " + std::to_string(i));
    params["url"] = "https://www.facebook.com/" + std::string(8000, 'u');
    host.result("confirmation.save", params);
  }
  std::size_t seen = 0;
  json offset = 0;
  while (!offset.is_null()) {
    const auto text =
        host.dispatcher.handle(request(1, "confirmation.list", {{"limit", 500}, {"offset", offset}}).dump());
    REQUIRE(text.has_value());
    CHECK(text->size() < 1024 * 1024);
    const json page = json::parse(*text)["result"];
    REQUIRE(!page["items"].empty());
    seen += page["items"].size();
    offset = page["next_offset"];
  }
  CHECK(seen == 200);
}

TEST_CASE("screenshots come back in chunks that fit a frame") {
  Host host;
  const std::string image = notrain::test::png_of_size(3 * 1024 * 1024 + 17);
  json params = sample_confirmation();
  params["screenshot"] = notrain::test::png_data_url(image);
  const auto id = host.result("confirmation.save", params)["id"];
  std::string reassembled;
  std::int64_t offset = 0;
  for (;;) {
    const auto text =
        host.dispatcher.handle(request(1, "confirmation.screenshot", {{"id", id}, {"offset", offset}}).dump());
    REQUIRE(text.has_value());
    CHECK(text->size() < 1024 * 1024);
    const json chunk = json::parse(*text)["result"];
    CHECK(chunk["mime"] == "image/png");
    CHECK(chunk["total"] == image.size());
    const auto bytes = notrain::base64::decode(chunk["data"].get<std::string>());
    REQUIRE(bytes.has_value());
    if (bytes->empty()) break;
    reassembled += *bytes;
    offset += static_cast<std::int64_t>(bytes->size());
  }
  CHECK(reassembled == image);
  CHECK(code(host.call("confirmation.screenshot", {{"id", id}, {"offset", image.size() + 1}})) == 1001);
  CHECK(code(host.call("confirmation.screenshot", {{"id", 999}})) == 1002);
}

TEST_CASE("get, screenshot and delete of unknown numbers are 'not found'") {
  Host host;
  const auto id = host.result("confirmation.save", sample_confirmation())["id"];
  CHECK(code(host.call("confirmation.screenshot", {{"id", id}})) == 1002);
  CHECK(code(host.call("confirmation.get", {{"id", 12345}})) == 1002);
  CHECK(host.result("confirmation.delete", {{"id", id}}) == json{{"deleted", true}});
  CHECK(code(host.call("confirmation.delete", {{"id", id}})) == 1002);
  CHECK(code(host.call("confirmation.get", {{"id", id}})) == 1002);
  CHECK(code(host.call("confirmation.get", {{"id", "1"}})) == -32602);
  CHECK(code(host.call("confirmation.get", {{"id", 0}})) == 1001);
}

TEST_CASE("evidence.receipt and evidence.verify: the chain's head to keep elsewhere, and the check as sentences") {
  Host host;
  CHECK(host.result("evidence.receipt", json::object())["receipt"].is_null());
  const json saved = host.result("confirmation.save", sample_confirmation());
  host.result("confirmation.save", sample_confirmation("A second answer."));
  const json receipt = host.result("evidence.receipt", json::object());
  CHECK(receipt["position"] == 2);
  CHECK(receipt["head"].get<std::string>().size() == 64);
  CHECK(receipt["receipt"].get<std::string>().find("Chain head: " + receipt["head"].get<std::string>()) !=
        std::string::npos);
  const json verified = host.result("evidence.verify", json::object());
  CHECK(verified["ok"] == true);
  CHECK(verified["records"] == 2);
  CHECK(code(host.call("evidence.verify", {{"x", 1}})) == -32602);
  host.result("confirmation.delete", {{"id", saved["id"]}});
  CHECK(host.result("evidence.receipt", json::object())["position"] == 3);  // the deletion is in the chain
}

TEST_CASE("confirmation.list goes on by a cursor: every record once, newest first, ties in capture time included") {
  Host host;
  for (int i = 0; i < 7; ++i) {
    json params = sample_confirmation("answer " + std::to_string(i));
    params["captured_at"] = i < 3 ? "2025-05-20T10:00:00Z" : "2025-05-2" + std::to_string(i) + "T10:00:00Z";
    host.result("confirmation.save", params);
  }
  std::vector<std::int64_t> seen;
  json params = {{"limit", 3}};
  for (int page = 0; page < 10; ++page) {
    const json answer = host.result("confirmation.list", params);
    for (const json& item : answer["items"]) seen.push_back(item["id"]);
    if (answer["next_cursor"].is_null()) break;
    params["cursor"] = answer["next_cursor"];
  }
  CHECK(seen == std::vector<std::int64_t>{7, 6, 5, 4, 3, 2, 1});
  CHECK(field(host.call("confirmation.list", {{"cursor", "not a cursor"}})) == "cursor");
  CHECK(field(host.call("confirmation.list", {{"cursor", "2025-05-20T10:00:00.000Z/1"}, {"offset", 2}})) == "offset");
}

namespace {

// Reads the prepared file through download.chunk, as the full page does.
std::string download_all(Host& host) {
  std::string bytes;
  for (int guard = 0; guard < 1000; ++guard) {
    const json chunk = host.result("download.chunk", {{"offset", bytes.size()}});
    CHECK(chunk["offset"] == bytes.size());
    bytes += *notrain::base64::decode(chunk["data"].get<std::string>());
    if (bytes.size() >= chunk["total"].get<std::size_t>()) break;
  }
  return bytes;
}

}  // namespace

TEST_CASE("confirmation.export prepares the command line's very file, read back in chunks under 1 MiB") {
  Host host;
  for (int i = 0; i < 4; ++i)
    host.result("confirmation.save", sample_confirmation("answer " + std::to_string(i) + std::string(190'000, 'x')));
  for (const std::string format : {"json", "csv"}) {
    CAPTURE(format);
    const json prepared = host.result("confirmation.export", {{"format", format}});
    CHECK(prepared["count"] == 4);
    CHECK(prepared["name"].get<std::string>().ends_with("." + format));
    const std::string bytes = download_all(host);
    CHECK(bytes.size() == prepared["size"].get<std::size_t>());
    CHECK(notrain::sha256_hex(bytes) == prepared["sha256"]);
    std::ostringstream expected;
    notrain::export_confirmations(host.context.store.get(),
                                  format == "csv" ? notrain::ExportFormat::Csv : notrain::ExportFormat::Json, expected);
    CHECK(bytes == expected.str());
    // Read to the end, the file is let go.
    CHECK(code(host.call("download.chunk", {{"offset", 0}})) == 1002);
  }
  CHECK(field(host.call("confirmation.export", {{"format", "xml"}})) == "format");
}

TEST_CASE("evidence.pack prepares the ZIP of one confirmation or of all; a new request replaces the one being read") {
  Host host;
  const json first = host.result("confirmation.save", sample_confirmation("first"));
  host.result("confirmation.save", sample_confirmation("second"));
  const json one = host.result("evidence.pack", {{"id", first["id"]}, {"language", "fr"}});
  CHECK(one["count"] == 1);
  CHECK(one["name"] == "notrain-evidence-" + std::to_string(first["id"].get<int>()) + ".zip");
  const json all = host.result("evidence.pack", json::object());
  CHECK(all["count"] == 2);
  const std::string zip = download_all(host);
  CHECK(zip.starts_with("PK\x03\x04"));
  CHECK(notrain::sha256_hex(zip) == all["sha256"]);
  CHECK(zip.find("confirmation-" + std::to_string(first["id"].get<int>()) + "/record.json") != std::string::npos);
  CHECK(code(host.call("evidence.pack", {{"id", 999}})) == 1002);
  CHECK(code(host.call("evidence.pack", {{"id", "one"}})) == -32602);
}

TEST_CASE("the prepared file has no name in the data folder while it is read") {
  Host host;
  host.result("confirmation.save", sample_confirmation());
  const auto names = [&] {
    std::vector<std::string> found;
    for (const auto& entry : std::filesystem::directory_iterator(host.dir / "notrain"))
      found.push_back(entry.path().filename());
    std::sort(found.begin(), found.end());
    return found;
  };
  const auto before = names();
  host.result("evidence.pack", json::object());
  CHECK(names() == before);
  CHECK(host.result("download.chunk", {{"offset", 0}})["data"].get<std::string>().size() > 0);
}
