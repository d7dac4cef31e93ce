// libFuzzer target: one request body through the JSON-RPC dispatcher with every method of protocol 1,
// over a real SQLite database in a temporary folder (on /dev/shm when there is one, so that fsync is
// cheap). Besides crashes, sanitizer reports and hangs, it fails when a reply breaks the protocol:
// not JSON, over 1 MiB, not JSON-RPC 2.0, without exactly one of result/error, an unknown error code,
// an error without a message for the person, or a database that fails its integrity check.
#include <array>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <memory>
#include <string>
#include <string_view>
#include <unistd.h>

#include <SQLiteCpp/Database.h>
#include <nlohmann/json.hpp>

#include "framing.hpp"
#include "handlers.hpp"

namespace {

namespace fs = std::filesystem;
using nlohmann::json;

constexpr std::array<int, 10> kKnownCodes = {-32700, -32600, -32601, -32602, -32603, 1001, 1002, 1003, 1004, 1005};
// A fresh database now and then: migrations run again and the file never grows without bound.
constexpr int kRunsPerDatabase = 2000;

void require(bool condition, const char* what, std::string_view body) {
  if (!condition) {
    std::fprintf(stderr, "dispatcher invariant broken: %s\nreply: %.*s\n", what, static_cast<int>(body.size()),
                 body.data());
    std::abort();
  }
}

fs::path scratch_folder() {
  const fs::path base = fs::exists("/dev/shm") ? fs::path("/dev/shm") : fs::temp_directory_path();
  return base / ("notrain-fuzz-" + std::to_string(::getpid()));
}

struct Session {
  fs::path folder = scratch_folder();
  notrain::HostContext context{notrain::LazyStore(folder / "notrain.db")};
  notrain::protocol::Dispatcher dispatcher = notrain::make_dispatcher(context);

  Session() {
    fs::remove_all(folder);
    fs::create_directories(folder);
  }
  ~Session() {
    std::error_code ignored;
    fs::remove_all(folder, ignored);
  }
};

std::unique_ptr<Session> session;
int runs = 0;

void check_reply(const std::string& reply) {
  require(reply.size() <= notrain::framing::kMaxOutputFrame, "reply larger than a browser frame", reply);
  const json parsed = json::parse(reply, nullptr, false);
  require(!parsed.is_discarded() && parsed.is_object(), "reply is not a JSON object", reply);
  require(parsed.value("jsonrpc", "") == "2.0", "reply is not JSON-RPC 2.0", reply);
  require(parsed.contains("id"), "reply has no id", reply);
  require(parsed.contains("result") != parsed.contains("error"), "reply needs exactly one of result and error", reply);
  if (!parsed.contains("error")) return;
  const json& error = parsed["error"];
  require(error.is_object() && error.contains("code") && error["code"].is_number_integer(), "error without code",
          reply);
  const int code = error["code"].get<int>();
  require(std::find(kKnownCodes.begin(), kKnownCodes.end(), code) != kKnownCodes.end(), "unknown error code", reply);
  require(error.contains("message") && error["message"].is_string() && !error["message"].get<std::string>().empty(),
          "error without a message for the person", reply);
  // A storage failure on a healthy temporary database is a bug, not bad input.
  require(code != 1003 && code != -32603, "storage or internal failure on valid storage", reply);
}

void check_database() {
  const fs::path file = session->folder / "notrain.db";
  if (!fs::exists(file)) return;
  SQLite::Database db(file.string(), SQLite::OPEN_READONLY);
  const std::string result = db.execAndGet("PRAGMA integrity_check").getString();
  require(result == "ok", "database integrity check failed", result);
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  if (!session || ++runs % kRunsPerDatabase == 0) {
    if (session) check_database();
    session.reset();
    session = std::make_unique<Session>();
  }
  const std::string_view body(reinterpret_cast<const char*>(data), size);
  if (const auto reply = session->dispatcher.handle(body)) check_reply(*reply);
  return 0;
}
