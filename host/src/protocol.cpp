#include "protocol.hpp"

#include <SQLiteCpp/Exception.h>

#include "framing.hpp"
#include "storage_error.hpp"
#include "store.hpp"

namespace notrain::protocol {
namespace {

bool is_valid_id(const Json& id) {
  return id.is_string() || id.is_number_integer() || id.is_number_unsigned() || id.is_null();
}

// A reference into the request: params can hold a screenshot of megabytes, which is not copied. Absent params
// read as an empty object.
Json& checked_params(Json& request) {
  Json& params = request["params"];
  if (params.is_null()) params = Json::object();
  if (!params.is_object()) {
    throw RpcError(ErrorCode::InvalidParams, "The parameters must be an object of named values.");
  }
  return params;
}

}  // namespace

Json error_reply(const Json& id, const RpcError& error) {
  Json body = {{"code", static_cast<int>(error.code())}, {"message", error.what()}};
  if (!error.data().is_null()) body["data"] = error.data();
  return {{"jsonrpc", "2.0"}, {"id", id}, {"error", std::move(body)}};
}

std::string serialize_reply(const Json& reply) {
  std::string text = reply.dump(-1, ' ', false, Json::error_handler_t::replace);
  if (text.size() <= framing::kMaxOutputFrame) return text;
  const RpcError too_large(ErrorCode::MessageTooLarge,
                           "The answer is too large for one browser message; ask for less at a time.",
                           {{"size", text.size()}, {"max_size", framing::kMaxOutputFrame}});
  return error_reply(reply.value("id", Json()), too_large).dump();
}

void Dispatcher::add(std::string method, Handler handler) {
  handlers_.insert_or_assign(std::move(method), std::move(handler));
}

Json Dispatcher::call(const std::string& method, Json& params) const {
  const auto found = handlers_.find(method);
  if (found == handlers_.end()) {
    throw RpcError(ErrorCode::MethodNotFound, "NoTrain's host has no method named \"" + method + "\".",
                   {{"method", method}});
  }
  try {
    return found->second(params);
  } catch (const RpcError&) {
    throw;
  } catch (const SQLite::Exception& error) {
    throw storage_failure(describe_storage_error(error));
  } catch (const StorageError& error) {
    throw storage_failure(error.what());
  } catch (const std::bad_alloc&) {
    throw RpcError(ErrorCode::InternalError, "NoTrain's host ran out of memory for this request.");
  } catch (const std::exception& error) {
    throw RpcError(ErrorCode::InternalError, std::string("NoTrain's host failed: ") + error.what());
  }
}

std::optional<std::string> Dispatcher::handle(std::string_view body) const {
  Json request;
  try {
    request = parse_request_body(body);
  } catch (const RpcError& error) {
    return serialize_reply(error_reply(nullptr, error));
  }
  return answer(request);
}

std::optional<std::string> Dispatcher::handle_frame(std::string&& body) const {
  Json request;
  try {
    request = parse_request_frame(std::move(body));
  } catch (const RpcError& error) {
    return serialize_reply(error_reply(nullptr, error));
  }
  return answer(request);
}

std::optional<std::string> Dispatcher::answer(Json& request) const {
  // Only a valid Request without an id is a notification (JSON-RPC 2.0, section 4.1): any other object that is not
  // a valid Request is answered -32600, with its id when it had a valid one, else null (section 5).
  Json id = nullptr;
  bool is_notification = false;
  try {
    if (!request.is_object()) {
      throw RpcError(ErrorCode::InvalidRequest,
                     "The message must be a JSON-RPC request object (batches are not supported).");
    }
    const auto id_member = request.find("id");
    if (id_member != request.end()) {
      if (!is_valid_id(*id_member)) {
        throw RpcError(ErrorCode::InvalidRequest, "The request id must be a string, an integer or null.");
      }
      id = *id_member;
    }
    const auto version = request.find("jsonrpc");
    if (version == request.end() || *version != "2.0") {
      throw RpcError(ErrorCode::InvalidRequest, "The request must say \"jsonrpc\": \"2.0\".");
    }
    const auto method = request.find("method");
    if (method == request.end() || !method->is_string()) {
      throw RpcError(ErrorCode::InvalidRequest, "The request has no method name.");
    }
    is_notification = id_member == request.end();
    Json result = call(method->get<std::string>(), checked_params(request));
    if (is_notification) return std::nullopt;
    return serialize_reply({{"jsonrpc", "2.0"}, {"id", id}, {"result", std::move(result)}});
  } catch (const RpcError& error) {
    if (is_notification) return std::nullopt;
    return serialize_reply(error_reply(id, error));
  }
}

}  // namespace notrain::protocol
