// Samples, their summary (median, p90, ...) and the JSON line each benchmark prints. Every line is
// one self-describing result; bench/report.py turns them into the table, results.md and the plots.
#pragma once
#include <algorithm>
#include <chrono>
#include <cmath>
#include <cstdio>
#include <iostream>
#include <numeric>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

namespace notrain::bench {

using Clock = std::chrono::steady_clock;

inline double milliseconds_since(Clock::time_point start) {
  return std::chrono::duration<double, std::milli>(Clock::now() - start).count();
}

// Nearest-rank percentile of sorted samples.
inline double percentile(const std::vector<double>& sorted, double fraction) {
  if (sorted.empty()) return 0;
  const auto rank = static_cast<std::size_t>(std::lround(fraction * static_cast<double>(sorted.size() - 1)));
  return sorted[std::min(rank, sorted.size() - 1)];
}

// {n, median, p90, p99, min, max, mean} of the samples.
inline nlohmann::json summary(std::vector<double> samples) {
  std::sort(samples.begin(), samples.end());
  const double mean =
      samples.empty() ? 0 : std::accumulate(samples.begin(), samples.end(), 0.0) / static_cast<double>(samples.size());
  return {{"n", samples.size()},
          {"median", percentile(samples, 0.5)},
          {"p90", percentile(samples, 0.9)},
          {"p99", percentile(samples, 0.99)},
          {"min", samples.empty() ? 0 : samples.front()},
          {"max", samples.empty() ? 0 : samples.back()},
          {"mean", mean}};
}

// `base` with the fields of `more` added (nlohmann's update() returns nothing, so it cannot chain).
inline nlohmann::json merged(nlohmann::json base, const nlohmann::json& more) {
  base.update(more);
  return base;
}

// Prints one result line; `fields` names it (suite, name, host or records, unit) and holds its values.
inline void emit(const nlohmann::json& fields) { std::cout << fields.dump() << '\n' << std::flush; }

// Progress for the person running the bench, on stderr so stdout stays results only.
inline void progress(const std::string& message) { std::cerr << "bench: " << message << '\n'; }

}  // namespace notrain::bench
