#include <notrain/identity.hpp>

#include "handlers.hpp"
#include "params.hpp"

namespace notrain {

void add_session_handlers(protocol::Dispatcher& dispatcher, HostContext& context) {
  // Neither method opens the database: they are what the browser waits for at every start.
  dispatcher.add("hello", [&context](const nlohmann::json& params) -> nlohmann::json {
    Params(params, {});
    return {{"name", identity::kProgramName},
            {"version", identity::kVersion},
            {"protocol", identity::kProtocolVersion},
            {"database", context.store.path().string()}};
  });
  dispatcher.add("ping", [](const nlohmann::json& params) -> nlohmann::json {
    Params(params, {});
    return {{"pong", true}};
  });
}

protocol::Dispatcher make_dispatcher(HostContext& context) {
  protocol::Dispatcher dispatcher;
  add_session_handlers(dispatcher, context);
  add_profile_handlers(dispatcher, context);
  add_confirmation_handlers(dispatcher, context);
  add_evidence_handlers(dispatcher, context);
  return dispatcher;
}

}  // namespace notrain
