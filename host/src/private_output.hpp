// A file written for the user alone, replaced whole or not at all: the text goes to a temporary file created
// exclusively (never through a link planted at its name, never reusing someone else's file), mode 0600, in the
// target's own folder, and is renamed over the target only once it is complete and on disk. A target that is a
// folder, or in a folder that does not exist, is refused before anything is written.
#pragma once
#include <filesystem>
#include <memory>
#include <ostream>
#include <stdexcept>
#include <string>

namespace notrain {

// A sentence for the user: which file or folder, and why.
class OutputError : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};

class PrivateOutput {
 public:
  // Throws OutputError when `target` cannot be written (a folder, a missing folder, no permission).
  explicit PrivateOutput(const std::filesystem::path& target);
  ~PrivateOutput();
  PrivateOutput(const PrivateOutput&) = delete;
  PrivateOutput& operator=(const PrivateOutput&) = delete;

  std::ostream& stream();
  // The temporary file's descriptor, for writers that are not streams (the ZIP library); stream() unused then.
  int descriptor() const;
  // Flushes, syncs and renames the file over the target; throws OutputError (the target is then unchanged).
  void commit();

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

}  // namespace notrain
