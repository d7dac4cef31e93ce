// What `doctor` finds for one browser: a list of checks, each PASS, WARN or FAIL, each problem with
// the command or step that fixes it. Check names are stable so that tests and --json readers can
// rely on them.
#pragma once
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "installer/browsers.hpp"
#include "installer/options.hpp"

namespace notrain::installer {

enum class Status { Pass, Warn, Fail };
std::string_view to_string(Status status);

struct Check {
  std::string name;  // manifest, encoding, json, name, description, type, allowed, path, binary, sandbox, hello, exit
  Status status = Status::Pass;
  std::string message;  // what was found, for people
  std::string fix;      // what to run or do; empty for PASS
};

// Appends rows to a list of checks; problems always carry a fix.
class CheckList {
 public:
  explicit CheckList(std::vector<Check>& checks) : checks_(checks) {}
  void pass(std::string name, std::string message) { add(std::move(name), Status::Pass, std::move(message), {}); }
  void warn(std::string name, std::string message, std::string fix) {
    add(std::move(name), Status::Warn, std::move(message), std::move(fix));
  }
  void fail(std::string name, std::string message, std::string fix) {
    add(std::move(name), Status::Fail, std::move(message), std::move(fix));
  }

 private:
  void add(std::string name, Status status, std::string message, std::string fix) {
    checks_.push_back({std::move(name), status, std::move(message), std::move(fix)});
  }
  std::vector<Check>& checks_;
};

struct Diagnosis {
  Target target;
  std::vector<Check> checks;
  std::optional<long long> round_trip_ms;  // when the host answered hello
  Status status() const;                   // the worst of the checks
  const Check* find(std::string_view name) const;
};

struct PolicyVerdict;
// The row for a browser's enterprise policies, if they matter for this manifest.
std::optional<Check> policy_check(const PolicyVerdict& verdict, const Target& target);

// Checks one manifest on disk, then starts the host it names as that browser would.
Diagnosis diagnose(const Target& target, const Options& options);

}  // namespace notrain::installer
