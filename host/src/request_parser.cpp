#include "request_parser.hpp"

#include <random>

#include "rpc_error.hpp"

namespace notrain::protocol {
namespace {

using Json = nlohmann::json;

struct OverLimit {
  const char* what;
};

// nlohmann's own DOM builder, counting depth and values on the way in. (A parse callback would do the same, but
// then nlohmann scans the parent container again after every element it ends: quadratic in the number of
// elements, hours for a 64 MiB message of empty objects.)
class LimitedBuilder {
 public:
  explicit LimitedBuilder(Json& result) : dom_(result, true) {}

  bool null() { return one_more() && dom_.null(); }
  bool boolean(bool value) { return one_more() && dom_.boolean(value); }
  bool number_integer(Json::number_integer_t value) { return one_more() && dom_.number_integer(value); }
  bool number_unsigned(Json::number_unsigned_t value) { return one_more() && dom_.number_unsigned(value); }
  bool number_float(Json::number_float_t value, const Json::string_t& text) {
    return one_more() && dom_.number_float(value, text);
  }
  bool string(Json::string_t& value) { return one_more() && dom_.string(value); }
  bool binary(Json::binary_t& value) { return one_more() && dom_.binary(value); }
  bool key(Json::string_t& value) { return dom_.key(value); }
  bool start_object(std::size_t size) { return one_more() && deeper() && dom_.start_object(size); }
  bool end_object() { return --depth_, dom_.end_object(); }
  bool start_array(std::size_t size) { return one_more() && deeper() && dom_.start_array(size); }
  bool end_array() { return --depth_, dom_.end_array(); }
  bool parse_error(std::size_t position, const std::string& token, const nlohmann::detail::exception& error) {
    return dom_.parse_error(position, token, error);
  }

 private:
  bool deeper() {
    if (++depth_ > kMaxDepth) throw OverLimit{"depth"};
    return true;
  }
  bool one_more() {
    if (++values_ > kMaxValues) throw OverLimit{"values"};
    return true;
  }
  nlohmann::detail::json_sax_dom_parser<Json> dom_;
  int depth_ = 0;
  std::size_t values_ = 0;
};

RpcError over_limit(const OverLimit& limit) {
  if (std::string_view(limit.what) == "depth") {
    return RpcError(ErrorCode::InvalidRequest,
                    "The message is nested more than " + std::to_string(kMaxDepth) + " levels deep.",
                    {{"max_depth", kMaxDepth}});
  }
  return RpcError(ErrorCode::InvalidRequest, "The message holds more than " + std::to_string(kMaxValues) + " values.",
                  {{"max_values", kMaxValues}});
}

bool is_plain(char c) { return c >= 0x20 && c <= 0x7E; }
bool is_json_space(char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r'; }

// A marker no sender can guess, standing for the lifted string while the rest is parsed.
std::string unguessable_marker() {
  std::random_device source;
  std::string marker = "notrain-lifted-";
  for (int i = 0; i < 4; ++i) marker += std::to_string(source());
  return marker;
}

Json* find_string(Json& value, const std::string& wanted) {
  if (value.is_string()) return value.get_ref<const std::string&>() == wanted ? &value : nullptr;
  if (!value.is_structured()) return nullptr;
  for (Json& element : value) {
    if (Json* found = find_string(element, wanted)) return found;
  }
  return nullptr;
}

}  // namespace

std::optional<TextSpan> largest_plain_string(std::string_view text) {
  std::optional<TextSpan> largest;
  // Outside strings a quote can only open one, inside one only an unescaped quote closes it: so this finds the
  // strings the parser will find, as long as the text is JSON (when it is not, the parse says so anyway).
  for (std::size_t open = text.find('"'); open != std::string_view::npos;) {
    bool plain = true;
    std::size_t close = open + 1;
    for (; close < text.size() && text[close] != '"'; ++close) {
      if (text[close] == '\\') {
        plain = false;
        ++close;
      } else if (!is_plain(text[close])) {
        plain = false;
      }
    }
    if (close >= text.size()) break;
    std::size_t after = close + 1;
    while (after < text.size() && is_json_space(text[after])) ++after;
    const bool is_key = after < text.size() && text[after] == ':';
    const std::size_t length = close - (open + 1);
    if (plain && !is_key && length >= kLiftedStringMin && (!largest || length > largest->end - largest->begin)) {
      largest = TextSpan{open + 1, close};
    }
    open = text.find('"', close + 1);
  }
  return largest;
}

Json parse_request_body(std::string_view body) {
  // A raw NUL byte is never JSON (a string holds it escaped); nlohmann would take it for the end of the input and
  // accept whatever follows it.
  if (body.find('\0') != std::string_view::npos) {
    throw RpcError(ErrorCode::ParseError, "The message is not valid JSON in UTF-8: it holds a NUL byte.");
  }
  try {
    Json result;
    LimitedBuilder builder(result);
    Json::sax_parse(body.begin(), body.end(), &builder, nlohmann::detail::input_format_t::json, true);
    return result;
  } catch (const OverLimit& limit) {
    throw over_limit(limit);
  } catch (const Json::exception& error) {
    // Mostly parse_error; a number too large for any type is out_of_range (406), found by the fuzzer.
    throw RpcError(ErrorCode::ParseError, std::string("The message is not valid JSON in UTF-8: ") + error.what());
  }
}

Json parse_request_frame(std::string&& body) {
  const std::optional<TextSpan> lifted =
      body.find('\0') == std::string::npos ? largest_plain_string(body) : std::nullopt;
  if (!lifted) {
    Json request = parse_request_body(body);
    std::string().swap(body);
    return request;
  }
  const std::string marker = unguessable_marker();
  std::string rest;
  rest.reserve(body.size() - (lifted->end - lifted->begin) + marker.size());
  rest.append(body, 0, lifted->begin).append(marker).append(body, lifted->end);
  Json request = parse_request_body(rest);
  // A repeated key may have replaced the lifted value: then it is simply not put back.
  Json* slot = find_string(request, marker);
  body.erase(lifted->end);
  body.erase(0, lifted->begin);
  if (slot) *slot = std::move(body);
  return request;
}

}  // namespace notrain::protocol
