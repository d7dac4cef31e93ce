// A wrong word on the command line that only a command can see (a receipt that cannot be read, a browser without
// that folder): cli::Parser reports it like CLI11's own errors, with the command's usage and exit status 2.
#pragma once
#include <stdexcept>

namespace notrain::cli {

class UsageError : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};

}  // namespace notrain::cli
