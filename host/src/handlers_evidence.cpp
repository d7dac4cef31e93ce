// evidence.receipt (the chain's head as text to keep elsewhere, for the full page), evidence.verify (the same
// check as `notrain-host verify`, each problem as a sentence and by id), and the files the full page downloads:
// confirmation.export and evidence.pack prepare one (the same bytes as `notrain-host export` and `pack` write),
// download.chunk reads it in pieces.
#include <functional>

#include "base64.hpp"
#include "chain.hpp"
#include "cli_evidence.hpp"
#include "evidence_pack.hpp"
#include "export.hpp"
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

std::string today() { return utc_now().substr(0, 10); }

// Prepares a download in the data folder with `write`, replacing any earlier one; its description for the page.
// `write` returns how many confirmations the file holds.
nlohmann::json prepare(HostContext& context, std::string name,
                       const std::function<std::size_t(PreparedDownload&)>& write) {
  context.download.reset();
  PreparedDownload download(context.store.path().parent_path(), std::move(name));
  const std::size_t count = write(download);
  download.finish();
  nlohmann::json described = {
      {"name", download.name()}, {"size", download.size()}, {"sha256", download.sha256()}, {"count", count}};
  context.download = std::move(download);
  return described;
}

nlohmann::json export_file(HostContext& context, const nlohmann::json& params) {
  const Params fields(params, {"format"});
  const std::string format = fields.required_string("format");
  if (format != "json" && format != "csv") throw invalid_field("format", "The format must be json or csv.");
  Store& store = context.store.get();
  return prepare(context, "notrain-confirmations-" + today() + "." + format, [&](PreparedDownload& download) {
    std::size_t count = 0;
    download.write([&](std::ostream& out) {
      count = export_confirmations(store, format == "csv" ? ExportFormat::Csv : ExportFormat::Json, out);
    });
    return count;
  });
}

nlohmann::json evidence_pack(HostContext& context, const nlohmann::json& params) {
  const Params fields(params, {"id", "language"});
  PackRequest request;
  if (params.contains("id") && !params["id"].is_null()) request.id = fields.required_integer("id", 1, kMaxId);
  request.language = fields.optional_string("language").value_or("");
  Store& store = context.store.get();
  if (request.id && !store.get(*request.id)) throw confirmation_not_found(*request.id);
  const std::string name = "notrain-evidence-" + (request.id ? std::to_string(*request.id) : today()) + ".zip";
  return prepare(context, name, [&](PreparedDownload& download) {
    return write_evidence_pack(store, request, download.descriptor());
  });
}

nlohmann::json download_chunk(HostContext& context, const nlohmann::json& params) {
  const Params fields(params, {"offset"});
  const std::int64_t offset = fields.integer_or("offset", 0, 0, kMaxId);
  if (!context.download) {
    throw RpcError(ErrorCode::NotFound,
                   "No file is being prepared: ask for confirmation.export or evidence.pack first.");
  }
  const PreparedDownload& download = *context.download;
  if (offset > download.size()) {
    throw invalid_field("offset",
                        "The offset is past the end of the file (" + std::to_string(download.size()) + " bytes).");
  }
  const std::string bytes = download.read(offset, kMaxDownloadChunk);
  nlohmann::json chunk = {
      {"name", download.name()}, {"offset", offset}, {"total", download.size()}, {"data", base64::encode(bytes)}};
  // Read to the end: the file is let go (a new request prepares a new one).
  if (offset + static_cast<std::int64_t>(bytes.size()) >= download.size()) context.download.reset();
  return chunk;
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
    return {{"ok", report.ok()},
            {"records", report.records},
            {"v1_records", report.v1_records},
            {"entries", report.entries},
            {"problems", problems}};
  });
  dispatcher.add("confirmation.export",
                 [&context](const nlohmann::json& params) { return export_file(context, params); });
  dispatcher.add("evidence.pack", [&context](const nlohmann::json& params) { return evidence_pack(context, params); });
  dispatcher.add("download.chunk",
                 [&context](const nlohmann::json& params) { return download_chunk(context, params); });
}

}  // namespace notrain
