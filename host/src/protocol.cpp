#include "protocol.hpp"

#include <SQLiteCpp/Exception.h>
#include <sqlite3.h>

#include "framing.hpp"
#include "storage_error.hpp"

namespace notrain::protocol {
namespace {

class TooDeep : public std::exception {};

bool is_valid_id(const Json& id) {
  return id.is_string() || id.is_number_integer() || id.is_number_unsigned() || id.is_null();
}

std::string describe_storage_error(const SQLite::Exception& error) {
  switch (error.getErrorCode() & 0xFF) {
    case SQLITE_FULL:
      return "The disk is full: the confirmation was not saved. Free some space and try again.";
    case SQLITE_READONLY:
    case SQLITE_PERM:
    case SQLITE_CANTOPEN:
      return std::string("NoTrain's database cannot be written (") + error.what() +
             "). Check the permissions of its folder.";
    case SQLITE_CORRUPT:
    case SQLITE_NOTADB:
      return "NoTrain's database is damaged. It was left as it is; run `notrain-host verify`.";
    case SQLITE_BUSY:
    case SQLITE_LOCKED:
      return "NoTrain's database stayed busy for too long; please try again.";
    default:
      return std::string("NoTrain's database failed: ") + error.what();
  }
}

// A reference into the request: params can hold a screenshot of megabytes, which is not copied.
const Json& checked_params(const Json& request) {
  static const Json kNoParams = Json::object();
  const auto found = request.find("params");
  if (found == request.end() || found->is_null()) return kNoParams;
  if (!found->is_object()) {
    throw RpcError(ErrorCode::InvalidParams, "The parameters must be an object of named values.");
  }
  return *found;
}

}  // namespace

namespace {

// nlohmann's own DOM builder, with a depth count on the way in: deeper input is refused while parsing, before it
// is built. (A parse callback would do the same, but then nlohmann scans the parent container again after every
// element it ends: quadratic in the number of elements, hours for a 64 MiB message of empty objects.)
class DepthLimitedBuilder {
 public:
  explicit DepthLimitedBuilder(Json& result) : dom_(result, true) {}

  bool null() { return dom_.null(); }
  bool boolean(bool value) { return dom_.boolean(value); }
  bool number_integer(Json::number_integer_t value) { return dom_.number_integer(value); }
  bool number_unsigned(Json::number_unsigned_t value) { return dom_.number_unsigned(value); }
  bool number_float(Json::number_float_t value, const Json::string_t& text) { return dom_.number_float(value, text); }
  bool string(Json::string_t& value) { return dom_.string(value); }
  bool binary(Json::binary_t& value) { return dom_.binary(value); }
  bool key(Json::string_t& value) { return dom_.key(value); }
  bool start_object(std::size_t size) { return deeper() && dom_.start_object(size); }
  bool end_object() { return --depth_, dom_.end_object(); }
  bool start_array(std::size_t size) { return deeper() && dom_.start_array(size); }
  bool end_array() { return --depth_, dom_.end_array(); }
  bool parse_error(std::size_t position, const std::string& token, const nlohmann::detail::exception& error) {
    return dom_.parse_error(position, token, error);
  }

 private:
  bool deeper() {
    if (++depth_ > kMaxDepth) throw TooDeep();
    return true;
  }
  nlohmann::detail::json_sax_dom_parser<Json> dom_;
  int depth_ = 0;
};

}  // namespace

Json parse_request_body(std::string_view body) {
  // A raw NUL byte is never JSON (a string holds it escaped); nlohmann would take it for the end of the input and
  // accept whatever follows it.
  if (body.find('\0') != std::string_view::npos) {
    throw RpcError(ErrorCode::ParseError, "The message is not valid JSON in UTF-8: it holds a NUL byte.");
  }
  try {
    Json result;
    DepthLimitedBuilder builder(result);
    Json::sax_parse(body.begin(), body.end(), &builder, nlohmann::detail::input_format_t::json, true);
    return result;
  } catch (const TooDeep&) {
    throw RpcError(ErrorCode::InvalidRequest,
                   "The message is nested more than " + std::to_string(kMaxDepth) + " levels deep.",
                   {{"max_depth", kMaxDepth}});
  } catch (const Json::exception& error) {
    // Mostly parse_error; a number too large for any type is out_of_range (406), found by the fuzzer.
    throw RpcError(ErrorCode::ParseError,
                   std::string("The message is not valid JSON in UTF-8: ") + error.what());
  }
}

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

Json Dispatcher::call(const std::string& method, const Json& params) const {
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
    request = parse_request_body(body);
  } catch (const RpcError& error) {
    return serialize_reply(error_reply(nullptr, error));
  }
  std::string().swap(body);
  return answer(request);
}

std::optional<std::string> Dispatcher::answer(const Json& request) const {
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
