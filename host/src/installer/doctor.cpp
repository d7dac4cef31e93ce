// `notrain-host doctor`: diagnoses each browser's registration and prints one block per browser
// (or JSON with --json). Exit status 1 when anything FAILs or no browser could be checked.
#include <algorithm>
#include <iostream>

#include <nlohmann/json.hpp>

#include "installer/commands.hpp"
#include "installer/diagnosis.hpp"
#include "installer/options.hpp"
#include "notrain/identity.hpp"

namespace notrain::installer {
namespace {

using nlohmann::ordered_json;

std::vector<const Browser*> browsers_not_found(const Options& options, Platform platform, const Environment& env,
                                               const std::vector<Diagnosis>& checked) {
  std::vector<const Browser*> missing;
  if (options.manifest_dir || !options.browsers.empty()) return missing;
  for (const Target& target : compute_targets(platform, env, options.scope)) {
    const bool seen = std::any_of(checked.begin(), checked.end(), [&](const Diagnosis& d) {
      return d.target.browser == target.browser || d.target.manifest_path == target.manifest_path;
    });
    if (!seen) missing.push_back(target.browser);
  }
  return missing;
}

void print_human(const std::vector<Diagnosis>& diagnoses, const std::vector<const Browser*>& not_found) {
  std::cout << "NoTrain doctor (" << identity::kProgramName << ' ' << identity::kVersion << ")\n";
  for (const Diagnosis& diagnosis : diagnoses) {
    std::cout << '\n' << diagnosis.target.browser->name << ": " << diagnosis.target.manifest_path << '\n';
    for (const Check& check : diagnosis.checks) {
      std::cout << "  " << to_string(check.status) << "  " << check.message << '\n';
      if (!check.fix.empty()) std::cout << "        Fix: " << check.fix << '\n';
    }
  }
  if (!not_found.empty()) {
    std::cout << "\nNot found on this computer (skipped):";
    for (std::size_t i = 0; i < not_found.size(); ++i) std::cout << (i ? ", " : " ") << not_found[i]->name;
    std::cout << '\n';
  }
  if (diagnoses.empty()) {
    std::cout << "\nFAIL  no supported browser found, so nothing could be checked.\n"
                 "        Fix: install a browser, or name yours: notrain-host doctor --browser NAME ("
              << browser_ids() << ")\n";
    return;
  }
  const auto browsers = [&](Status status) {
    return std::count_if(diagnoses.begin(), diagnoses.end(), [&](const Diagnosis& d) { return d.status() == status; });
  };
  const auto checks = [&](Status status) {
    long total = 0;
    for (const Diagnosis& diagnosis : diagnoses) {
      total += std::count_if(diagnosis.checks.begin(), diagnosis.checks.end(),
                             [&](const Check& check) { return check.status == status; });
    }
    return total;
  };
  std::cout << "\nBrowsers: " << browsers(Status::Pass) << " ready, " << browsers(Status::Warn) << " with warnings, "
            << browsers(Status::Fail) << " failing\n"
            << "Checks:   " << checks(Status::Pass) << " PASS, " << checks(Status::Warn) << " WARN, "
            << checks(Status::Fail) << " FAIL\n";
}

void print_json(const std::vector<Diagnosis>& diagnoses, const std::vector<const Browser*>& not_found, bool ok) {
  ordered_json report;
  report["program"] = identity::kProgramName;
  report["version"] = identity::kVersion;
  report["ok"] = ok;
  report["browsers"] = ordered_json::array();
  for (const Diagnosis& diagnosis : diagnoses) {
    ordered_json entry;
    entry["id"] = diagnosis.target.browser->id;
    entry["name"] = diagnosis.target.browser->name;
    entry["flavour"] = to_string(diagnosis.target.browser->flavour);
    entry["manifest"] = diagnosis.target.manifest_path;
    entry["status"] = to_string(diagnosis.status());
    entry["round_trip_ms"] = diagnosis.round_trip_ms ? ordered_json(*diagnosis.round_trip_ms) : ordered_json();
    entry["checks"] = ordered_json::array();
    for (const Check& check : diagnosis.checks) {
      ordered_json item{{"check", check.name}, {"status", to_string(check.status)}, {"message", check.message}};
      if (!check.fix.empty()) item["fix"] = check.fix;
      entry["checks"].push_back(std::move(item));
    }
    report["browsers"].push_back(std::move(entry));
  }
  report["not_found"] = ordered_json::array();
  for (const Browser* browser : not_found) report["not_found"].push_back(browser->id);
  std::cout << report.dump(2) << '\n';
}

}  // namespace

int doctor(const Options& options, Platform platform, const Environment& env) {
  std::vector<Target> targets = select_targets(options, platform, env, true);
  if (options.scope == Scope::User && !options.manifest_dir) {
    targets = as_browsers_resolve(std::move(targets), compute_targets(platform, env, Scope::System));
  }
  std::vector<Diagnosis> diagnoses;
  diagnoses.reserve(targets.size());
  for (const Target& target : targets) {
    diagnoses.push_back(diagnose(target, options));
  }
  const std::vector<const Browser*> not_found = browsers_not_found(options, platform, env, diagnoses);
  const bool ok = !diagnoses.empty() && std::none_of(diagnoses.begin(), diagnoses.end(),
                                                     [](const Diagnosis& d) { return d.status() == Status::Fail; });
  if (options.json) {
    print_json(diagnoses, not_found, ok);
  } else {
    print_human(diagnoses, not_found);
  }
  return ok ? 0 : 1;
}

}  // namespace notrain::installer
