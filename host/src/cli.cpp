#include "cli.hpp"

#include <algorithm>
#include <cstdio>
#include <fstream>
#include <functional>
#include <iomanip>
#include <iostream>
#include <sstream>
#include <sys/stat.h>
#include <unistd.h>

#include <SQLiteCpp/Exception.h>
#include <notrain/identity.hpp>

#include "cli_args.hpp"
#include "cli_evidence.hpp"
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
using Words = std::vector<std::string>;

struct Command {
  std::string_view name;
  std::string_view usage;
  std::string_view summary;
  std::function<int(const Words&)> run;
};

const std::vector<Command>& commands();

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

std::optional<std::string> service_option(ArgReader& reader) {
  auto service = reader.option("--service");
  if (service && std::find(std::begin(kServices), std::end(kServices), *service) == std::end(kServices)) {
    throw UsageError("unknown service " + *service + " (" + std::string(kServicesInWords) + ")");
  }
  return service;
}

// JSON for scripts; on a terminal, everything outside ASCII is written \uXXXX (a C1 control is no escape sequence
// there), and bytes that are not UTF-8 (only a file changed by hand holds them) are replaced, never a crash.
std::string json_for_stdout(const nlohmann::json& value) {
  return value.dump(2, ' ', ::isatty(STDOUT_FILENO) == 1, nlohmann::json::error_handler_t::replace);
}

// A confirmation number as `list` shows them: digits only, 1 or more. "-1", "0", "1e3", "abc" are usage errors.
std::int64_t confirmation_number(const std::string& word) {
  const bool digits = !word.empty() && word.size() <= 18 && std::all_of(word.begin(), word.end(), ::isdigit);
  const std::int64_t id = digits ? std::stoll(word) : 0;
  if (id < 1) throw UsageError("\"" + word + "\" is not a confirmation number (the numbers `list` shows: 1, 2, ...)");
  return id;
}

void print_table(const std::vector<ConfirmationSummary>& items) {
  std::cout << std::left << std::setw(6) << "ID" << std::setw(26) << "CAPTURED (UTC)" << std::setw(11)
            << "SERVICE" << std::setw(8) << "KIND" << std::setw(22) << "ACCOUNT" << "ADDRESS\n";
  for (const ConfirmationSummary& item : items) {
    std::cout << std::left << std::setw(6) << item.id << std::setw(26) << terminal_safe(item.captured_at)
              << std::setw(11) << terminal_safe(item.service) << std::setw(8) << terminal_safe(item.kind)
              << std::setw(22) << shorten(item.account.empty() ? "-" : terminal_safe(item.account), 20)
              << shorten(terminal_safe(item.url), 70) << '\n';
  }
}

int list_command(const Words& words) {
  ArgReader reader(words);
  const bool as_json = reader.flag("--json");
  const auto service = service_option(reader);
  if (!reader.positionals().empty()) throw UsageError("list takes no further words");
  auto store = open_existing_store();
  std::vector<ConfirmationSummary> items;
  if (store) items = store->list(service, std::numeric_limits<std::int64_t>::max(), 0);
  if (as_json) {
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
  line("Meta's answer", record.verdict);
  line("Account", record.content.account);
  line("Address", record.content.url);
  line("Language", record.language);
  line("SHA-256", record.sha256);
  line("Screenshot", record.screenshot_size > 0
                         ? record.screenshot_mime + ", " + std::to_string(record.screenshot_size) + " bytes"
                         : "");
  if (!record.form.is_null()) line("Form values", record.form.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace));
  std::cout << "\n" << terminal_safe(record.content.text, TerminalLayout::Block) << '\n';
}

int show_command(const Words& words) {
  ArgReader reader(words);
  const bool as_json = reader.flag("--json");
  const Words rest = reader.positionals();
  if (rest.size() != 1) throw UsageError("show needs one confirmation number");
  const std::int64_t id = confirmation_number(rest[0]);
  auto store = open_existing_store();
  const auto record = store ? store->get(id) : std::nullopt;
  if (!record) {
    std::cerr << "notrain-host: no stored confirmation has the number " << id << ".\n";
    return 1;
  }
  if (as_json) std::cout << json_for_stdout(to_json(*record)) << '\n';
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
  std::cerr << "Exported " << count << " confirmation" << (count == 1 ? "" : "s") << " to " << target.string()
            << ".\n";
  return 0;
}

int export_command(const Words& words) {
  ArgReader reader(words);
  const auto format_name = reader.option("--format").value_or("json");
  const auto output = reader.option("--output");
  if (!reader.positionals().empty()) throw UsageError("export takes no further words");
  if (format_name != "json" && format_name != "csv") throw UsageError("--format is json or csv");
  const ExportFormat format = format_name == "csv" ? ExportFormat::Csv : ExportFormat::Json;
  auto store = open_existing_store();
  if (output) return export_to_file(store ? &*store : nullptr, format, *output);
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

int pack_command(const Words& words) {
  ArgReader reader(words);
  const auto output = reader.option("--output");
  const auto language = reader.option("--language").value_or("");
  const Words rest = reader.positionals();
  if (!output) throw UsageError("pack needs --output FILE.zip");
  if (rest.size() > 1) throw UsageError("pack takes at most one confirmation number");
  if (!language.empty() && language != "en" && language != "fr" && language != "nl" && language != "de") {
    throw UsageError("--language is en, fr, nl or de");
  }
  PackRequest request{rest.empty() ? std::nullopt : std::optional<std::int64_t>(confirmation_number(rest[0])), language};
  auto store = open_existing_store();
  if (!store) {
    std::cout << "No confirmations are stored yet: there is nothing to pack.\n";
    return 0;
  }
  const std::size_t count = write_evidence_pack(*store, request, *output);
  std::cerr << "Packed " << count << " confirmation" << (count == 1 ? "" : "s") << " into " << *output
            << " (check it with sha256sum -c SHA256SUMS once unpacked).\n";
  return 0;
}

int version_command(const Words&) {
  std::cout << identity::kProgramName << ' ' << identity::kVersion << " (protocol " << identity::kProtocolVersion
            << ")\n";
  return 0;
}

int help_command(const Words&) {
  std::cout << "NoTrain host " << identity::kVersion
            << ": keeps the confirmations of your objections to Meta's AI training.\n\n"
               "Browsers start it by themselves. You can use it to read and export what it keeps:\n\n";
  for (const Command& command : commands()) {
    std::cout << "  notrain-host " << std::left << std::setw(42) << command.usage << command.summary << '\n';
  }
  std::cout << "\nDatabase: " << default_database_path().string() << '\n';
  return 0;
}

const std::vector<Command>& commands() {
  static const std::vector<Command> table = {
      {"list", "list [--json] [--service S]", "list stored confirmations, newest first", list_command},
      {"show", "show ID [--json]", "show one confirmation with its text", show_command},
      {"export", "export [--format json|csv] [--output FILE]",
       "export every confirmation (JSON unless --format csv; to the terminal unless --output)", export_command},
      {"verify", "verify [--receipt FILE]", "check every confirmation and the chain (or against a receipt)",
       verify_command},
      {"receipt", "receipt", "print the chain's head, to keep somewhere else", receipt_command},
      {"pack", "pack [ID] --output FILE.zip [--language en|fr|nl|de]",
       "an evidence pack (records, texts, screenshots, chain, report, SHA256SUMS)", pack_command},
      {"install", "install [--browser NAME]... [--system]", "register the host with your browsers",
       installer::run_install},
      {"uninstall", "uninstall [--browser NAME]... [--system]", "remove the host's registration",
       installer::run_uninstall},
      {"doctor", "doctor [--json] [--browser NAME]...", "check each browser's registration and start the host",
       installer::run_doctor},
      {"version", "version", "print the version", version_command},
      {"help", "help", "print this help", help_command},
  };
  return table;
}

}  // namespace

int run(const std::vector<std::string>& args) {
  // Alone on a terminal, or asked with --help / -h / --version: the help or the version, as the commands say them.
  std::string name = args.empty() ? "help" : args[0];
  if (name == "--help" || name == "-h") name = "help";
  if (name == "--version") name = "version";
  const auto& table = commands();
  const auto command = std::find_if(table.begin(), table.end(), [&](const Command& c) { return c.name == name; });
  if (command == table.end()) {
    std::cerr << "notrain-host: unknown command \"" << name << "\". Run notrain-host help.\n";
    return 2;
  }
  try {
    return command->run(args.empty() ? Words{} : Words(args.begin() + 1, args.end()));
  } catch (const UsageError& error) {
    std::cerr << "notrain-host " << command->name << ": " << error.what() << "\nUsage: notrain-host "
              << command->usage << '\n';
    return 2;
  } catch (const OutputError& error) {
    std::cerr << "notrain-host " << command->name << ": " << error.what() << '\n';
    return 1;
  } catch (const SQLite::Exception& error) {
    std::cerr << "notrain-host: the database could not be read: " << describe_storage_error(error) << '\n';
    return 1;
  } catch (const std::exception& error) {
    std::cerr << "notrain-host: " << error.what() << '\n';
    return 1;
  }
}

}  // namespace notrain::cli
