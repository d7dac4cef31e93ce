#include "handlers.hpp"
#include "params.hpp"
#include "validation.hpp"

namespace notrain {
namespace {

constexpr std::size_t kMaxObjectionText = 5000;
constexpr std::size_t kMaxName = 200;

// Returns the profile to store: only known fields, empty ones dropped, each one checked.
nlohmann::json validated_profile(const nlohmann::json& input) {
  const Params fields(input, {"email", "country", "language", "name", "objection_text"});
  nlohmann::json profile = nlohmann::json::object();
  const auto take = [&](const std::string& name, auto&& is_valid, const std::string& problem) {
    const auto value = fields.optional_string(name);
    if (!value || value->empty()) return;
    if (!is_valid(*value)) throw invalid_field(name, problem);
    profile[name] = *value;
  };
  take("email", validation::is_email, "This is not a valid e-mail address.");
  take("country", validation::is_country_code,
       "The country must be a two-letter ISO 3166-1 code in capitals, such as BE, FR, NL or DE.");
  take("language", validation::is_language_tag, "The language must be a language tag such as fr, nl-BE or de.");
  take(
      "name", [](const std::string& v) { return validation::count_characters(v) <= kMaxName; },
      "The name is longer than 200 characters.");
  take(
      "objection_text", [](const std::string& v) { return validation::count_characters(v) <= kMaxObjectionText; },
      "The objection text is longer than 5000 characters.");
  return profile;
}

}  // namespace

void add_profile_handlers(protocol::Dispatcher& dispatcher, HostContext& context) {
  dispatcher.add("profile.get", [&context](const nlohmann::json& params) -> nlohmann::json {
    Params(params, {});
    return {{"profile", context.store.get().load_profile()}};
  });
  dispatcher.add("profile.set", [&context](const nlohmann::json& params) -> nlohmann::json {
    // Validated whole before anything is written: a refused set changes nothing.
    const nlohmann::json profile = validated_profile(Params(params, {"profile"}).required_object("profile"));
    context.store.get().save_profile(profile);
    return {{"profile", profile}};
  });
}

}  // namespace notrain
