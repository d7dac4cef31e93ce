#include "cli_args.hpp"

#include <algorithm>

namespace notrain::cli {

bool ArgReader::flag(const std::string& name) {
  const auto found = std::find(args_.begin(), args_.end(), name);
  if (found == args_.end()) return false;
  args_.erase(found);
  return true;
}

std::optional<std::string> ArgReader::option(const std::string& name) {
  for (auto it = args_.begin(); it != args_.end(); ++it) {
    if (*it == name) {
      if (std::next(it) == args_.end()) throw UsageError(name + " needs a value");
      std::string value = *std::next(it);
      args_.erase(it, std::next(it, 2));
      return value;
    }
    if (it->starts_with(name + "=")) {
      std::string value = it->substr(name.size() + 1);
      args_.erase(it);
      return value;
    }
  }
  return std::nullopt;
}

std::vector<std::string> ArgReader::positionals() const {
  for (const std::string& arg : args_) {
    if (arg.starts_with("--")) throw UsageError("unknown option " + arg);
  }
  return args_;
}

}  // namespace notrain::cli
