#include "cli_evidence.hpp"

#include <fstream>
#include <iostream>
#include <algorithm>
#include <cctype>
#include <sstream>

#include "usage_error.hpp"

namespace notrain::cli {
namespace {

namespace fs = std::filesystem;

std::string joined(const std::vector<std::string>& names) {
  std::string text;
  for (std::size_t i = 0; i < names.size(); ++i)
    text += (i == 0 ? "" : i + 1 == names.size() ? " and " : ", ") + names[i];
  return text;
}

std::optional<Store> existing_store() {
  const fs::path path = default_database_path();
  if (path.empty()) throw StorageError("Neither XDG_DATA_HOME nor HOME is set: cannot find the database.");
  if (!fs::exists(path)) return std::nullopt;
  return std::optional<Store>(std::in_place, path);
}

std::string read_receipt_file(const std::string& file) {
  std::ifstream in(file, std::ios::binary);
  std::ostringstream text;
  if (in) text << in.rdbuf();
  if (!in || fs::is_directory(file)) throw UsageError("cannot read the receipt " + file);
  return text.str();
}

int verify_against_receipt(Store* store, const std::string& file) {
  const std::optional<Receipt> receipt = parse_receipt(read_receipt_file(file));
  if (!receipt) throw UsageError(file + " is not a NoTrain receipt (it names no chain position and head)");
  if (!store) {
    std::cout << "The receipt names " << receipt->seq << " saves and deletions, but no confirmations are stored: "
              << "every one of them was removed.\n";
    return 1;
  }
  const std::vector<EvidenceProblem> problems = store->verify_receipt(*receipt);
  if (problems.empty()) {
    std::cout << "Nothing saved or deleted before the receipt (position " << receipt->seq
              << ") was changed or removed since: the chain still holds its head.\n";
    return 0;
  }
  std::cout << "The chain no longer holds the receipt's head at position " << receipt->seq
            << ": confirmations saved before the receipt were changed, removed or rewritten since.\n";
  for (const EvidenceProblem& problem : problems) std::cout << problem_sentence(problem) << '\n';
  return 1;
}

}  // namespace

std::string problem_sentence(const EvidenceProblem& problem) {
  const std::string who = "Confirmation " + std::to_string(problem.record_id);
  switch (problem.kind) {
    case EvidenceProblem::Kind::Changed:
      return who + " was changed after it was saved" +
             (problem.fields.empty()
                  ? "."
                  : ": " + joined(problem.fields) + (problem.fields.size() == 1 ? " differs." : " differ."));
    case EvidenceProblem::Kind::Missing:
      return who + " is missing: it was removed without NoTrain (a deletion through NoTrain leaves a trace).";
    case EvidenceProblem::Kind::Inserted: return who + " was not saved by NoTrain: it was added to the file by hand.";
    case EvidenceProblem::Kind::Reappeared: return who + " was deleted through NoTrain and is in the file again.";
    case EvidenceProblem::Kind::ChainBroken:
      return "The chain is broken at position " + std::to_string(problem.seq) + " (confirmation " +
             std::to_string(problem.record_id) + "): an entry was changed, removed or inserted.";
  }
  return who + ": unknown problem.";
}

std::optional<std::string> receipt_text(Store& store) {
  const std::optional<ChainEntry> head = store.chain_head();
  if (!head) return std::nullopt;
  std::ostringstream text;
  text << "NoTrain receipt\n"
       << "Confirmations stored: " << store.count(std::nullopt) << "\n"
       << "Last save or deletion: " << head->at << "\n"
       << "Chain position: " << head->seq << "\n"
       << "Chain head: " << head->link << "\n"
       << "Check it with: notrain-host verify --receipt FILE\n";
  return text.str();
}

std::optional<Receipt> parse_receipt(const std::string& text) {
  // The two lines that matter, wherever they are in the text (a receipt may be pasted into an e-mail or a note).
  const auto value_after = [&](std::string_view label) -> std::optional<std::string> {
    const std::size_t at = text.find(label);
    if (at == std::string::npos) return std::nullopt;
    std::size_t start = text.find_first_not_of(" \t", at + label.size());
    if (start == std::string::npos) return std::nullopt;
    const std::size_t end = text.find_first_of(" \t\r\n", start);
    return text.substr(start, end == std::string::npos ? std::string::npos : end - start);
  };
  const auto position = value_after("Chain position:");
  const auto head = value_after("Chain head:");
  const auto all_of = [](const std::string& word, auto test) {
    return !word.empty() && std::all_of(word.begin(), word.end(), test);
  };
  if (!position || !head || position->size() > 18 || !all_of(*position, ::isdigit) || head->size() != 64 ||
      !all_of(*head, [](char c) { return std::isdigit(static_cast<unsigned char>(c)) || (c >= 'a' && c <= 'f'); })) {
    return std::nullopt;
  }
  return Receipt{std::stoll(*position), *head};
}

int verify_command(const std::optional<std::string>& receipt) {
  auto store = existing_store();
  if (receipt) return verify_against_receipt(store ? &*store : nullptr, *receipt);
  if (!store) {
    std::cout << "No confirmations are stored yet.\n";
    return 0;
  }
  const VerifyReport report = store->verify();
  const std::string older =
      report.v1_records == 0
          ? ""
          : " (" + std::to_string(report.v1_records) +
                " saved before every field was under the digest: checked under "
                "digest version 1, which covers the service, kind, address, account, text and screenshot)";
  if (report.ok()) {
    std::cout << "All " << report.records << " stored confirmations match their SHA-256 digests" << older
              << ", and the chain of " << report.entries << " saves and deletions is whole.\n";
    return 0;
  }
  for (const EvidenceProblem& problem : report.problems) std::cout << problem_sentence(problem) << '\n';
  std::cout << report.problems.size() << (report.problems.size() == 1 ? " problem" : " problems") << " in "
            << report.records << " stored confirmations" << older << ".\n";
  return 1;
}

int receipt_command() {
  auto store = existing_store();
  const auto text = store ? receipt_text(*store) : std::nullopt;
  if (!text) {
    std::cout << "No confirmations were saved yet: there is nothing to write a receipt for.\n";
    return 0;
  }
  std::cout << *text << "Keep this text somewhere else (e-mail it to yourself, print it): it proves that nothing\n"
            << "saved before it was changed or removed since.\n";
  return 0;
}

}  // namespace notrain::cli
