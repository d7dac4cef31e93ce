// The error codes of NoTrain's JSON-RPC protocol and the exception that carries one to the reply.
#pragma once
#include <nlohmann/json.hpp>
#include <stdexcept>
#include <string>

namespace notrain {

enum class ErrorCode : int {
  ParseError = -32700,
  InvalidRequest = -32600,
  MethodNotFound = -32601,
  InvalidParams = -32602,
  InternalError = -32603,
  InvalidField = 1001,
  NotFound = 1002,
  StorageFailure = 1003,
  CallerNotAllowed = 1004,
  MessageTooLarge = 1005,
};

// Thrown by handlers and validators; the dispatcher turns it into an `error` member. The message is
// written for a person: the extension shows it as it is.
class RpcError : public std::runtime_error {
 public:
  RpcError(ErrorCode code, const std::string& message, nlohmann::json data = nullptr)
      : std::runtime_error(message), code_(code), data_(std::move(data)) {}

  ErrorCode code() const { return code_; }
  const nlohmann::json& data() const { return data_; }

 private:
  ErrorCode code_;
  nlohmann::json data_;
};

inline RpcError invalid_field(const std::string& field, const std::string& message) {
  return RpcError(ErrorCode::InvalidField, message, {{"field", field}});
}

inline RpcError storage_failure(const std::string& message) { return RpcError(ErrorCode::StorageFailure, message); }

}  // namespace notrain
