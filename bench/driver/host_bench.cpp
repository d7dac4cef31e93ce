// notrain-host-bench: NoTrain's host side by side with the floor (a minimal C host) and the usual
// choice (a Python host): cold start, round trip on an open pipe, pipelined throughput; then what
// only NoTrain does: a cold `confirmation.list` (the call that opens the database) and
// `confirmation.save` with and without a 2 MiB screenshot. Prints one JSON line per result.
#include <algorithm>
#include <cstdlib>
#include <filesystem>
#include <numeric>
#include <random>
#include <stdexcept>
#include <string>
#include <thread>
#include <vector>

#include <notrain/identity.hpp>

#include "child_process.hpp"
#include "measurement.hpp"
#include "sample_records.hpp"
#include "store.hpp"

namespace fs = std::filesystem;
using nlohmann::json;
using namespace notrain::bench;

namespace {

struct Host {
  std::string name;  // "notrain", "c", "python"
  std::vector<std::string> argv;
  std::vector<std::string> environment;
};

struct Sizes {
  int cold_runs = 300, warmup_runs = 10;
  int latency_calls = 5000, latency_warmup = 200;
  int pipelined_calls = 20'000, pipelined_repeats = 5;
  int cold_list_runs = 200, cold_list_records = 100;
  int saves = 200, screenshot_saves = 30;
};

Sizes tiny_sizes() { return {3, 1, 20, 5, 200, 1, 2, 5, 3, 2}; }

std::string request_frame(long id, const std::string& method, const json& params = json::object()) {
  return encode_frame(json{{"jsonrpc", "2.0"}, {"id", id}, {"method", method}, {"params", params}}.dump());
}

// Throws unless `body` is a result for request `id` (an error reply would make any timing a lie).
json expect_result(const std::optional<std::string>& body, long id, const std::string& host) {
  if (!body) throw std::runtime_error(host + " closed its output without answering request " + std::to_string(id));
  json reply = json::parse(*body);
  if (reply.value("id", json()) != id || !reply.contains("result")) {
    throw std::runtime_error(host + " answered request " + std::to_string(id) + " with " + *body);
  }
  return reply["result"];
}

struct ColdRun {
  double to_reply_ms, to_exit_ms;
};

// Spawn, one request, reply, end of input, exit: what the browser pays for every connection.
ColdRun cold_run(const Host& host, const std::string& frame, long id) {
  const auto start = Clock::now();
  ChildProcess child(host.argv, host.environment);
  child.write_all(frame);
  const auto reply = child.read_frame();
  const double to_reply = milliseconds_since(start);
  const ExitInfo exit = child.wait();
  const double to_exit = milliseconds_since(start);
  expect_result(reply, id, host.name);
  if (exit.status != 0) throw std::runtime_error(host.name + " exited with status " + std::to_string(exit.status));
  return {to_reply, to_exit};
}

// Interleaved: each round runs every host once, in an order drawn afresh, so that whatever else the machine does
// falls on all hosts alike. (An order that only rotates keeps each host right after the same other one: a host
// that follows Python's 30 ms start was measured 15% slower than the same binary following the C floor.)
void bench_cold_start(const std::vector<Host>& hosts, const Sizes& sizes) {
  progress("cold start: " + std::to_string(sizes.cold_runs) + " runs per host, interleaved");
  const std::string frame = request_frame(1, "ping");
  for (int i = 0; i < sizes.warmup_runs; ++i) {
    for (const Host& host : hosts) cold_run(host, frame, 1);
  }
  std::vector<std::vector<double>> to_reply(hosts.size());
  std::vector<std::vector<double>> to_exit(hosts.size());
  std::vector<std::size_t> order(hosts.size());
  std::iota(order.begin(), order.end(), std::size_t{0});
  std::mt19937 draw(20250414U);  // fixed: two runs draw the same orders
  for (int round = 0; round < sizes.cold_runs; ++round) {
    std::shuffle(order.begin(), order.end(), draw);
    for (const std::size_t h : order) {
      const ColdRun run = cold_run(hosts[h], frame, 1);
      to_reply[h].push_back(run.to_reply_ms);
      to_exit[h].push_back(run.to_exit_ms);
    }
  }
  for (std::size_t h = 0; h < hosts.size(); ++h) {
    emit(merged(json{{"suite", "host"}, {"name", "cold_start"}, {"host", hosts[h].name}, {"unit", "ms"}},
                summary(to_exit[h])));
    emit(merged(json{{"suite", "host"}, {"name", "cold_start_to_reply"}, {"host", hosts[h].name}, {"unit", "ms"}},
                summary(to_reply[h])));
  }
}

// One ping at a time on an open pipe.
void bench_latency(const Host& host, const Sizes& sizes) {
  ChildProcess child(host.argv, host.environment);
  std::vector<double> samples;
  for (int i = 0; i < sizes.latency_warmup + sizes.latency_calls; ++i) {
    const std::string frame = request_frame(i, "ping");
    const auto start = Clock::now();
    child.write_all(frame);
    const auto reply = child.read_frame();
    const double elapsed = milliseconds_since(start);
    expect_result(reply, i, host.name);
    if (i >= sizes.latency_warmup) samples.push_back(elapsed * 1000.0);
  }
  const ExitInfo exit = child.wait(true);
  emit(merged(json{{"suite", "host"},
                   {"name", "round_trip"},
                   {"host", host.name},
                   {"unit", "us"},
                   {"peak_rss_kib", exit.peak_rss_kib}},
              summary(samples)));
}

// All requests written at once by one thread while this one reads the replies: messages per second.
double pipelined_rate(const Host& host, int calls) {
  std::string frames;
  for (int i = 0; i < calls; ++i) frames += request_frame(i, "ping");
  ChildProcess child(host.argv, host.environment);
  const auto start = Clock::now();
  std::thread writer([&] {
    child.write_all(frames);
    child.close_input();
  });
  int received = 0;
  std::optional<std::string> last;
  while (auto reply = child.read_frame()) {
    ++received;
    last = std::move(reply);
  }
  const double seconds = milliseconds_since(start) / 1000.0;
  writer.join();
  child.wait();
  if (received != calls) {
    throw std::runtime_error(host.name + " answered " + std::to_string(received) + " of " + std::to_string(calls) +
                             " pipelined pings");
  }
  expect_result(last, calls - 1, host.name);
  return calls / seconds;
}

void bench_throughput(const std::vector<Host>& hosts, const Sizes& sizes) {
  progress("pipelined ping: " + std::to_string(sizes.pipelined_calls) + " messages x " +
           std::to_string(sizes.pipelined_repeats) + " per host, interleaved");
  std::vector<std::vector<double>> rates(hosts.size());
  for (int repeat = 0; repeat < sizes.pipelined_repeats; ++repeat) {
    for (std::size_t h = 0; h < hosts.size(); ++h) rates[h].push_back(pipelined_rate(hosts[h], sizes.pipelined_calls));
  }
  for (std::size_t h = 0; h < hosts.size(); ++h) {
    emit(merged(json{{"suite", "host"},
                     {"name", "pipelined"},
                     {"host", hosts[h].name},
                     {"unit", "msg/s"},
                     {"messages", sizes.pipelined_calls}},
                summary(rates[h])));
  }
}

// NoTrain with a database of `records` confirmations, written through the Store directly.
Host notrain_with_database(const Host& notrain, const fs::path& data_home, int records) {
  fs::remove_all(data_home);
  {
    notrain::Store store(data_home / "notrain" / "notrain.db");
    for (int i = 0; i < records; ++i) store.save(sample_confirmation(static_cast<std::size_t>(i)));
  }
  Host host = notrain;
  host.environment = environment_with({"XDG_DATA_HOME=" + data_home.string(), "HOME=" + data_home.string()});
  return host;
}

// A cold `confirmation.list` against a cold `ping` of the same host, interleaved: the difference
// is what opening the database costs.
void bench_cold_list(const Host& notrain, const fs::path& work, const Sizes& sizes) {
  progress("NoTrain cold confirmation.list: " + std::to_string(sizes.cold_list_runs) + " runs");
  const Host host = notrain_with_database(notrain, work / "cold-list", sizes.cold_list_records);
  const std::string list = request_frame(1, "confirmation.list");
  const std::string ping = request_frame(1, "ping");
  std::vector<double> list_reply;
  std::vector<double> list_exit;
  std::vector<double> ping_reply;
  for (int i = 0; i < sizes.warmup_runs; ++i) cold_run(host, list, 1);
  for (int i = 0; i < sizes.cold_list_runs; ++i) {
    const ColdRun listed = cold_run(host, list, 1);
    list_reply.push_back(listed.to_reply_ms);
    list_exit.push_back(listed.to_exit_ms);
    ping_reply.push_back(cold_run(host, ping, 1).to_reply_ms);
  }
  const json labels = {{"suite", "notrain"}, {"host", "notrain"}, {"unit", "ms"}, {"records", sizes.cold_list_records}};
  emit(merged(merged(labels, {{"name", "cold_list_to_reply"}}), summary(list_reply)));
  emit(merged(merged(labels, {{"name", "cold_list"}}), summary(list_exit)));
  emit(merged(merged(labels, {{"name", "cold_ping_same_database_to_reply"}}), summary(ping_reply)));
}

// Saves on an open host, each a new record (so none is a duplicate), each fsynced by the host.
void bench_save(const Host& notrain, const fs::path& work, const Sizes& sizes) {
  progress("NoTrain confirmation.save: " + std::to_string(sizes.saves) + " plain, " +
           std::to_string(sizes.screenshot_saves) + " with a 2 MiB screenshot");
  const Host host = notrain_with_database(notrain, work / "save", 0);
  ChildProcess child(host.argv, host.environment);
  expect_result((child.write_all(request_frame(0, "hello")), child.read_frame()), 0, host.name);
  long id = 1;
  const auto measure = [&](int count, std::size_t screenshot_bytes) {
    std::vector<double> samples;
    for (int i = 0; i < count; ++i, ++id) {
      const std::string frame =
          request_frame(id, "confirmation.save", sample_save_params(static_cast<std::size_t>(id), screenshot_bytes));
      const auto start = Clock::now();
      child.write_all(frame);
      const auto reply = child.read_frame();
      samples.push_back(milliseconds_since(start));
      if (expect_result(reply, id, host.name).value("duplicate", true))
        throw std::runtime_error("a save was a duplicate");
    }
    return samples;
  };
  const std::vector<double> plain = measure(sizes.saves, 0);
  const std::vector<double> with_screenshot = measure(sizes.screenshot_saves, 2U << 20);
  const ExitInfo exit = child.wait(true);
  emit(merged(json{{"suite", "notrain"}, {"name", "save"}, {"host", "notrain"}, {"unit", "ms"}}, summary(plain)));
  emit(merged(json{{"suite", "notrain"},
                   {"name", "save_screenshot_2mib"},
                   {"host", "notrain"},
                   {"unit", "ms"},
                   {"peak_rss_kib", exit.peak_rss_kib}},
              summary(with_screenshot)));
}

struct Options {
  std::string notrain, c_host, python, python_script;
  fs::path work;
  bool tiny = false;
  bool cold_only = false;  // only the cold-start comparison (for trying link options)
  std::vector<std::pair<std::string, std::string>> variants;  // other builds of NoTrain: name, binary
};

Options parse(int argc, char** argv) {
  Options options;
  for (int i = 1; i < argc; ++i) {
    const std::string word = argv[i];
    const auto value = [&]() -> std::string {
      if (i + 1 >= argc) throw std::invalid_argument(word + " needs a value");
      return argv[++i];
    };
    if (word == "--notrain") options.notrain = value();
    else if (word == "--c-host") options.c_host = value();
    else if (word == "--python") options.python = value();
    else if (word == "--python-host") options.python_script = value();
    else if (word == "--work") options.work = value();
    else if (word == "--tiny") options.tiny = true;
    else if (word == "--cold-only") options.cold_only = true;
    else if (word == "--variant") {
      const std::string text = value();
      const auto equals = text.find('=');
      if (equals == std::string::npos) throw std::invalid_argument("--variant takes NAME=BINARY");
      options.variants.emplace_back(text.substr(0, equals), text.substr(equals + 1));
    } else throw std::invalid_argument("unknown argument " + word);
  }
  if (options.notrain.empty() || options.c_host.empty() || options.python.empty() || options.python_script.empty() ||
      options.work.empty()) {
    throw std::invalid_argument(
        "usage: notrain-host-bench --notrain BIN --c-host BIN --python PYTHON3 --python-host SCRIPT --work DIR "
        "[--tiny]\n"
        "       [--cold-only] [--variant NAME=BIN]...  (other NoTrain builds beside the rest)");
  }
  return options;
}

}  // namespace

int main(int argc, char** argv) {
  try {
    const Options options = parse(argc, argv);
    const Sizes sizes = options.tiny ? tiny_sizes() : Sizes{};
    fs::create_directories(options.work);
    const fs::path data_home = fs::absolute(options.work / "ping-home");
    const std::vector<std::string> environment =
        environment_with({"XDG_DATA_HOME=" + data_home.string(), "HOME=" + data_home.string()});
    // Every host is called as Chromium calls NoTrain: the origin, then a switch to ignore.
    const std::vector<std::string> caller = {std::string(notrain::identity::kChromiumOrigin), "--parent-window=0"};
    const auto with_caller = [&](std::vector<std::string> command) {
      command.insert(command.end(), caller.begin(), caller.end());
      return command;
    };
    std::vector<Host> hosts = {{"c", with_caller({options.c_host}), environment},
                               {"notrain", with_caller({options.notrain}), environment},
                               {"python", with_caller({options.python, options.python_script}), environment}};
    const Host notrain = hosts[1];
    // Other builds of NoTrain (a link option, an earlier commit) take part in every comparison, interleaved.
    for (const auto& [name, binary] : options.variants) hosts.push_back({name, with_caller({binary}), environment});
    bench_cold_start(hosts, sizes);
    if (options.cold_only) return 0;
    progress("round trip on an open pipe: " + std::to_string(sizes.latency_calls) + " pings per host");
    for (const Host& host : hosts) bench_latency(host, sizes);
    bench_throughput(hosts, sizes);
    bench_cold_list(notrain, fs::absolute(options.work), sizes);
    bench_save(notrain, fs::absolute(options.work), sizes);
    return 0;
  } catch (const std::exception& error) {
    std::cerr << "notrain-host-bench: " << error.what() << '\n';
    return 1;
  }
}
