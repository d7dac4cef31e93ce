// The command line's one parser: every command is a CLI11 subcommand of `notrain-host`, its help generated from the
// options it declares, and this is the one place where a wrong word becomes a sentence and exit status 2.
#pragma once
#include <functional>
#include <string>
#include <string_view>
#include <vector>

#include <CLI/CLI.hpp>

#include "usage_error.hpp"

namespace notrain::cli {

// What runs once a command's words are parsed; returns the exit status.
using Action = std::function<int()>;
// Declares a command's options on its CLI11 app and returns its action (which owns what the options fill in).
using Declaration = std::function<Action(CLI::App&)>;

class Parser {
 public:
  // `description` heads `notrain-host help`; `footer` (computed when the help is shown) ends it.
  Parser(std::string description, std::function<std::string()> footer);

  void add(const std::string& name, const std::string& summary, const Declaration& declare);
  // Parses the words after the program's name and runs the chosen command: its exit status, 0 after a help,
  // 2 after a usage error, 1 after any other error (each said on stderr). No command: `none` runs.
  int run(const std::vector<std::string>& args, const Action& none);
  // The root app, for options before the command (--version).
  CLI::App& app() { return app_; }
  // The program's help: every command with its words.
  std::string help() const;

 private:
  CLI::App app_;
  std::vector<std::pair<CLI::App*, Action>> actions_;
};

// An option whose value is one of `words`: the help shows them as a|b|c, any other value is a usage error naming
// them ("json or csv").
CLI::Option* one_of(CLI::Option* option, const std::vector<std::string>& words);

// "a, b or c", as errors and help name a choice.
std::string in_words(const std::vector<std::string>& words, std::string_view last_joint = " or ");

}  // namespace notrain::cli
