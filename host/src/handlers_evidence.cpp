// evidence.receipt (the chain's head as text to keep elsewhere, for the full page) and evidence.verify (the same
// check as `notrain-host verify`, each problem as a sentence and by id).
#include "cli_evidence.hpp"
#include "handlers.hpp"
#include "params.hpp"

namespace notrain {

namespace {

nlohmann::json problem_json(const EvidenceProblem& problem) {
  static constexpr const char* kNames[] = {"changed", "missing", "inserted", "reappeared", "chain_broken"};
  return {{"kind", kNames[static_cast<int>(problem.kind)]},
          {"id", problem.record_id},
          {"fields", problem.fields},
          {"message", cli::problem_sentence(problem)}};
}

}  // namespace

void add_evidence_handlers(protocol::Dispatcher& dispatcher, HostContext& context) {
  dispatcher.add("evidence.receipt", [&context](const nlohmann::json& params) -> nlohmann::json {
    Params(params, {});
    Store& store = context.store.get();
    const auto head = store.chain_head();
    if (!head) return {{"receipt", nullptr}};
    return {{"receipt", *cli::receipt_text(store)}, {"position", head->seq}, {"head", head->link}, {"at", head->at}};
  });
  dispatcher.add("evidence.verify", [&context](const nlohmann::json& params) -> nlohmann::json {
    Params(params, {});
    const VerifyReport report = context.store.get().verify();
    nlohmann::json problems = nlohmann::json::array();
    for (const EvidenceProblem& problem : report.problems) problems.push_back(problem_json(problem));
    return {{"ok", report.ok()}, {"records", report.records}, {"v1_records", report.v1_records},
            {"entries", report.entries}, {"problems", problems}};
  });
}

}  // namespace notrain
