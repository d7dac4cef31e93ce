// notrain-store-bench: how NoTrain's store behaves as evidence piles up. Fills databases of 1k, 10k
// and 100k records through the Store class (one process, not 100k hosts), then measures on each:
// a page of `confirmation.list` (first and last page) through the real host, in-process Store::list
// for comparison, `notrain-host export` (time and peak memory of the real binary) and the database
// size per record. Prints one JSON line per result.
#include <filesystem>
#include <sstream>
#include <stdexcept>
#include <string>
#include <vector>

#include <unistd.h>

#include <notrain/identity.hpp>

#include "child_process.hpp"
#include <algorithm>

#include "export.hpp"
#include "measurement.hpp"
#include "sample_records.hpp"
#include "store.hpp"

namespace fs = std::filesystem;
using nlohmann::json;
using namespace notrain::bench;

namespace {

struct Options {
  std::string notrain;
  fs::path work, fill_dir;
  std::vector<std::size_t> sizes = {1'000, 10'000, 100'000};
  int repeat = 50, export_repeat = 3;
};

fs::path database_in(const fs::path& data_home) { return data_home / "notrain" / "notrain.db"; }
fs::path data_home_for(const Options& options, std::size_t records) {
  return options.work / ("store-" + std::to_string(records));
}

// Fills one database up to each size in turn, copying a snapshot at each. The filling happens in
// `fill_dir` (tmpfs when there is one): the host's fsync per save is the right thing for evidence
// but would make 100k saves take minutes on a disk, and says nothing about reading.
void fill(const Options& options) {
  const fs::path scratch = database_in(options.fill_dir);
  fs::remove_all(options.fill_dir);
  std::size_t saved = 0;
  for (const std::size_t target : options.sizes) {
    const auto start = Clock::now();
    {
      notrain::Store store(scratch);
      for (; saved < target; ++saved) store.save(sample_confirmation(saved));
    }  // closing the last connection checkpoints the WAL into the file
    progress("filled " + std::to_string(target) + " records in " + std::to_string(milliseconds_since(start)) + " ms");
    const fs::path data_home = data_home_for(options, target);
    fs::remove_all(data_home);
    fs::create_directories(database_in(data_home).parent_path());
    fs::copy_file(scratch, database_in(data_home));
    emit({{"suite", "store"},
          {"name", "database_size"},
          {"records", target},
          {"unit", "bytes"},
          {"bytes", fs::file_size(database_in(data_home))},
          {"bytes_per_record",
           static_cast<double>(fs::file_size(database_in(data_home))) / static_cast<double>(target)}});
  }
  fs::remove_all(options.fill_dir);
  // The copies are half a gigabyte of dirty pages at 100k records: written back now, not while verify and export
  // are timed (which then ran a third slower, and unevenly, than the same binary on a settled disk).
  ::sync();
}

long call_id = 0;

double timed_call(ChildProcess& host, const std::string& method, const json& params, json* result = nullptr) {
  const long id = ++call_id;
  const std::string frame =
      encode_frame(json{{"jsonrpc", "2.0"}, {"id", id}, {"method", method}, {"params", params}}.dump());
  const auto start = Clock::now();
  host.write_all(frame);
  const auto reply = host.read_frame();
  const double elapsed = milliseconds_since(start);
  if (!reply) throw std::runtime_error("the host closed its output during " + method);
  json parsed = json::parse(*reply);
  if (!parsed.contains("result")) throw std::runtime_error(method + " failed: " + *reply);
  if (result) *result = std::move(parsed["result"]);
  return elapsed;
}

// `confirmation.list` through the real host, as the extension's full page calls it.
void bench_list_through_host(const Options& options, std::size_t records) {
  const fs::path data_home = data_home_for(options, records);
  const std::vector<std::string> env =
      environment_with({"XDG_DATA_HOME=" + data_home.string(), "HOME=" + data_home.string()});
  const auto spawned = Clock::now();
  ChildProcess host({options.notrain, std::string(notrain::identity::kChromiumOrigin)}, env);
  json first;
  timed_call(host, "confirmation.list", {{"limit", 50}}, &first);
  const double cold = milliseconds_since(spawned);
  if (first.value("total", 0) != static_cast<long>(records) || first["items"].size() != 50) {
    throw std::runtime_error("confirmation.list returned " + first.dump().substr(0, 200));
  }
  const long last_offset = static_cast<long>(records) - 50;
  // The cursor a client holds when it asks for the last page: the item just before it.
  json before_last;
  timed_call(host, "confirmation.list", {{"limit", 1}, {"offset", last_offset - 1}}, &before_last);
  const json last_cursor = before_last["next_cursor"];
  std::vector<double> first_page;
  std::vector<double> last_page;
  std::vector<double> last_page_cursor;
  std::vector<double> one_service;
  for (int i = 0; i < options.repeat; ++i) {
    first_page.push_back(timed_call(host, "confirmation.list", {{"limit", 50}}));
    json last;
    last_page.push_back(timed_call(host, "confirmation.list", {{"limit", 50}, {"offset", last_offset}}, &last));
    if (last["items"].size() != 50 || !last["next_offset"].is_null())
      throw std::runtime_error("the last page is wrong");
    json by_cursor;
    last_page_cursor.push_back(
        timed_call(host, "confirmation.list", {{"limit", 50}, {"cursor", last_cursor}}, &by_cursor));
    if (by_cursor["items"] != last["items"]) throw std::runtime_error("the cursor's last page differs from OFFSET's");
    one_service.push_back(timed_call(host, "confirmation.list", {{"limit", 50}, {"service", "instagram"}}));
  }
  const ExitInfo exit = host.wait(true);
  const json labels = {{"suite", "store"}, {"records", records}, {"unit", "ms"}, {"peak_rss_kib", exit.peak_rss_kib}};
  emit(merged(merged(labels, {{"name", "list_cold_first_page"}}), summary({cold})));
  emit(merged(merged(labels, {{"name", "list_first_page"}}), summary(first_page)));
  emit(merged(merged(labels, {{"name", "list_last_page"}, {"offset", last_offset}}), summary(last_page)));
  emit(merged(merged(labels, {{"name", "list_last_page_cursor"}}), summary(last_page_cursor)));
  emit(merged(merged(labels, {{"name", "list_one_service"}}), summary(one_service)));
}

// Store::list alone (SQL and row decoding, no JSON, no pipe): where the host's time goes.
void bench_list_in_process(const Options& options, std::size_t records) {
  notrain::Store store(database_in(data_home_for(options, records)));
  std::vector<double> first_page;
  std::vector<double> last_page;
  std::vector<double> count;
  std::vector<double> verify;
  for (int i = 0; i < std::min(options.repeat, 5); ++i) {
    // Every digest recomputed and the chain walked, as `notrain-host verify` does.
    const auto start = Clock::now();
    if (!store.verify().ok()) throw std::runtime_error("verify found problems in the benchmark's database");
    verify.push_back(milliseconds_since(start));
  }
  for (int i = 0; i < options.repeat; ++i) {
    auto start = Clock::now();
    store.list(std::nullopt, 50, 0);
    first_page.push_back(milliseconds_since(start));
    start = Clock::now();
    store.list(std::nullopt, 50, static_cast<std::int64_t>(records) - 50);
    last_page.push_back(milliseconds_since(start));
    start = Clock::now();
    store.count(std::nullopt);
    count.push_back(milliseconds_since(start));
  }
  const json labels = {{"suite", "store"}, {"records", records}, {"unit", "ms"}};
  emit(merged(merged(labels, {{"name", "store_list_first_page"}}), summary(first_page)));
  emit(merged(merged(labels, {{"name", "store_list_last_page"}}), summary(last_page)));
  emit(merged(merged(labels, {{"name", "store_count"}}), summary(count)));
  emit(merged(merged(labels, {{"name", "store_verify"}}), summary(verify)));
}

// `notrain-host export` as a person runs it: wall time and the peak memory of the process.
void bench_export(const Options& options, std::size_t records) {
  const fs::path data_home = data_home_for(options, records);
  const std::vector<std::string> env =
      environment_with({"XDG_DATA_HOME=" + data_home.string(), "HOME=" + data_home.string()});
  for (const std::string format : {"json", "csv"}) {
    const fs::path output = options.work / ("export." + format);
    const std::vector<std::string> command = {options.notrain, "export",   "--format",
                                              format,          "--output", output.string()};
    std::vector<double> times;
    for (int i = 0; i < options.export_repeat; ++i) {
      const auto start = Clock::now();
      ChildProcess cli(command, env);
      const ExitInfo exit = cli.wait();
      times.push_back(milliseconds_since(start));
      if (exit.status != 0)
        throw std::runtime_error("notrain-host export failed with status " + std::to_string(exit.status));
    }
    // One more run, untimed, for the peak memory (sampling it would disturb the timing).
    const long peak = ChildProcess(command, env).wait(true).peak_rss_kib;
    emit(merged(json{{"suite", "store"},
                     {"name", "export_" + format},
                     {"records", records},
                     {"unit", "ms"},
                     {"peak_rss_kib", peak},
                     {"output_bytes", fs::file_size(output)}},
                summary(times)));
    fs::remove(output);
  }
}

std::vector<std::size_t> parse_sizes(const std::string& text) {
  std::vector<std::size_t> sizes;
  std::stringstream stream(text);
  for (std::string item; std::getline(stream, item, ',');) sizes.push_back(std::stoul(item));
  return sizes;
}

Options parse(int argc, char** argv) {
  Options options;
  for (int i = 1; i < argc; ++i) {
    const std::string word = argv[i];
    const auto value = [&]() -> std::string {
      if (i + 1 >= argc) throw std::invalid_argument(word + " needs a value");
      return argv[++i];
    };
    if (word == "--notrain") options.notrain = value();
    else if (word == "--work") options.work = fs::absolute(value());
    else if (word == "--fill-dir") options.fill_dir = fs::absolute(value());
    else if (word == "--sizes") options.sizes = parse_sizes(value());
    else if (word == "--repeat") options.repeat = std::stoi(value());
    else if (word == "--export-repeat") options.export_repeat = std::stoi(value());
    else throw std::invalid_argument("unknown argument " + word);
  }
  if (options.notrain.empty() || options.work.empty()) {
    throw std::invalid_argument(
        "usage: notrain-store-bench --notrain BIN --work DIR [--fill-dir DIR] "
        "[--sizes 1000,10000,100000] [--repeat N] [--export-repeat N]");
  }
  for (const std::size_t size : options.sizes) {
    if (size < 50) throw std::invalid_argument("each size must be at least 50 records (one page)");
  }
  if (options.fill_dir.empty()) options.fill_dir = options.work / "fill";
  return options;
}

}  // namespace

int main(int argc, char** argv) {
  try {
    const Options options = parse(argc, argv);
    fill(options);
    for (const std::size_t records : options.sizes) {
      progress("store at " + std::to_string(records) + " records: list and export");
      bench_list_through_host(options, records);
      bench_list_in_process(options, records);
      bench_export(options, records);
    }
    return 0;
  } catch (const std::exception& error) {
    std::cerr << "notrain-store-bench: " << error.what() << '\n';
    return 1;
  }
}
