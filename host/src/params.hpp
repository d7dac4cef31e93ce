// Reads a method's named parameters exactly: unknown names are refused, every value is checked for
// its type. A missing or mistyped parameter is -32602; a value of the right type that is not valid
// (an e-mail that is not one) is for the handler to refuse with 1001. Both name the field.
#pragma once
#include <cstdint>
#include <initializer_list>
#include <optional>
#include <string>
#include <string_view>

#include <nlohmann/json.hpp>

namespace notrain {

class Params {
 public:
  Params(const nlohmann::json& params, std::initializer_list<std::string_view> allowed);

  std::string required_string(const std::string& name) const;
  // Absent and null read as nullopt.
  std::optional<std::string> optional_string(const std::string& name) const;
  // The same without a copy, for values of megabytes (a screenshot): valid while the params live.
  std::optional<std::string_view> optional_string_view(const std::string& name) const;
  std::int64_t required_integer(const std::string& name, std::int64_t min, std::int64_t max) const;
  std::int64_t integer_or(const std::string& name, std::int64_t fallback, std::int64_t min, std::int64_t max) const;
  // The object itself, or nullptr when absent or null.
  const nlohmann::json* optional_object(const std::string& name) const;
  const nlohmann::json& required_object(const std::string& name) const;

 private:
  const nlohmann::json* find(const std::string& name) const;

  const nlohmann::json& params_;
};

}  // namespace notrain
