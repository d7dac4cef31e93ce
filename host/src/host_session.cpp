#include "host_session.hpp"

#include <iostream>

#include "framing.hpp"
#include "handlers.hpp"

namespace notrain {
namespace {

// Diagnostics go to stderr: stdout carries nothing but frames.
void report(const std::string& message) { std::cerr << "notrain-host: " << message << '\n'; }

std::string error_frame_body(ErrorCode code, const std::string& message, nlohmann::json data = nullptr) {
  return protocol::serialize_reply(protocol::error_reply(nullptr, RpcError(code, message, std::move(data))));
}

}  // namespace

int serve_browser(int in_fd, int out_fd, const std::filesystem::path& database) {
  HostContext context{LazyStore(database)};
  const protocol::Dispatcher dispatcher = make_dispatcher(context);
  framing::FrameReader reader(framing::fd_source(in_fd));
  for (;;) {
    framing::ReadResult frame = reader.next();
    switch (frame.status) {
      case framing::ReadStatus::Frame:
        if (const auto reply = dispatcher.handle_frame(std::move(frame.body))) {
          if (!framing::write_frame(out_fd, *reply)) {
            report("the browser closed the connection before the reply was written");
            return 1;
          }
        }
        break;
      case framing::ReadStatus::EndOfInput: return 0;
      case framing::ReadStatus::TruncatedHeader:
      case framing::ReadStatus::TruncatedBody:
        report("the input ended in the middle of a message; it was ignored");
        return 1;
      case framing::ReadStatus::ReadError: report("reading from the browser failed"); return 1;
      case framing::ReadStatus::TooLarge:
        // The rest of the stream cannot be trusted to be in step: answer, then stop.
        framing::write_frame(
            out_fd,
            error_frame_body(ErrorCode::MessageTooLarge, "The message is larger than the 64 MiB NoTrain accepts.",
                             {{"size", frame.announced_length}, {"max_size", framing::kMaxInputFrame}}));
        report("refused a message of " + std::to_string(frame.announced_length) + " bytes");
        return 1;
    }
  }
}

int refuse_caller(int out_fd, const std::string& caller) {
  framing::write_frame(out_fd, error_frame_body(ErrorCode::CallerNotAllowed,
                                                "This host serves only the NoTrain extension.", {{"caller", caller}}));
  report("refused caller " + caller);
  return 3;
}

}  // namespace notrain
