// Sample values shared by the host's tests: a confirmation as the extension sends it, and a tiny
// but real PNG.
#pragma once
#include <string>

#include <nlohmann/json.hpp>

#include "base64.hpp"

namespace notrain::test {

// A 1x1 PNG.
inline std::string tiny_png() {
  return *base64::decode(
      "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==");
}

// A PNG-looking blob of `size` bytes (the signature, then filler): enough for the host's checks.
inline std::string png_of_size(std::size_t size) {
  std::string bytes = "\x89PNG\r\n\x1a\n";
  bytes.resize(size, 'p');
  for (std::size_t i = 8; i < size; ++i) bytes[i] = static_cast<char>((i * 131) % 251);
  return bytes;
}

inline std::string png_data_url(const std::string& bytes) { return "data:image/png;base64," + base64::encode(bytes); }

inline nlohmann::json sample_confirmation(const std::string& text =
                                              "We've reviewed your request and will honor "
                                              "your objection.") {
  return {{"service", "facebook"},
          {"kind", "inbox"},
          {"url", "https://www.facebook.com/support/?tab=inbox"},
          {"text", text},
          {"captured_at", "2025-05-20T16:03:00+02:00"},
          {"account", "marie.dupont@example.be"},
          {"language", "fr-BE"},
          {"form", {{"email", "marie@example.be"}}}};
}

// A platform's AI-training setting turned off on the user's click (kind "setting", evidence.hpp).
inline nlohmann::json sample_setting(const std::string& after = "off") {
  return {{"service", "linkedin"},
          {"kind", "setting"},
          {"url", "https://www.linkedin.com/mypreferences/d/settings/data-for-ai-improvement"},
          {"text", "Use my data for training content creation AI models: on, then off after NoTrain's click"},
          {"captured_at", "2026-11-20T09:15:00Z"},
          {"language", "en"},
          {"form",
           {{"setting", "data-for-generative-ai-improvement"},
            {"label", "Use my data for training content creation AI models"},
            {"before", "on"},
            {"after", after},
            {"held", after == "off"}}}};
}

inline nlohmann::json request(int id, const std::string& method, nlohmann::json params = nlohmann::json::object()) {
  return {{"jsonrpc", "2.0"}, {"id", id}, {"method", method}, {"params", std::move(params)}};
}

}  // namespace notrain::test
