#pragma once
// Wall-clock timing for the benchmarks, which report medians beside a reference run.
#include <algorithm>
#include <chrono>
#include <functional>
#include <vector>

namespace clipgen::bench {

inline double seconds_of(const std::function<void()>& work) {
  const auto start = std::chrono::steady_clock::now();
  work();
  return std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
}

inline double median(std::vector<double> v) {
  std::sort(v.begin(), v.end());
  return v[v.size() / 2];
}

}  // namespace clipgen::bench
