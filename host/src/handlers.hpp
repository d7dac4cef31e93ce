// The methods of protocol 1, registered in one table. One file per family:
// handlers_session.cpp (hello, ping), handlers_profile.cpp, handlers_confirmation.cpp, handlers_evidence.cpp (with the
// prepared downloads).
#pragma once
#include <cstdint>
#include <limits>
#include <optional>
#include <string>
#include <utility>

#include "download.hpp"
#include "protocol.hpp"
#include "store.hpp"

namespace notrain {

struct HostContext {
  explicit HostContext(LazyStore lazy_store) : store(std::move(lazy_store)) {}

  LazyStore store;
  // The export or evidence pack the extension is reading in pieces (one at a time).
  std::optional<PreparedDownload> download;
};

// The largest confirmation number or offset a request may name.
inline constexpr std::int64_t kMaxId = std::numeric_limits<std::int64_t>::max();

// "No stored confirmation has the number N." (1002, with the id).
inline RpcError confirmation_not_found(std::int64_t id) {
  return RpcError(ErrorCode::NotFound, "No stored confirmation has the number " + std::to_string(id) + ".",
                  {{"id", id}});
}

void add_session_handlers(protocol::Dispatcher& dispatcher, HostContext& context);
void add_profile_handlers(protocol::Dispatcher& dispatcher, HostContext& context);
void add_confirmation_handlers(protocol::Dispatcher& dispatcher, HostContext& context);
void add_evidence_handlers(protocol::Dispatcher& dispatcher, HostContext& context);

// Every method of protocol 1.
protocol::Dispatcher make_dispatcher(HostContext& context);

}  // namespace notrain
