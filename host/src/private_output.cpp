#include "private_output.hpp"

#include <cerrno>
#include <cstdlib>
#include <cstring>
#include <ext/stdio_filebuf.h>
#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

namespace notrain {

namespace fs = std::filesystem;

namespace {

std::string why(int error) { return std::strerror(error); }

void check_target(const fs::path& target) {
  std::error_code error;
  const fs::path folder = target.parent_path().empty() ? fs::path(".") : target.parent_path();
  const auto folder_status = fs::status(folder, error);
  if (error || !fs::exists(folder_status)) {
    throw OutputError("cannot write " + target.string() + ": the folder " + folder.string() + " does not exist.");
  }
  if (!fs::is_directory(folder_status)) {
    throw OutputError("cannot write " + target.string() + ": " + folder.string() + " is not a folder.");
  }
  if (fs::is_directory(fs::symlink_status(target, error)) || fs::is_directory(fs::status(target, error))) {
    throw OutputError("cannot write " + target.string() + ": it is a folder; give a file name, such as " +
                      (target / "notrain-export.json").string() + ".");
  }
}

}  // namespace

struct PrivateOutput::Impl {
  fs::path target;
  std::string temporary;
  int fd = -1;
  std::unique_ptr<__gnu_cxx::stdio_filebuf<char>> buffer;
  std::unique_ptr<std::ostream> out;
  bool committed = false;
};

PrivateOutput::PrivateOutput(const fs::path& target) : impl_(std::make_unique<Impl>()) {
  check_target(target);
  impl_->target = target;
  const fs::path folder = target.parent_path().empty() ? fs::path(".") : target.parent_path();
  impl_->temporary = (folder / ("." + target.filename().string() + ".XXXXXX")).string();
  // mkstemp: O_CREAT | O_EXCL (a link or a file already at that name makes it fail, never followed), mode 0600.
  impl_->fd = ::mkstemp(impl_->temporary.data());
  if (impl_->fd < 0) {
    throw OutputError("cannot write in the folder " + folder.string() + ": " + why(errno) + ".");
  }
  ::fchmod(impl_->fd, S_IRUSR | S_IWUSR);
  impl_->buffer = std::make_unique<__gnu_cxx::stdio_filebuf<char>>(impl_->fd, std::ios::out, 64 * 1024);
  impl_->out = std::make_unique<std::ostream>(impl_->buffer.get());
}

PrivateOutput::~PrivateOutput() {
  if (!impl_ || impl_->committed) return;
  impl_->out.reset();
  impl_->buffer.reset();  // closes the descriptor
  ::unlink(impl_->temporary.c_str());
}

std::ostream& PrivateOutput::stream() { return *impl_->out; }

int PrivateOutput::descriptor() const { return impl_->fd; }

void PrivateOutput::commit() {
  impl_->out->flush();
  const bool written = static_cast<bool>(*impl_->out) && ::fsync(impl_->fd) == 0;
  const int error = errno;
  impl_->out.reset();
  impl_->buffer.reset();  // closes the descriptor
  if (!written) {
    ::unlink(impl_->temporary.c_str());
    impl_->committed = true;
    throw OutputError("writing " + impl_->target.string() + " failed (" + why(error) + "; is the disk full?); " +
                      "nothing was changed.");
  }
  if (::rename(impl_->temporary.c_str(), impl_->target.c_str()) != 0) {
    const int saved = errno;
    ::unlink(impl_->temporary.c_str());
    impl_->committed = true;
    throw OutputError("cannot replace " + impl_->target.string() + ": " + why(saved) + ".");
  }
  impl_->committed = true;
}

}  // namespace notrain
