// The three registration subcommands, declared on the host's command line (cli::Parser). Each can also run alone
// with the words after its name, as the tests run them. Human text goes to stdout, errors to stderr; the result
// is the process exit status (0 success, 1 failure, 2 wrong usage).
#pragma once
#include <string>
#include <vector>

#include "installer/browsers.hpp"

namespace notrain::cli {
class Parser;
}  // namespace notrain::cli

namespace notrain::installer {

struct Options;

void add_commands(cli::Parser& parser);

int run_install(const std::vector<std::string>& args);
int run_uninstall(const std::vector<std::string>& args);
int run_doctor(const std::vector<std::string>& args);

// The commands themselves, once their options are parsed and the platform and environment are known.
int install(const Options& options, Platform platform, const Environment& env);
int uninstall(const Options& options, Platform platform, const Environment& env);
int doctor(const Options& options, Platform platform, const Environment& env);

}  // namespace notrain::installer
