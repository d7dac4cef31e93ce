// Enterprise policies that make a correct manifest invisible: doctor must say so, with the file.
#include <doctest/doctest.h>

#include "installer/browsers.hpp"
#include "installer/diagnosis.hpp"
#include "installer/policies.hpp"
#include "notrain/identity.hpp"
#include "temp_home.hpp"

namespace {

using namespace notrain::installer;
using namespace notrain::installer::testing;

Target chrome_target(Scope scope) {
  Target target;
  target.browser = find_browser("google-chrome");
  target.scope = scope;
  return target;
}

}  // namespace

TEST_CASE("no policy folder: no policy row") {
  TempHome home;
  const PolicyVerdict verdict = read_policies(home / "policies");
  CHECK_FALSE(verdict.any_policy);
  CHECK_FALSE(policy_check(verdict, chrome_target(Scope::User)).has_value());
}

TEST_CASE("a blocklist naming every host, or ours, makes doctor fail and name the file") {
  TempHome home;
  std::string blocked;
  SUBCASE("wildcard") { blocked = R"({"NativeMessagingBlocklist": ["*"]})"; }
  SUBCASE("our host, by the pre-86 policy name") {
    blocked = R"({"NativeMessagingBlacklist": [")" + std::string(notrain::identity::kHostName) + "\"]}";
  }
  write_text(home / "policies/managed/10-lockdown.json", blocked);
  write_text(home / "policies/managed/20-unrelated.json", R"({"HomepageLocation": "https://example.org"})");
  const PolicyVerdict verdict = read_policies(home / "policies");
  CHECK(verdict.blocked);
  const auto row = policy_check(verdict, chrome_target(Scope::User));
  REQUIRE(row.has_value());
  CHECK(row->status == Status::Fail);
  CHECK(row->message.find("10-lockdown.json") != std::string::npos);
  CHECK(row->fix.find("NativeMessagingAllowlist") != std::string::npos);
}

TEST_CASE("our host on the allowlist overrides a wildcard blocklist") {
  TempHome home;
  write_text(home / "policies/managed/a.json", R"({"NativeMessagingBlocklist": ["*"]})");
  write_text(home / "policies/managed/b.json",
             R"({"NativeMessagingAllowlist": [")" + std::string(notrain::identity::kHostName) + "\"]}");
  const auto row = policy_check(read_policies(home / "policies"), chrome_target(Scope::User));
  REQUIRE(row.has_value());
  CHECK(row->status == Status::Pass);
}

TEST_CASE("a wildcard on the allowlist does not lift the blocklist") {
  TempHome home;
  write_text(home / "policies/managed/a.json",
             R"({"NativeMessagingBlocklist": ["*"], "NativeMessagingAllowlist": ["*"]})");
  CHECK(read_policies(home / "policies").blocked);
}

TEST_CASE("system-wide hosts only: a per-user manifest fails, a system-wide one passes") {
  TempHome home;
  write_text(home / "policies/managed/hosts.json", R"({"NativeMessagingUserLevelHosts": false})");
  const PolicyVerdict verdict = read_policies(home / "policies");
  const auto user = policy_check(verdict, chrome_target(Scope::User));
  REQUIRE(user.has_value());
  CHECK(user->status == Status::Fail);
  CHECK(user->fix.find("--system --browser google-chrome") != std::string::npos);
  const auto system = policy_check(verdict, chrome_target(Scope::System));
  REQUIRE(system.has_value());
  CHECK(system->status == Status::Pass);
}

TEST_CASE("invalid policy files are skipped, as the browser skips them") {
  TempHome home;
  write_text(home / "policies/managed/broken.json", R"({"NativeMessagingBlocklist": ["*"])");
  write_text(home / "policies/managed/notes.txt", R"({"NativeMessagingBlocklist": ["*"]})");
  const PolicyVerdict verdict = read_policies(home / "policies");
  CHECK_FALSE(verdict.any_policy);
  CHECK_FALSE(verdict.blocked);
}
