// The host's command line: people read and export their stored confirmations with it, and register
// the host with their browsers. Subcommands are looked up in one table.
#pragma once
#include <string>
#include <vector>

namespace notrain::cli {

int run(const std::vector<std::string>& args);

}  // namespace notrain::cli
