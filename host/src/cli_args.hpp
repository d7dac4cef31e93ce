// A small reader for a subcommand's words: flags, options with a value, positional words. Unknown
// flags are an error that names them.
#pragma once
#include <optional>
#include <stdexcept>
#include <string>
#include <vector>

namespace notrain::cli {

class UsageError : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};

class ArgReader {
 public:
  explicit ArgReader(std::vector<std::string> args) : args_(std::move(args)) {}

  // True (and consumed) when the flag is present.
  bool flag(const std::string& name);
  // The value after `--name VALUE` or in `--name=VALUE`.
  std::optional<std::string> option(const std::string& name);
  // The remaining words; throws UsageError if an unknown --switch is left.
  std::vector<std::string> positionals() const;

 private:
  std::vector<std::string> args_;
};

}  // namespace notrain::cli
