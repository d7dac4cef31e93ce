// Entry points of the three registration subcommands. `args` are the words after the subcommand.
// Human text goes to stdout, errors to stderr; the result is the process exit status
// (0 success, 1 failure, 2 wrong usage).
#pragma once
#include <string>
#include <vector>

namespace notrain::installer {

int run_install(const std::vector<std::string>& args);
int run_uninstall(const std::vector<std::string>& args);
int run_doctor(const std::vector<std::string>& args);

}  // namespace notrain::installer
