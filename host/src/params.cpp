#include "params.hpp"

#include <algorithm>

#include "rpc_error.hpp"

namespace notrain {
namespace {

RpcError wrong_type(const std::string& name, const std::string& expected) {
  return RpcError(ErrorCode::InvalidParams, "The parameter \"" + name + "\" must be " + expected + ".",
                  {{"field", name}});
}

RpcError missing(const std::string& name) {
  return RpcError(ErrorCode::InvalidParams, "The parameter \"" + name + "\" is missing.", {{"field", name}});
}

}  // namespace

Params::Params(const nlohmann::json& params, std::initializer_list<std::string_view> allowed) : params_(params) {
  for (const auto& [name, value] : params.items()) {
    if (std::find(allowed.begin(), allowed.end(), name) == allowed.end()) {
      throw RpcError(ErrorCode::InvalidParams, "Unknown parameter \"" + name + "\".", {{"field", name}});
    }
  }
}

const nlohmann::json* Params::find(const std::string& name) const {
  const auto found = params_.find(name);
  if (found == params_.end() || found->is_null()) return nullptr;
  return &*found;
}

std::string Params::required_string(const std::string& name) const {
  const auto value = optional_string(name);
  if (!value) throw missing(name);
  return *value;
}

std::optional<std::string> Params::optional_string(const std::string& name) const {
  const auto view = optional_string_view(name);
  if (!view) return std::nullopt;
  return std::string(*view);
}

std::optional<std::string_view> Params::optional_string_view(const std::string& name) const {
  const nlohmann::json* value = find(name);
  if (value == nullptr) return std::nullopt;
  if (!value->is_string()) throw wrong_type(name, "a text");
  return std::string_view(value->get_ref<const std::string&>());
}

std::int64_t Params::required_integer(const std::string& name, std::int64_t min, std::int64_t max) const {
  if (find(name) == nullptr) throw missing(name);
  return integer_or(name, min, min, max);
}

std::int64_t Params::integer_or(const std::string& name, std::int64_t fallback, std::int64_t min,
                                std::int64_t max) const {
  const nlohmann::json* value = find(name);
  if (value == nullptr) return fallback;
  const std::string range = "a whole number from " + std::to_string(min) + " to " + std::to_string(max);
  if (!value->is_number_integer()) throw wrong_type(name, range);
  if (value->is_number_unsigned() && value->get<std::uint64_t>() > static_cast<std::uint64_t>(max)) {
    throw invalid_field(name, "\"" + name + "\" must be " + range + ".");
  }
  const auto number = value->get<std::int64_t>();
  if (number < min || number > max) throw invalid_field(name, "\"" + name + "\" must be " + range + ".");
  return number;
}

const nlohmann::json* Params::optional_object(const std::string& name) const {
  const nlohmann::json* value = find(name);
  if (value != nullptr && !value->is_object()) throw wrong_type(name, "an object");
  return value;
}

const nlohmann::json& Params::required_object(const std::string& name) const {
  const nlohmann::json* value = optional_object(name);
  if (value == nullptr) throw missing(name);
  return *value;
}

}  // namespace notrain
