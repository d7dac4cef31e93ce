#include "sample_records.hpp"

#include <array>
#include <cstdio>
#include <random>
#include <string_view>

#include "base64.hpp"
#include "validation.hpp"

namespace notrain::bench {
namespace {

constexpr std::array<std::string_view, 12> kWords = {"objection", "Meta",    "AI",    "information",
                                                     "public",    "content", "train", "models",
                                                     "request",   "your",    "we",    "reviewed"};

constexpr std::array<std::string_view, 6> kServices = {"facebook", "instagram", "messenger",
                                                       "whatsapp", "threads",   "meta_ai"};

// About 2 KB of words, different for every index.
std::string confirmation_text(std::size_t index) {
  std::mt19937 random(static_cast<std::uint32_t>(index));
  std::string text = "We have received your objection (reference " + std::to_string(index) + "). ";
  while (text.size() < 2000) {
    text += kWords[random() % kWords.size()];
    text += (random() % 11 == 0) ? ". " : " ";
  }
  return text;
}

// Newer records have later timestamps, 37 seconds apart, from 2025-05-01.
std::string captured_at(std::size_t index) {
  const long long seconds = 37LL * static_cast<long long>(index);
  const long long day = seconds / 86400;
  const long long rest = seconds % 86400;
  const int month_day = static_cast<int>(day % 28) + 1;
  const int month = static_cast<int>(day / 28 % 12) + 1;
  const int year = 2025 + static_cast<int>(day / (28 * 12));
  char text[40];
  std::snprintf(text, sizeof text, "%04d-%02d-%02dT%02lld:%02lld:%02lldZ", year, month, month_day, rest / 3600,
                rest / 60 % 60, rest % 60);
  return validation::normalize_timestamp(text).value_or(text);
}

std::string screenshot_data_url(std::size_t index, std::size_t size) {
  std::mt19937_64 random(index);
  std::string bytes = "\x89PNG\r\n\x1a\n";
  while (bytes.size() < size) bytes.push_back(static_cast<char>(random() & 0xff));
  return "data:image/png;base64," + base64::encode(bytes);
}

}  // namespace

NewConfirmation sample_confirmation(std::size_t index) {
  NewConfirmation record;
  const std::string service(kServices[index % kServices.size()]);
  record.content = {service, "page",
                    "https://www.facebook.com/help/contact/" + std::to_string(6'359'191'084'165'019 + index),
                    "user" + std::to_string(index % 97) + "@example.be", confirmation_text(index)};
  record.captured_at = captured_at(index);
  record.language = "fr-BE";
  record.form = {{"email", "user@example.be"}, {"country", "BE"}, {"reason", "Je m'oppose."}};
  return record;
}

nlohmann::json sample_save_params(std::size_t index, std::size_t screenshot_bytes) {
  const NewConfirmation record = sample_confirmation(index);
  nlohmann::json params = {{"service", record.content.service}, {"kind", record.content.kind},
                           {"url", record.content.url},         {"account", record.content.account},
                           {"text", record.content.text},       {"captured_at", record.captured_at},
                           {"language", record.language},       {"form", record.form}};
  if (screenshot_bytes > 0) params["screenshot"] = screenshot_data_url(index, screenshot_bytes);
  return params;
}

}  // namespace notrain::bench
