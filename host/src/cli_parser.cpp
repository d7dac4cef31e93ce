#include "cli_parser.hpp"

#include <algorithm>
#include <iostream>
#include <memory>

#include <SQLiteCpp/Exception.h>

#include "store.hpp"

namespace notrain::cli {
namespace {

constexpr std::string_view kProgram = "notrain-host";
constexpr std::size_t kSynopsisColumn = 46;

// A command's words as its options declare them: "ID [--json]", "[--browser NAME]... [--system]".
std::string synopsis(const CLI::App& command) {
  std::string text;
  for (const CLI::Option* option : command.get_options()) {
    if (option == command.get_help_ptr() || option->get_name().empty()) continue;
    std::string word = option->get_name();
    if (!option->get_positional() && !option->get_type_name().empty()) {
      word += ' ';
      word += option->get_type_name();
    }
    if (!option->get_required()) word.insert(0, 1, '[').push_back(']');
    if (option->get_expected_max() > 1) word += "...";  // repeated, one value each time
    text += ' ';
    text += word;
  }
  return text;
}

// The layout people had before CLI11 wrote the help: one line per command with its words, then the database.
class Formatter : public CLI::Formatter {
 public:
  std::string make_help(const CLI::App* app, std::string name, CLI::AppFormatMode mode) const override {
    if (app->get_parent() != nullptr) return CLI::Formatter::make_help(app, std::move(name), mode);
    std::string text = app->get_description() + "\n\n";
    for (const CLI::App* command : app->get_subcommands({})) text += make_subcommand(command);
    return text + "\n" + make_footer(app);
  }

  std::string make_subcommand(const CLI::App* command) const override {
    std::string line = "  " + std::string(kProgram) + " " + command->get_name() + synopsis(*command);
    // A long synopsis gets its summary on the next line, in the same column.
    if (line.size() + 2 > kSynopsisColumn) line += "\n" + std::string(kSynopsisColumn, ' ');
    else line.resize(kSynopsisColumn, ' ');
    return line + command->get_description() + "\n";
  }

  std::string make_usage(const CLI::App* app, std::string name) const override {
    return "Usage: " + name + synopsis(*app) + "\n";
  }
};

// CLI11's sentence, except for words it did not expect, which it lists without saying what they were taken for.
std::string explain(const CLI::ParseError& error, const CLI::App& root, const CLI::App* command) {
  if (dynamic_cast<const CLI::ExtrasError*>(&error) == nullptr) return error.what();
  const bool at_root = command == nullptr || !root.remaining().empty();
  const std::vector<std::string> extras = at_root ? root.remaining() : command->remaining();
  if (extras.empty()) return error.what();
  const std::string& word = extras.front();
  if (word.starts_with("-")) return "unknown option " + word;
  return (at_root ? "unknown command \"" : "unexpected word \"") + word + "\"";
}

}  // namespace

std::string in_words(const std::vector<std::string>& words, std::string_view last_joint) {
  std::string text;
  for (std::size_t i = 0; i < words.size(); ++i) {
    if (i > 0) text += i + 1 == words.size() ? last_joint : ", ";
    text += words[i];
  }
  return text;
}

CLI::Option* one_of(CLI::Option* option, const std::vector<std::string>& words) {
  std::string names;
  for (const std::string& word : words) names += (names.empty() ? "" : "|") + word;
  const auto check = [words](const std::string& value) -> std::string {
    if (std::find(words.begin(), words.end(), value) != words.end()) return "";
    return "\"" + value + "\" is not " + in_words(words);
  };
  return option->type_name(names)->check(CLI::Validator(check, ""));
}

Parser::Parser(std::string description, std::function<std::string()> footer)
    : app_(std::move(description), std::string(kProgram)) {
  app_.formatter(std::make_shared<Formatter>());
  app_.footer(std::move(footer));
  app_.require_subcommand(0, 1);
}

void Parser::add(const std::string& name, const std::string& summary, const Declaration& declare) {
  CLI::App* command = app_.add_subcommand(name, summary);
  actions_.emplace_back(command, declare(*command));
}

std::string Parser::help() const {
  return app_.get_formatter()->make_help(&app_, std::string(kProgram), CLI::AppFormatMode::Normal);
}

int Parser::run(const std::vector<std::string>& args, const Action& none) {
  const auto chosen = [this]() -> CLI::App* {
    const std::vector<CLI::App*> parsed = app_.get_subcommands();
    return parsed.empty() ? nullptr : parsed.front();
  };
  const auto who = [&] {
    const CLI::App* command = chosen();
    return std::string(kProgram) + (command ? " " + command->get_name() : "");
  };
  const auto usage_error = [&](const std::string& message) {
    const CLI::App* command = chosen();
    std::cerr << who() << ": " << message << '\n';
    if (command) std::cerr << "Usage: " << who() << synopsis(*command) << '\n';
    else std::cerr << "Run " << kProgram << " help.\n";
    return 2;
  };
  try {
    std::vector<std::string> words(args.rbegin(), args.rend());  // CLI11 takes them last first
    app_.parse(words);
    const CLI::App* command = chosen();
    const auto found =
        std::find_if(actions_.begin(), actions_.end(), [&](const auto& entry) { return entry.first == command; });
    return found == actions_.end() ? none() : found->second();
  } catch (const CLI::CallForHelp&) {
    std::cout << app_.help();
    return 0;
  } catch (const CLI::ParseError& error) {
    return usage_error(explain(error, app_, chosen()));
  } catch (const UsageError& error) {
    return usage_error(error.what());
  } catch (const SQLite::Exception& error) {
    std::cerr << who() << ": the database could not be read: " << describe_storage_error(error) << '\n';
    return 1;
  } catch (const std::exception& error) {
    std::cerr << who() << ": " << error.what() << '\n';
    return 1;
  }
}

}  // namespace notrain::cli
