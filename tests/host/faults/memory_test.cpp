// The host runs beside the browser on ordinary laptops, often several at once: its peak memory stays
// small. Measured as VmHWM (peak resident set) from /proc while the host is still running, after the
// work. Meaningless under AddressSanitizer, which multiplies memory use: skipped there.
#include <doctest/doctest.h>
#include <fstream>
#include <iostream>
#include <sstream>

#include "support/host_process.hpp"
#include "support/samples.hpp"
#include "support/temp_dir.hpp"

using nlohmann::json;
using notrain::test::HostProcess;
using notrain::test::request;

namespace {

#if defined(__SANITIZE_ADDRESS__)
constexpr bool kSanitized = true;
#elif defined(__has_feature)
#if __has_feature(address_sanitizer)
constexpr bool kSanitized = true;
#else
constexpr bool kSanitized = false;
#endif
#else
constexpr bool kSanitized = false;
#endif

constexpr std::size_t kMiB = 1024 * 1024;

// Peak resident memory of a running process, in bytes.
std::size_t peak_rss(int pid) {
  std::ifstream status("/proc/" + std::to_string(pid) + "/status");
  std::string line;
  while (std::getline(status, line)) {
    if (line.starts_with("VmHWM:")) {
      std::istringstream fields(line.substr(6));
      std::size_t kib = 0;
      fields >> kib;
      return kib * 1024;
    }
  }
  FAIL("no VmHWM in /proc/" << pid << "/status");
  return 0;
}

}  // namespace

TEST_CASE("a ping session stays under 8 MiB") {
  if (kSanitized) {
    std::cout << "SKIPPED: memory limits do not apply to a sanitizer build\n";
    return;
  }
  notrain::test::TempDir home;
  HostProcess host(home.path());
  for (int i = 0; i < 50; ++i) REQUIRE(host.call(request(i, "ping"))["result"]["pong"] == true);
  const std::size_t peak = peak_rss(host.id());
  MESSAGE("peak RSS of a ping session: " << peak / 1024 << " KiB");
  CHECK(peak < 8 * kMiB);
  CHECK(host.finish() == 0);
}

// The host measures about 14.6 MiB (29.7 MiB before the frame was read straight into its body, the data URL kept
// out of nlohmann's lexer and decoded where it lies, and the database opened after the decoding): the frame's
// 6.7 MiB, then the image's 5 MiB, SQLite's copy of the row and its page cache, above the 2.5 MiB of a ping.
constexpr std::size_t kScreenshotCeiling = 16 * kMiB;

TEST_CASE("saving a 5 MiB screenshot stays under 16 MiB") {
  if (kSanitized) {
    std::cout << "SKIPPED: memory limits do not apply to a sanitizer build\n";
    return;
  }
  notrain::test::TempDir home;
  HostProcess host(home.path());
  json params = notrain::test::sample_confirmation();
  params["screenshot"] = notrain::test::png_data_url(notrain::test::png_of_size(5 * kMiB));
  const json answer = host.call(request(1, "confirmation.save", params));
  REQUIRE_MESSAGE(answer.contains("result"), answer.dump().substr(0, 500));
  // Reading it back in chunks must not hold the whole image either.
  for (std::int64_t offset = 0; offset < static_cast<std::int64_t>(5 * kMiB); offset += 512 * 1024) {
    REQUIRE(host.call(request(2, "confirmation.screenshot", {{"id", answer["result"]["id"]}, {"offset", offset}}))
                .contains("result"));
  }
  const std::size_t peak = peak_rss(host.id());
  MESSAGE("peak RSS while saving a 5 MiB screenshot: " << peak / 1024 << " KiB");
  CHECK(peak < kScreenshotCeiling);
  CHECK(host.finish() == 0);
}
