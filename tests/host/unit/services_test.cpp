// The host's services are the extension's: one list, generated from extension/rules at build time, so that a new
// platform's rule file is all it takes. Kind "setting" keeps what was seen (label, before, after) under the digest.
#include <doctest/doctest.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <functional>
#include <set>

#include "evidence.hpp"
#include "handlers.hpp"
#include "support/samples.hpp"
#include "support/temp_dir.hpp"

using nlohmann::json;

namespace {

json read_json(const std::filesystem::path& file) {
  std::ifstream in(file);
  REQUIRE(in);
  return json::parse(in);
}

// What the rule files name: services.json's keys and each platform's "name" (settings and e-mails).
std::set<std::string> services_in_rules() {
  const std::filesystem::path rules = std::filesystem::path(NOTRAIN_SOURCE_DIR) / "extension" / "rules";
  std::set<std::string> names;
  const json services = read_json(rules / "services.json").at("services");
  for (auto service = services.begin(); service != services.end(); ++service) names.insert(service.key());
  for (const char* folder : {"platforms", "emails"}) {
    for (const auto& entry : std::filesystem::directory_iterator(rules / folder)) {
      if (entry.path().extension() == ".json") names.insert(read_json(entry.path()).at("name").get<std::string>());
    }
  }
  return names;
}

struct Host {
  notrain::test::TempDir dir;
  notrain::HostContext context{notrain::LazyStore(dir / "notrain/notrain.db")};
  notrain::protocol::Dispatcher dispatcher = notrain::make_dispatcher(context);
  int next_id = 1;

  json call(const std::string& method, json params) {
    const auto text = dispatcher.handle(notrain::test::request(next_id++, method, std::move(params)).dump());
    REQUIRE(text.has_value());
    return json::parse(*text);
  }
};

}  // namespace

TEST_CASE("the host's services are exactly those of the extension's rule files") {
  const std::set<std::string> generated(std::begin(notrain::kServices), std::end(notrain::kServices));
  const std::set<std::string> in_rules = services_in_rules();
  INFO("rules: ", json(in_rules).dump(), " host: ", json(generated).dump());
  CHECK(generated == in_rules);
  CHECK(generated.contains("facebook"));
  CHECK(generated.contains("linkedin"));
  for (const std::string_view name : notrain::kServices) {
    CHECK(notrain::kServicesInWords.find(name) != std::string_view::npos);
  }
}

TEST_CASE("an unknown service is refused with the list of services in words") {
  Host host;
  json params = notrain::test::sample_confirmation();
  params["service"] = "myspace";
  const json answer = host.call("confirmation.save", params);
  REQUIRE(answer.contains("error"));
  const std::string message = answer["error"]["message"].get<std::string>();
  CHECK(message.find(std::string(notrain::kServicesInWords)) != std::string::npos);
  CHECK(message.find("linkedin") != std::string::npos);
}

TEST_CASE("a setting is saved with its label and states, and refused without them") {
  Host host;
  const json saved = host.call("confirmation.save", notrain::test::sample_setting());
  INFO(saved.dump());
  REQUIRE(saved.contains("result"));
  const json record = host.call("confirmation.get", {{"id", saved["result"]["id"]}})["result"];
  CHECK(record["kind"] == "setting");
  CHECK(record["service"] == "linkedin");
  CHECK(record["form"]["before"] == "on");
  CHECK(record["form"]["after"] == "off");
  CHECK(record["form"]["held"] == true);

  // A change that did not hold is evidence too, said as it is.
  CHECK(host.call("confirmation.save", notrain::test::sample_setting("on")).contains("result"));

  const std::vector<std::function<void(json&)>> broken = {
      [](json& form) { form.erase("before"); },      [](json& form) { form["before"] = "maybe"; },
      [](json& form) { form["after"] = "unknown"; }, [](json& form) { form["label"] = ""; },
      [](json& form) { form["held"] = "no"; },       [](json& form) { form["extra"] = "x"; },
  };
  for (std::size_t i = 0; i < broken.size(); ++i) {
    CAPTURE(i);
    json params = notrain::test::sample_setting();
    broken[i](params["form"]);
    const json answer = host.call("confirmation.save", params);
    REQUIRE(answer.contains("error"));
    CHECK(answer["error"]["code"] == 1001);
    CHECK(answer["error"]["data"]["field"] == "form");
  }
  json without_form = notrain::test::sample_setting();
  without_form.erase("form");
  CHECK(host.call("confirmation.save", without_form)["error"]["data"]["field"] == "form");
  // The form's keys are a setting's only: a Meta form keeps its own values.
  json page = notrain::test::sample_confirmation();
  CHECK(host.call("confirmation.save", page).contains("result"));
}
