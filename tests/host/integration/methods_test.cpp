// Every method of protocol 1, spoken in real frames to the built binary started as browsers start it.
#include <doctest/doctest.h>

#include "support/host_process.hpp"
#include "support/samples.hpp"
#include "support/temp_dir.hpp"

using nlohmann::json;
using notrain::test::HostProcess;
using notrain::test::request;
using notrain::test::TempDir;

TEST_CASE("Chromium-style start: every method answers, then end of input ends the host") {
  TempDir home;
  HostProcess host(home.path());
  const json hello = host.call(request(1, "hello"));
  CHECK(hello["id"] == 1);
  CHECK(hello["result"]["name"] == "notrain-host");
  CHECK(hello["result"]["protocol"] == 1);
  CHECK(hello["result"]["database"] == (home / "notrain/notrain.db").string());
  CHECK(host.call(request(2, "ping"))["result"]["pong"] == true);

  const json profile = {{"email", "jan@example.be"}, {"country", "BE"}, {"language", "nl-BE"}};
  CHECK(host.call(request(3, "profile.set", {{"profile", profile}}))["result"]["profile"] == profile);
  CHECK(host.call(request(4, "profile.get"))["result"]["profile"] == profile);

  json confirmation = notrain::test::sample_confirmation();
  const std::string image = notrain::test::png_of_size(2 * 1024 * 1024);
  confirmation["screenshot"] = notrain::test::png_data_url(image);
  const json saved = host.call(request(5, "confirmation.save", confirmation))["result"];
  CHECK(saved["duplicate"] == false);
  const json listed = host.call(request(6, "confirmation.list"))["result"];
  CHECK(listed["total"] == 1);
  CHECK(listed["items"][0]["id"] == saved["id"]);
  CHECK(listed["items"][0]["has_screenshot"] == true);
  const json record = host.call(request(7, "confirmation.get", {{"id", saved["id"]}}))["result"];
  CHECK(record["sha256"] == saved["sha256"]);
  const json chunk = host.call(request(8, "confirmation.screenshot", {{"id", saved["id"]}}))["result"];
  CHECK(chunk["total"] == image.size());
  CHECK(notrain::base64::decode(chunk["data"].get<std::string>())->size() == 512 * 1024);
  CHECK(host.call(request(9, "confirmation.delete", {{"id", saved["id"]}}))["result"]["deleted"] == true);
  CHECK(host.call(request(10, "confirmation.list"))["result"]["total"] == 0);
  CHECK(host.finish() == 0);
}

TEST_CASE("Firefox-style and portal-style starts are served") {
  TempDir home;
  {
    HostProcess firefox(home.path(), notrain::test::firefox_arguments());
    CHECK(firefox.call(request(1, "hello"))["result"]["name"] == "notrain-host");
    CHECK(firefox.finish() == 0);
  }
  {
    HostProcess portal(home.path(), {});
    CHECK(portal.call(request(1, "ping"))["result"]["pong"] == true);
    CHECK(portal.finish() == 0);
  }
}

TEST_CASE("ping and hello do not create the database") {
  TempDir home;
  HostProcess host(home.path());
  host.call(request(1, "hello"));
  host.call(request(2, "ping"));
  CHECK(host.finish() == 0);
  CHECK_FALSE(std::filesystem::exists(home / "notrain"));
}

TEST_CASE("a notification gets no reply; the next request still does") {
  TempDir home;
  HostProcess host(home.path());
  host.send({{"jsonrpc", "2.0"}, {"method", "ping"}});
  const json answer = host.call(request(5, "ping"));
  CHECK(answer["id"] == 5);
  CHECK(host.finish() == 0);
}

TEST_CASE("pipelined requests are all answered in order") {
  TempDir home;
  HostProcess host(home.path());
  for (int i = 0; i < 200; ++i) host.send(request(i, "ping"));
  for (int i = 0; i < 200; ++i) CHECK(host.receive()->at("id") == i);
  CHECK(host.finish() == 0);
}

TEST_CASE("other extensions are refused with 1004 and a non-zero exit") {
  TempDir home;
  SUBCASE("Chromium") {
    HostProcess host(home.path(), {"chrome-extension://abcdefghijklmnopabcdefghijklmnop/"});
    const auto answer = host.receive();
    REQUIRE(answer.has_value());
    CHECK((*answer)["error"]["code"] == 1004);
    CHECK(host.finish() != 0);
  }
  SUBCASE("Firefox") {
    HostProcess host(home.path(), {"/x/org.notrain.host.json", "other@example.org"});
    const auto answer = host.receive();
    REQUIRE(answer.has_value());
    CHECK((*answer)["error"]["code"] == 1004);
    CHECK(host.finish() != 0);
  }
  CHECK_FALSE(std::filesystem::exists(home / "notrain"));
}
