#include "installer/diagnosis.hpp"

#include <algorithm>
#include <filesystem>

#include <nlohmann/json.hpp>

#include "installer/live_check.hpp"
#include "installer/manifest_checks.hpp"
#include "installer/policies.hpp"
#include "notrain/identity.hpp"

namespace notrain::installer {
namespace fs = std::filesystem;
using nlohmann::json;

namespace {

// The install command that rewrites exactly this manifest.
std::string install_fix(const Target& target, const Options& options) {
  std::string command = "run: notrain-host install --browser " + std::string(target.browser->id);
  if (options.manifest_dir) command += " --manifest-dir " + *options.manifest_dir;
  if (target.scope == Scope::System)
    command = "run as administrator: sudo notrain-host install --system --browser " + std::string(target.browser->id);
  return command;
}

// The arguments each browser family passes to the host it starts (Chromium: the caller's origin and
// --parent-window; Firefox: the manifest's path and the add-on id).
std::vector<std::string> browser_arguments(const Target& target) {
  if (target.browser->flavour == Flavour::Chromium) return {std::string(identity::kChromiumOrigin)};
  return {target.manifest_path, std::string(identity::kFirefoxExtensionId)};
}

std::string first_line(std::string_view text) {
  const std::size_t end = text.find('\n');
  return std::string(text.substr(0, end));
}

std::string exit_text(const LiveResult& live) {
  std::string text;
  if (live.exit_code) text += " (exit status " + std::to_string(*live.exit_code) + ")";
  if (!live.stderr_text.empty()) text += "; it said: " + first_line(live.stderr_text);
  return text;
}

void check_answer(const LiveResult& live, Diagnosis& diagnosis, CheckList& report, const std::string& binary) {
  const json& reply = live.reply;
  const std::string by_hand = "run " + binary + " --version in a terminal to see the error";
  if (reply.contains("error")) {
    const json& error = reply["error"];
    report.fail("hello",
                "the host refused hello: " + error.value("message", std::string("no message")) + " (code " +
                    error.value("code", json(0)).dump() + ")",
                by_hand);
    return;
  }
  const json result = reply.value("result", json());
  if (!result.is_object() || result.value("name", std::string()) != identity::kProgramName) {
    report.fail("hello", "the program answered, but not as NoTrain's host: " + reply.dump().substr(0, 120),
                "point the manifest at notrain-host: " + std::string("run notrain-host install"));
    return;
  }
  if (result.value("protocol", 0) != identity::kProtocolVersion) {
    report.fail("hello",
                "the host speaks protocol " + result.value("protocol", json()).dump() + ", this one " +
                    std::to_string(identity::kProtocolVersion),
                "run notrain-host install from the same version as the extension");
    return;
  }
  diagnosis.round_trip_ms = live.elapsed.count();
  report.pass("hello", "hello answered in " + std::to_string(live.elapsed.count()) + " ms, start-up included (" +
                           std::string(identity::kProgramName) + " " + result.value("version", std::string("?")) +
                           ", database " + result.value("database", std::string("?")) + ")");
  const std::string version = result.value("version", std::string());
  if (version != identity::kVersion) {
    report.warn("version",
                "the registered host is version " + version + ", this program is " + std::string(identity::kVersion),
                "run notrain-host install with the version you want browsers to use");
  }
  if (!live.exited_on_eof) {
    report.warn("exit",
                "the host kept running after its input closed; browsers kill it then, which can cut a "
                "save short",
                by_hand);
  }
}

void check_live(const Target& target, const std::string& binary, const Options& options, Diagnosis& diagnosis,
                CheckList& report) {
  const LiveResult live = run_hello(binary, browser_arguments(target), options.timeout);
  const std::string by_hand = "run " + binary + " --version in a terminal to see the error";
  switch (live.outcome) {
    case LiveOutcome::CannotStart:
      report.fail("hello", "the host cannot start: " + live.detail + exit_text(live), by_hand);
      return;
    case LiveOutcome::ExitedEarly:
      report.fail("hello",
                  "the host exited without answering" + exit_text(live) +
                      "; the extension would see \"Native host has exited\"",
                  by_hand);
      return;
    case LiveOutcome::NotAFrame:
    case LiveOutcome::NotJson:
      report.fail("hello",
                  "the host wrote bytes that are not a native-messaging reply: " + live.detail +
                      "; the extension would see \"Error when communicating with the native messaging "
                      "host\"",
                  "nothing but replies may reach stdout: " + by_hand);
      return;
    case LiveOutcome::TimedOut:
      report.fail("hello", "the host did not answer hello: " + live.detail + exit_text(live), by_hand);
      return;
    case LiveOutcome::Answered: check_answer(live, diagnosis, report, binary); return;
  }
}

}  // namespace

std::optional<Check> policy_check(const PolicyVerdict& verdict, const Target& target) {
  if (verdict.blocked) {
    return Check{"policy", Status::Fail,
                 "an administrator's policy (" + verdict.blocked_by +
                     ") blocks this browser's native-messaging "
                     "hosts; the extension would see \"Specified native messaging host not found\"",
                 "ask the administrator to add " + std::string(identity::kHostName) + " to NativeMessagingAllowlist"};
  }
  if (!verdict.user_level_allowed && target.scope == Scope::User) {
    return Check{
        "policy", Status::Fail,
        "an administrator's policy (" + verdict.user_level_denied_by +
            ") lets this browser use "
            "system-wide hosts only, and this manifest is per-user",
        "run as administrator: sudo notrain-host install --system --browser " + std::string(target.browser->id)};
  }
  if (verdict.any_policy) return Check{"policy", Status::Pass, "the browser's policies allow NoTrain's host", ""};
  return std::nullopt;
}

std::string_view to_string(Status status) {
  switch (status) {
    case Status::Pass: return "PASS";
    case Status::Warn: return "WARN";
    case Status::Fail: return "FAIL";
  }
  return "FAIL";
}

Status Diagnosis::status() const {
  Status worst = Status::Pass;
  for (const Check& check : checks) worst = std::max(worst, check.status);
  return worst;
}

const Check* Diagnosis::find(std::string_view name) const {
  const auto found = std::find_if(checks.begin(), checks.end(), [&](const Check& c) { return c.name == name; });
  return found == checks.end() ? nullptr : &*found;
}

Diagnosis diagnose(const Target& target, const Options& options) {
  Diagnosis diagnosis{target, {}, std::nullopt};
  CheckList report(diagnosis.checks);
  const std::optional<std::string> binary =
      check_manifest_file(target, target.scope != options.scope, install_fix(target, options), report);
  if (binary && target.browser->id.starts_with("flatpak-")) {
    report.warn("sandbox",
                std::string(target.browser->name) +
                    " starts the host inside its sandbox, which may not "
                    "see " +
                    *binary,
                "if the extension cannot reach the host, allow it: flatpak override --user --filesystem=" +
                    fs::path(*binary).parent_path().string() + ":ro " +
                    fs::path(target.detect_folder).filename().string());
  }
  if (!target.browser->linux_policies.empty() && current_platform() == Platform::Linux) {
    if (auto row = policy_check(read_policies(target.browser->linux_policies), target)) {
      diagnosis.checks.push_back(std::move(*row));
    }
  }
  if (binary) check_live(target, *binary, options, diagnosis, report);
  return diagnosis;
}

}  // namespace notrain::installer
