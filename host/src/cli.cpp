#include "cli.hpp"

#include <algorithm>
#include <iomanip>
#include <iostream>
#include <memory>
#include <sstream>
#include <unistd.h>

#include <notrain/identity.hpp>

#include "cli_evidence.hpp"
#include "cli_parser.hpp"
#include "evidence.hpp"
#include "export.hpp"
#include "installer/commands.hpp"
#include "evidence_pack.hpp"
#include "private_output.hpp"
#include "terminal_text.hpp"
#include "store.hpp"

namespace notrain::cli {
namespace {

namespace fs = std::filesystem;

// Commands that only read never create a database: a missing one simply holds nothing yet.
std::optional<Store> open_existing_store() {
  const fs::path path = default_database_path();
  if (path.empty()) throw StorageError("Neither XDG_DATA_HOME nor HOME is set: cannot find the database.");
  if (!fs::exists(path)) return std::nullopt;
  return std::optional<Store>(std::in_place, path);
}

std::string shorten(const std::string& text, std::size_t width) {
  if (text.size() <= width) return text;
  return text.substr(0, width - 3) + "...";
}

// JSON for scripts; on a terminal, everything outside ASCII is written \uXXXX (a C1 control is no escape sequence
// there), and bytes that are not UTF-8 (only a file changed by hand holds them) are replaced, never a crash.
std::string json_for_stdout(const nlohmann::json& value) {
  return value.dump(2, ' ', ::isatty(STDOUT_FILENO) == 1, nlohmann::json::error_handler_t::replace);
}

// A confirmation number as `list` shows them: digits only, 1 or more. "0", "1e3", "abc" are usage errors (and
// "-1" an unknown option).
std::int64_t confirmation_number(const std::string& word) {
  const bool digits = !word.empty() && word.size() <= 18 && std::all_of(word.begin(), word.end(), ::isdigit);
  return digits ? std::stoll(word) : 0;
}

CLI::Option* confirmation_number_option(CLI::App& command, std::string& id) {
  return command.add_option("ID", id, "a confirmation number, as list shows them")
      ->type_name("ID")
      ->check(CLI::Validator(
          [](const std::string& word) -> std::string {
            if (confirmation_number(word) >= 1) return "";
            return "\"" + word + "\" is not a confirmation number (the numbers `list` shows: 1, 2, ...)";
          },
          ""));
}

void print_table(const std::vector<ConfirmationSummary>& items) {
  std::cout << std::left << std::setw(6) << "ID" << std::setw(26) << "CAPTURED (UTC)" << std::setw(11) << "SERVICE"
            << std::setw(8) << "KIND" << std::setw(22) << "ACCOUNT"
            << "ADDRESS\n";
  for (const ConfirmationSummary& item : items) {
    std::cout << std::left << std::setw(6) << item.id << std::setw(26) << terminal_safe(item.captured_at)
              << std::setw(11) << terminal_safe(item.service) << std::setw(8) << terminal_safe(item.kind)
              << std::setw(22) << shorten(item.account.empty() ? "-" : terminal_safe(item.account), 20)
              << shorten(terminal_safe(item.url), 70) << '\n';
  }
}

struct ListOptions {
  bool json = false;
  std::optional<std::string> service;
};

int list_command(const ListOptions& options) {
  auto store = open_existing_store();
  std::vector<ConfirmationSummary> items;
  if (store) items = store->list(options.service, std::numeric_limits<std::int64_t>::max(), 0);
  if (options.json) {
    nlohmann::json array = nlohmann::json::array();
    for (const auto& item : items) array.push_back(to_json(item));
    std::cout << json_for_stdout(array) << '\n';
    return 0;
  }
  if (items.empty()) {
    std::cout << "No confirmations are stored yet.\n";
    return 0;
  }
  print_table(items);
  std::cout << items.size() << (items.size() == 1 ? " confirmation\n" : " confirmations\n");
  return 0;
}

void print_record(const Confirmation& record) {
  // Every value comes from a web page or an e-mail: shown with its control characters escaped.
  const auto line = [](std::string_view label, const std::string& value) {
    std::cout << std::left << std::setw(14) << label << (value.empty() ? "-" : terminal_safe(value)) << '\n';
  };
  line("Number", std::to_string(record.id));
  line("Service", record.content.service);
  line("Kind", record.content.kind);
  line("Captured", record.captured_at);
  line("Saved", record.saved_at);
  line("Form sent", record.sent_at);
  line("Answer said", record.verdict);
  line("Account", record.content.account);
  line("Address", record.content.url);
  line("Language", record.language);
  line("SHA-256", record.sha256);
  line("Screenshot", record.screenshot_size > 0
                         ? record.screenshot_mime + ", " + std::to_string(record.screenshot_size) + " bytes"
                         : "");
  if (!record.form.is_null())
    line("Form values", record.form.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace));
  std::cout << "\n" << terminal_safe(record.content.text, TerminalLayout::Block) << '\n';
}

struct ShowOptions {
  std::string id;
  bool json = false;
};

int show_command(const ShowOptions& options) {
  const std::int64_t id = confirmation_number(options.id);
  auto store = open_existing_store();
  const auto record = store ? store->get(id) : std::nullopt;
  if (!record) {
    std::cerr << "notrain-host: no stored confirmation has the number " << id << ".\n";
    return 1;
  }
  if (options.json) std::cout << json_for_stdout(to_json(*record)) << '\n';
  else print_record(*record);
  for (const EvidenceProblem& problem : store->verify_record(id)) {
    std::cerr << "Warning: " << problem_sentence(problem) << " Run notrain-host verify.\n";
  }
  return 0;
}

// Written to a private temporary file beside the target and renamed (private_output.hpp): an interrupted export
// never leaves half a file where a good one was, and nobody else's file or link is ever written through.
int export_to_file(Store* store, ExportFormat format, const fs::path& target) {
  PrivateOutput output(target);
  std::size_t count = 0;
  if (store) count = export_confirmations(*store, format, output.stream());
  else write_empty_export(format, output.stream());
  output.commit();
  std::cerr << "Exported " << count << " confirmation" << (count == 1 ? "" : "s") << " to " << target.string() << ".\n";
  return 0;
}

struct ExportOptions {
  std::string format = "json";
  std::optional<std::string> output;
};

int export_command(const ExportOptions& options) {
  const ExportFormat format = options.format == "csv" ? ExportFormat::Csv : ExportFormat::Json;
  auto store = open_existing_store();
  if (options.output) return export_to_file(store ? &*store : nullptr, format, *options.output);
  if (::isatty(STDOUT_FILENO) == 1) {
    // Shown, not saved: control characters escaped (with --output, or piped, the bytes stay exact).
    std::ostringstream text;
    if (store) export_confirmations(*store, format, text);
    else write_empty_export(format, text);
    std::cout << terminal_safe(text.str(), TerminalLayout::Block);
  } else if (store) {
    export_confirmations(*store, format, std::cout);
  } else {
    write_empty_export(format, std::cout);
  }
  std::cout.flush();
  return std::cout ? 0 : 1;
}

struct PackOptions {
  std::string id;
  std::string output;
  std::string language;
};

int pack_command(const PackOptions& options) {
  PackRequest request{options.id.empty() ? std::nullopt : std::optional<std::int64_t>(confirmation_number(options.id)),
                      options.language};
  auto store = open_existing_store();
  if (!store) {
    std::cout << "No confirmations are stored yet: there is nothing to pack.\n";
    return 0;
  }
  const std::size_t count = write_evidence_pack(*store, request, options.output);
  std::cerr << "Packed " << count << " confirmation" << (count == 1 ? "" : "s") << " into " << options.output
            << " (check it with sha256sum -c SHA256SUMS once unpacked).\n";
  return 0;
}

int version_command() {
  std::cout << identity::kProgramName << ' ' << identity::kVersion << " (protocol " << identity::kProtocolVersion
            << ")\n";
  return 0;
}

// Declares a command whose options fill an `Options`, run by `command` once parsed.
template <typename Options>
Declaration with(void (*declare)(CLI::App&, Options&), int (*command)(const Options&)) {
  return [declare, command](CLI::App& app) -> Action {
    auto options = std::make_shared<Options>();
    declare(app, *options);
    return [options, command] { return command(*options); };
  };
}

void declare_list(CLI::App& command, ListOptions& options) {
  command.add_flag("--json", options.json, "as JSON, for scripts");
  std::vector<std::string> services(std::begin(kServices), std::end(kServices));
  one_of(command.add_option("--service", options.service, "only this service's: " + in_words(services)), services)
      ->type_name("SERVICE");
}

void declare_show(CLI::App& command, ShowOptions& options) {
  confirmation_number_option(command, options.id)->required();
  command.add_flag("--json", options.json, "as JSON, for scripts");
}

void declare_export(CLI::App& command, ExportOptions& options) {
  one_of(command.add_option("--format", options.format, "JSON (the default) or CSV"), {"json", "csv"});
  command.add_option("--output", options.output, "the file to write (private to you), instead of the terminal")
      ->type_name("FILE");
}

void declare_verify(CLI::App& command, std::optional<std::string>& receipt) {
  command.add_option("--receipt", receipt, "check against a receipt kept elsewhere")->type_name("FILE");
}

void declare_pack(CLI::App& command, PackOptions& options) {
  confirmation_number_option(command, options.id)->description("one confirmation only (all of them without it)");
  command.add_option("--output", options.output, "the ZIP file to write (private to you)")
      ->type_name("FILE.zip")
      ->required();
  one_of(command.add_option("--language", options.language, "the report's language (English unless told)"),
         {"en", "fr", "nl", "de"});
}

}  // namespace

int run(const std::vector<std::string>& args) {
  Parser parser("NoTrain host " + std::string(identity::kVersion) +
                    ": keeps the confirmations of your objections to Meta's AI training.\n\n"
                    "Browsers start it by themselves. You can use it to read and export what it keeps:",
                [] { return "Database: " + default_database_path().string(); });
  bool version = false;
  parser.app().add_flag("--version", version, "print the version");
  parser.add("list", "list stored confirmations, newest first", with(declare_list, list_command));
  parser.add("show", "show one confirmation with its text", with(declare_show, show_command));
  parser.add("export", "export every confirmation (JSON unless --format csv; to the terminal unless --output)",
             with(declare_export, export_command));
  parser.add("verify", "check every confirmation and the chain (or against a receipt)",
             with(declare_verify, verify_command));
  parser.add("receipt", "print the chain's head, to keep somewhere else",
             [](CLI::App&) -> Action { return receipt_command; });
  parser.add("pack", "an evidence pack (records, texts, screenshots, chain, report, SHA256SUMS)",
             with(declare_pack, pack_command));
  installer::add_commands(parser);
  parser.add("version", "print the version", [](CLI::App&) -> Action { return version_command; });
  const auto help = [&parser] {
    std::cout << parser.help();
    return 0;
  };
  parser.add("help", "print this help", [&help](CLI::App&) -> Action { return help; });
  // Alone on a terminal, or asked with --help / -h / --version: the help or the version.
  return parser.run(args, [&] { return version ? version_command() : help(); });
}

}  // namespace notrain::cli
