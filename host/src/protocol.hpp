// JSON-RPC 2.0 over frames: turns one request body into at most one reply body. It checks the
// envelope, limits nesting, looks the method up in a table and maps every failure to an error code.
#pragma once
#include <functional>
#include <map>
#include <optional>
#include <string>
#include <string_view>

#include <nlohmann/json.hpp>

#include "request_parser.hpp"
#include "rpc_error.hpp"

namespace notrain::protocol {

using Json = nlohmann::json;
// Handlers may take large values out of their params (a screenshot) rather than copy them.
using Handler = std::function<Json(Json& params)>;

Json error_reply(const Json& id, const RpcError& error);
// Serialises a reply; one that would exceed a frame becomes a MessageTooLarge error instead.
std::string serialize_reply(const Json& reply);

class Dispatcher {
 public:
  void add(std::string method, Handler handler);
  // The reply to send, or nullopt for a notification (a request without id).
  std::optional<std::string> handle(std::string_view body) const;
  // The same for a frame the host owns: its largest plain string (a screenshot's data URL) becomes that value's
  // buffer and the rest is freed once parsed (request_parser.hpp), so the megabytes are held once.
  std::optional<std::string> handle_frame(std::string&& body) const;
  Json call(const std::string& method, Json& params) const;

 private:
  std::optional<std::string> answer(Json& request) const;

  std::map<std::string, Handler, std::less<>> handlers_;
};

}  // namespace notrain::protocol
