#include <algorithm>
#include <optional>

#include <notrain/shared_facts.hpp>

#include "base64.hpp"
#include "handlers.hpp"
#include "params.hpp"
#include "validation.hpp"

namespace notrain {
namespace {

using nlohmann::json;

// Even escaped, a record must fit a 1 MiB reply to confirmation.get: these bound every part of it.
constexpr std::size_t kMaxEncodedText = 640 * 1024;
constexpr std::size_t kMaxUrl = 8192;
constexpr std::size_t kMaxAccount = 320;  // the longest e-mail address SMTP allows (RFC 3696)
constexpr std::size_t kMaxEncodedForm = 64 * 1024;
constexpr std::size_t kMaxScreenshotBytes = 32 * 1024 * 1024;
constexpr std::int64_t kDefaultListLimit = 50;
constexpr std::int64_t kMaxListLimit = 500;
// A list page stops before its reply could pass the browser's 1 MiB limit; next_offset goes on.
constexpr std::size_t kListReplyBudget = 900 * 1024;
constexpr std::int64_t kMaxScreenshotChunk = 512 * 1024;

template <std::size_t N>
bool is_one_of(const std::string& value, const std::string_view (&choices)[N]) {
  return std::find(std::begin(choices), std::end(choices), value) != std::end(choices);
}

std::string checked_service(const std::string& service) {
  if (!is_one_of(service, kServices)) {
    throw invalid_field("service",
                        "Unknown service \"" + service + "\": use one of " + std::string(kServicesInWords) + ".");
  }
  return service;
}

std::string checked_kind(const std::string& kind) {
  if (!is_one_of(kind, kKinds)) {
    throw invalid_field("kind", "Unknown kind \"" + kind + "\": use page, inbox, email, manual or setting.");
  }
  return kind;
}

std::string checked_url(const std::string& url, const std::string& kind) {
  const bool may_be_empty = kind == "email" || kind == "manual";
  if (url.empty() && may_be_empty) return url;
  if (url.size() > kMaxUrl || !validation::is_http_url(url)) {
    throw invalid_field("url",
                        "The address of the confirmation must be a web address (http or https) of at "
                        "most 8192 characters.");
  }
  return url;
}

std::string checked_text(const std::string& text) {
  if (text.empty()) throw invalid_field("text", "The confirmation text is empty.");
  if (validation::count_characters(text) > facts::kMaxTextCharacters ||
      json(text).dump(-1, ' ', false, json::error_handler_t::replace).size() > kMaxEncodedText) {
    throw invalid_field(
        "text", "The confirmation text is longer than " + std::to_string(facts::kMaxTextCharacters) + " characters.");
  }
  return text;
}

// A setting's record carries what was seen in `form` (evidence.hpp, kSettingFormKeys): exactly those keys, the
// states as the extension reads them. Anything else would be a setting record that proves nothing.
void check_setting_form(const json* form) {
  const auto refuse = [] {
    return invalid_field("form",
                         "A setting's record needs form {setting, label, before, after, held}: the setting's "
                         "name, its label as shown, the states \"on\" or \"off\" before and after (after may be "
                         "\"\" when unknown), and whether the change held (true or false).");
  };
  if (!form || form->size() != std::size(kSettingFormKeys)) throw refuse();
  const auto text = [&](std::string_view key) -> std::optional<std::string> {
    const auto found = form->find(key);
    if (found == form->end() || !found->is_string()) return std::nullopt;
    return found->get<std::string>();
  };
  const auto is_state = [](const std::optional<std::string>& state) { return state == "on" || state == "off"; };
  const auto held = form->find("held");
  const bool valid = !text("setting").value_or("").empty() && !text("label").value_or("").empty() &&
                     is_state(text("before")) && (is_state(text("after")) || text("after") == "") &&
                     held != form->end() && held->is_boolean();
  if (!valid) throw refuse();
}

// Decodes the data URL taken from the request where it lies: its megabytes are never copied.
Screenshot decoded_screenshot(std::string&& data_url) {
  const auto refuse = [](const std::string& why) { return invalid_field("screenshot", why); };
  Screenshot screenshot;
  std::size_t payload = 0;
  for (const std::string_view mime : {"image/png", "image/jpeg"}) {
    const std::string prefix = "data:" + std::string(mime) + ";base64,";
    if (data_url.starts_with(prefix)) {
      screenshot.mime = mime;
      payload = prefix.size();
    }
  }
  if (screenshot.mime.empty()) throw refuse("The screenshot must be a data:image/png or data:image/jpeg base64 URL.");
  if ((data_url.size() - payload) / 4 * 3 > kMaxScreenshotBytes) throw refuse("The screenshot is larger than 32 MiB.");
  if (!base64::decode_in_place(data_url, payload) || data_url.empty()) {
    throw refuse("The screenshot's data is not valid base64.");
  }
  const bool looks_right =
      screenshot.mime == "image/png" ? data_url.starts_with("\x89PNG\r\n\x1a\n") : data_url.starts_with("\xFF\xD8\xFF");
  if (!looks_right) throw refuse("The screenshot's data is not a " + screenshot.mime + " image.");
  // The buffer still has the room its base64 text took (a third more): give that back before SQLite makes its
  // own copy of the row.
  data_url.shrink_to_fit();
  screenshot.bytes = std::move(data_url);
  return screenshot;
}

// Takes the screenshot out of `params` (checked first as every other field).
NewConfirmation read_new_confirmation(json& params) {
  const Params fields(params, {"service", "kind", "url", "text", "captured_at", "account", "language", "form",
                               "screenshot", "verdict", "sent_at"});
  NewConfirmation record;
  EvidenceContent& content = record.content;
  content.service = checked_service(fields.required_string("service"));
  content.kind = checked_kind(fields.required_string("kind"));
  content.url = checked_url(fields.required_string("url"), content.kind);
  content.text = checked_text(fields.required_string("text"));
  content.account = fields.optional_string("account").value_or("");
  if (!content.account.empty() && (content.account.size() > kMaxAccount || !validation::is_account(content.account))) {
    throw invalid_field("account",
                        "The account must be an e-mail address or a Meta username (letters, digits, "
                        "\".\" and \"_\"), of at most 320 characters.");
  }
  const auto captured_at = validation::normalize_timestamp(fields.required_string("captured_at"));
  if (!captured_at) {
    throw invalid_field("captured_at",
                        "The capture time must be an ISO-8601 date and time with a time zone, "
                        "such as 2025-05-20T14:03:00Z.");
  }
  record.captured_at = *captured_at;
  record.language = fields.optional_string("language").value_or("");
  if (!record.language.empty() && !validation::is_language_tag(record.language)) {
    throw invalid_field("language", "The language must be a language tag such as fr, nl-BE or de.");
  }
  if (const json* form = fields.optional_object("form")) {
    if (form->dump().size() > kMaxEncodedForm) throw invalid_field("form", "The form values exceed 64 KiB.");
    record.form = *form;
  }
  if (content.kind == "setting") check_setting_form(fields.optional_object("form"));
  record.verdict = fields.optional_string("verdict").value_or("");
  if (!record.verdict.empty() && !is_one_of(record.verdict, kVerdicts)) {
    throw invalid_field("verdict", "Unknown verdict \"" + record.verdict + "\": use honoured, received or unknown.");
  }
  if (const auto sent_at = fields.optional_string("sent_at")) {
    const auto normalised = validation::normalize_timestamp(*sent_at);
    if (!normalised || content.kind != "page") {
      throw invalid_field("sent_at",
                          "The time the form was sent must be an ISO-8601 date and time with a time zone, "
                          "and only a page confirmation has one.");
    }
    record.sent_at = *normalised;
  }
  if (fields.optional_string_view("screenshot")) {
    record.screenshot = decoded_screenshot(std::move(params["screenshot"].get_ref<std::string&>()));
  }
  return record;
}

// A cursor as the client gets it: the last item's capture time and id, "<captured_at>/<id>". Opaque to the client.
std::string cursor_text(const ConfirmationSummary& last) { return last.captured_at + "/" + std::to_string(last.id); }

std::optional<ListCursor> parsed_cursor(const std::optional<std::string>& text) {
  if (!text) return std::nullopt;
  const std::size_t slash = text->rfind('/');
  const auto refuse = [] { return invalid_field("cursor", "The cursor is not one a list page gave (next_cursor)."); };
  if (slash == std::string::npos || slash + 1 == text->size() || text->size() > 64) throw refuse();
  const std::string id_text = text->substr(slash + 1);
  if (!std::all_of(id_text.begin(), id_text.end(), ::isdigit) || id_text.size() > 18) throw refuse();
  const auto captured_at = validation::normalize_timestamp(text->substr(0, slash));
  if (!captured_at || *captured_at != text->substr(0, slash)) throw refuse();
  return ListCursor{*captured_at, std::stoll(id_text)};
}

// A page of the list, newest first. `cursor` (from next_cursor) goes on by the index; `offset` is kept for older
// callers and costs a walk past the skipped rows.
json list_page(Store& store, const json& params) {
  const Params fields(params, {"service", "limit", "offset", "cursor"});
  std::optional<std::string> service = fields.optional_string("service");
  if (service) checked_service(*service);
  const std::int64_t limit = fields.integer_or("limit", kDefaultListLimit, 1, kMaxListLimit);
  const std::optional<ListCursor> cursor = parsed_cursor(fields.optional_string("cursor"));
  const std::int64_t offset = fields.integer_or("offset", 0, 0, kMaxId);
  if (cursor && offset > 0) throw invalid_field("offset", "Give a cursor or an offset, not both.");
  const std::int64_t total = store.count(service);
  const std::vector<ConfirmationSummary> page =
      cursor || offset == 0 ? store.list_after(service, limit, cursor) : store.list(service, limit, offset);
  json items = json::array();
  std::size_t budget = kListReplyBudget;
  std::size_t taken = 0;
  for (const ConfirmationSummary& summary : page) {
    json item = to_json(summary);
    const std::size_t size = item.dump().size() + 1;
    if (size > budget) break;
    budget -= size;
    items.push_back(std::move(item));
    ++taken;
  }
  // More follow when the page was cut short by the budget, or when it was full (the next page may be empty).
  const bool more = taken < page.size() || (taken == static_cast<std::size_t>(limit) && taken > 0);
  const std::int64_t next = offset + static_cast<std::int64_t>(taken);
  json reply = {
      {"items", std::move(items)}, {"total", total}, {"next_offset", next < total && !cursor ? json(next) : json()}};
  reply["next_cursor"] = more && taken > 0 ? json(cursor_text(page[taken - 1])) : json();
  return reply;
}

json screenshot_chunk(Store& store, const json& params) {
  const Params fields(params, {"id", "offset", "length"});
  const std::int64_t id = fields.required_integer("id", 1, kMaxId);
  const std::int64_t offset = fields.integer_or("offset", 0, 0, kMaxId);
  const std::int64_t length = fields.integer_or("length", kMaxScreenshotChunk, 1, kMaxScreenshotChunk);
  const auto chunk = store.screenshot(id, offset, length);
  if (!chunk) {
    if (!store.get(id)) throw confirmation_not_found(id);
    throw RpcError(ErrorCode::NotFound, "Confirmation " + std::to_string(id) + " has no screenshot.", {{"id", id}});
  }
  if (offset > chunk->total) {
    throw invalid_field("offset",
                        "The offset is past the end of the screenshot (" + std::to_string(chunk->total) + " bytes).");
  }
  return {{"mime", chunk->mime},
          {"total", chunk->total},
          {"offset", chunk->offset},
          {"data", base64::encode(chunk->bytes)}};
}

}  // namespace

void add_confirmation_handlers(protocol::Dispatcher& dispatcher, HostContext& context) {
  dispatcher.add("confirmation.save", [&context](json& params) -> json {
    // Read (and the screenshot decoded) before the database is opened: its memory and the image's then never
    // add up with the image's text.
    const NewConfirmation record = read_new_confirmation(params);
    const SaveOutcome outcome = context.store.get().save(record);
    return {{"id", outcome.id}, {"sha256", outcome.sha256}, {"duplicate", outcome.duplicate}};
  });
  dispatcher.add("confirmation.list",
                 [&context](const json& params) -> json { return list_page(context.store.get(), params); });
  dispatcher.add("confirmation.get", [&context](const json& params) -> json {
    const std::int64_t id = Params(params, {"id"}).required_integer("id", 1, kMaxId);
    const auto record = context.store.get().get(id);
    if (!record) throw confirmation_not_found(id);
    return to_json(*record);
  });
  dispatcher.add("confirmation.screenshot",
                 [&context](const json& params) -> json { return screenshot_chunk(context.store.get(), params); });
  dispatcher.add("confirmation.delete", [&context](const json& params) -> json {
    const std::int64_t id = Params(params, {"id"}).required_integer("id", 1, kMaxId);
    if (!context.store.get().remove(id)) throw confirmation_not_found(id);
    return {{"deleted", true}};
  });
}

}  // namespace notrain
