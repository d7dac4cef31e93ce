#include "installer/diagnosis.hpp"

#include <algorithm>
#include <filesystem>
#include <unistd.h>

#include <nlohmann/json.hpp>

#include "installer/files.hpp"
#include "installer/live_check.hpp"
#include "installer/policies.hpp"
#include "notrain/identity.hpp"

namespace notrain::installer {
namespace fs = std::filesystem;
using nlohmann::json;

namespace {

constexpr std::string_view kBom = "\xEF\xBB\xBF";

// Accumulates checks; `fail` and `warn` always carry a fix.
class Report {
 public:
  explicit Report(Diagnosis& diagnosis) : diagnosis_(diagnosis) {}
  void pass(std::string name, std::string message) { add(std::move(name), Status::Pass, std::move(message), {}); }
  void warn(std::string name, std::string message, std::string fix) {
    add(std::move(name), Status::Warn, std::move(message), std::move(fix));
  }
  void fail(std::string name, std::string message, std::string fix) {
    add(std::move(name), Status::Fail, std::move(message), std::move(fix));
  }

 private:
  void add(std::string name, Status status, std::string message, std::string fix) {
    diagnosis_.checks.push_back({std::move(name), status, std::move(message), std::move(fix)});
  }
  Diagnosis& diagnosis_;
};

std::string in_quotes(std::string_view text) { return "\"" + std::string(text) + "\""; }

// The install command that rewrites exactly this manifest.
std::string install_fix(const Target& target, const Options& options) {
  std::string command = "run: notrain-host install --browser " + std::string(target.browser->id);
  if (options.manifest_dir) command += " --manifest-dir " + *options.manifest_dir;
  if (target.scope == Scope::System) command = "run as administrator: sudo notrain-host install --system --browser " +
                                                 std::string(target.browser->id);
  return command;
}

std::string_view allowed_key(Flavour flavour) {
  return flavour == Flavour::Chromium ? "allowed_origins" : "allowed_extensions";
}

std::string_view our_caller(Flavour flavour) {
  return flavour == Flavour::Chromium ? identity::kChromiumOrigin : identity::kFirefoxExtensionId;
}

void check_name(const json& manifest, const Target& target, Report& report, const std::string& fix) {
  const auto name = manifest.find("name");
  const std::string file = fs::path(target.manifest_path).filename().string();
  if (name == manifest.end() || !name->is_string()) {
    report.fail("name", "the manifest has no \"name\"", fix);
  } else if (*name != identity::kHostName) {
    report.fail("name", "its name is " + in_quotes(name->get<std::string>()) + " but the extension asks for " +
                            in_quotes(identity::kHostName), fix);
  } else if (file != name->get<std::string>() + ".json") {
    report.fail("name", "the file is called " + in_quotes(file) + " but browsers look for " +
                            in_quotes(name->get<std::string>() + ".json"), fix);
  } else {
    report.pass("name", "name " + in_quotes(identity::kHostName) + " matches the file name");
  }
}

void check_fields(const json& manifest, Report& report, const std::string& fix) {
  const auto description = manifest.find("description");
  if (description == manifest.end() || !description->is_string() || description->get<std::string>().empty()) {
    report.fail("description", "the manifest has no \"description\"; Chrome refuses it then", fix);
  } else {
    report.pass("description", "description present");
  }
  const auto type = manifest.find("type");
  if (type == manifest.end() || *type != "stdio") {
    report.fail("type", "\"type\" must be \"stdio\"", fix);
  } else {
    report.pass("type", "type is stdio");
  }
}

void check_allowed(const json& manifest, const Target& target, Report& report, const std::string& fix) {
  const Flavour flavour = target.browser->flavour;
  const Flavour other = flavour == Flavour::Chromium ? Flavour::Firefox : Flavour::Chromium;
  const auto list = manifest.find(allowed_key(flavour));
  if (list == manifest.end() && manifest.contains(allowed_key(other))) {
    report.fail("allowed", "this is a " + std::string(to_string(other)) + "-style manifest (\"" +
                               std::string(allowed_key(other)) + "\") in a " + std::string(target.browser->name) +
                               " folder", fix);
    return;
  }
  if (list == manifest.end() || !list->is_array()) {
    report.fail("allowed", "the manifest has no \"" + std::string(allowed_key(flavour)) + "\" list", fix);
    return;
  }
  for (const json& entry : *list) {
    const std::string value = entry.is_string() ? entry.get<std::string>() : entry.dump();
    // Chrome refuses the whole manifest when one origin is malformed or uses a wildcard.
    if (flavour == Flavour::Chromium &&
        (!entry.is_string() || !value.starts_with("chrome-extension://") || !value.ends_with("/") ||
         value.find('*') != std::string::npos)) {
      report.fail("allowed", "the origin " + in_quotes(value) + " is malformed (it must read chrome-extension://ID/)", fix);
      return;
    }
  }
  if (std::find(list->begin(), list->end(), json(our_caller(flavour))) == list->end()) {
    report.fail("allowed", "NoTrain's extension (" + std::string(our_caller(flavour)) + ") is not listed in \"" +
                               std::string(allowed_key(flavour)) + "\"; the extension would be told \"Access to "
                               "the specified native messaging host is forbidden\"", fix);
    return;
  }
  report.pass("allowed", "NoTrain's extension is allowed (" + std::string(our_caller(flavour)) + ")");
}

// Returns the host path when it is usable enough to start.
std::optional<std::string> check_binary(const json& manifest, Report& report, const std::string& fix) {
  const auto path = manifest.find("path");
  if (path == manifest.end() || !path->is_string() || path->get<std::string>().empty()) {
    report.fail("path", "the manifest has no \"path\" to the host", fix);
    return std::nullopt;
  }
  const std::string binary = path->get<std::string>();
  if (!fs::path(binary).is_absolute()) {
    report.fail("path", "the path " + in_quotes(binary) + " is relative; browsers need an absolute path", fix);
    return std::nullopt;
  }
  report.pass("path", "the path is absolute");
  std::error_code error;
  const std::string rebuild = "build the host (cmake --build build --target notrain-host), then " + fix;
  if (!fs::exists(binary, error)) {
    report.fail("binary", "there is no file at " + binary + " (moved or deleted?)", rebuild);
    return std::nullopt;
  }
  if (!fs::is_regular_file(binary, error)) {
    report.fail("binary", binary + " is not a program file", rebuild);
    return std::nullopt;
  }
  if (::access(binary.c_str(), X_OK) != 0) {
    report.fail("binary", binary + " is not executable", "run: chmod +x " + binary);
    return std::nullopt;
  }
  report.pass("binary", binary + " exists and is executable");
  return binary;
}

// The arguments each browser family passes (see ../shared/reference/native-messaging.md).
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

void check_answer(const LiveResult& live, Diagnosis& diagnosis, Report& report, const std::string& binary) {
  const json& reply = live.reply;
  const std::string by_hand = "run " + binary + " --version in a terminal to see the error";
  if (reply.contains("error")) {
    const json& error = reply["error"];
    report.fail("hello", "the host refused hello: " + error.value("message", std::string("no message")) +
                             " (code " + error.value("code", json(0)).dump() + ")", by_hand);
    return;
  }
  const json result = reply.value("result", json());
  if (!result.is_object() || result.value("name", std::string()) != identity::kProgramName) {
    report.fail("hello", "the program answered, but not as NoTrain's host: " + reply.dump().substr(0, 120),
                "point the manifest at notrain-host: " + std::string("run notrain-host install"));
    return;
  }
  if (result.value("protocol", 0) != identity::kProtocolVersion) {
    report.fail("hello", "the host speaks protocol " + result.value("protocol", json()).dump() + ", this one " +
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
    report.warn("version", "the registered host is version " + version + ", this program is " +
                               std::string(identity::kVersion),
                "run notrain-host install with the version you want browsers to use");
  }
  if (!live.exited_on_eof) {
    report.warn("exit", "the host kept running after its input closed; browsers kill it then, which can cut a "
                        "save short", by_hand);
  }
}

void check_live(const Target& target, const std::string& binary, const Options& options, Diagnosis& diagnosis,
                Report& report) {
  const LiveResult live = run_hello(binary, browser_arguments(target), options.timeout);
  const std::string by_hand = "run " + binary + " --version in a terminal to see the error";
  switch (live.outcome) {
    case LiveOutcome::CannotStart:
      report.fail("hello", "the host cannot start: " + live.detail + exit_text(live), by_hand);
      return;
    case LiveOutcome::ExitedEarly:
      report.fail("hello", "the host exited without answering" + exit_text(live) +
                               "; the extension would see \"Native host has exited\"", by_hand);
      return;
    case LiveOutcome::NotAFrame:
    case LiveOutcome::NotJson:
      report.fail("hello", "the host wrote bytes that are not a native-messaging reply: " + live.detail +
                               "; the extension would see \"Error when communicating with the native messaging "
                               "host\"", "nothing but replies may reach stdout: " + by_hand);
      return;
    case LiveOutcome::TimedOut:
      report.fail("hello", "the host did not answer hello: " + live.detail + exit_text(live), by_hand);
      return;
    case LiveOutcome::Answered:
      check_answer(live, diagnosis, report, binary);
      return;
  }
}

}  // namespace

std::optional<Check> policy_check(const PolicyVerdict& verdict, const Target& target) {
  if (verdict.blocked) {
    return Check{"policy", Status::Fail,
                 "an administrator's policy (" + verdict.blocked_by + ") blocks this browser's native-messaging "
                 "hosts; the extension would see \"Specified native messaging host not found\"",
                 "ask the administrator to add " + std::string(identity::kHostName) +
                     " to NativeMessagingAllowlist"};
  }
  if (!verdict.user_level_allowed && target.scope == Scope::User) {
    return Check{"policy", Status::Fail,
                 "an administrator's policy (" + verdict.user_level_denied_by + ") lets this browser use "
                 "system-wide hosts only, and this manifest is per-user",
                 "run as administrator: sudo notrain-host install --system --browser " +
                     std::string(target.browser->id)};
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
  Report report(diagnosis);
  const std::string fix = install_fix(target, options);
  std::optional<std::string> bytes = read_file(target.manifest_path);
  std::error_code ignored;
  if (!bytes && fs::exists(target.manifest_path, ignored)) {
    report.fail("manifest", target.manifest_path + " exists but cannot be read as a file",
                "make it readable (chmod 644 " + target.manifest_path + ") or remove it and " + fix);
    return diagnosis;
  }
  if (!bytes) {
    report.fail("manifest", "no manifest at " + target.manifest_path + "; the extension would see \"Specified "
                            "native messaging host not found\"", fix);
    return diagnosis;
  }
  report.pass("manifest", target.scope != options.scope
                              ? "system-wide manifest present (the browser uses it: there is no per-user one)"
                              : "manifest present");
  if (std::string_view(*bytes).starts_with(kBom)) {
    report.fail("encoding", "the manifest starts with a byte-order mark (BOM); browsers then ignore it", fix);
    bytes->erase(0, kBom.size());
  } else {
    report.pass("encoding", "no byte-order mark");
  }
  const json manifest = json::parse(*bytes, nullptr, false);
  if (manifest.is_discarded() || !manifest.is_object()) {
    report.fail("json", manifest.is_discarded() ? "the manifest is not valid JSON" : "the manifest is not a JSON object",
                fix);
    return diagnosis;
  }
  report.pass("json", "valid JSON");
  check_name(manifest, target, report, fix);
  check_fields(manifest, report, fix);
  check_allowed(manifest, target, report, fix);
  const std::optional<std::string> binary = check_binary(manifest, report, fix);
  if (target.browser->id.starts_with("flatpak-")) {
    report.warn("sandbox", std::string(target.browser->name) + " starts the host inside its sandbox, which may not "
                           "see " + binary.value_or("the host"),
                "if the extension cannot reach the host, allow it: flatpak override --user --filesystem=" +
                    (binary ? fs::path(*binary).parent_path().string() : std::string("FOLDER")) + ":ro " +
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
