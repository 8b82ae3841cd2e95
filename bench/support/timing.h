#pragma once
// Timing for the benchmarks, which report medians beside a reference run.
#include <sys/resource.h>
#include <time.h>

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

// Wall-clock and CPU time (all threads of the process) of one run. CPU time is what a
// benchmark on a machine shared with other work can still compare.
struct Timing {
  double wall = 0, cpu = 0;  // seconds
};

inline double cpu_seconds() {
  rusage usage{};
  getrusage(RUSAGE_SELF, &usage);
  return static_cast<double>(usage.ru_utime.tv_sec + usage.ru_stime.tv_sec) +
         static_cast<double>(usage.ru_utime.tv_usec + usage.ru_stime.tv_usec) / 1e6;
}

// CPU time of the calling thread alone: on a machine other builds share, what the work itself cost.
inline double thread_cpu_seconds() {
  timespec now{};
  clock_gettime(CLOCK_THREAD_CPUTIME_ID, &now);
  return static_cast<double>(now.tv_sec) + static_cast<double>(now.tv_nsec) / 1e9;
}

inline Timing time_of(const std::function<void()>& work) {
  const double cpu = cpu_seconds();
  const double wall = seconds_of(work);
  return {wall, cpu_seconds() - cpu};
}

inline Timing median(const std::vector<Timing>& runs) {
  std::vector<double> wall, cpu;
  for (const auto& r : runs) {
    wall.push_back(r.wall);
    cpu.push_back(r.cpu);
  }
  return {median(wall), median(cpu)};
}

}  // namespace clipgen::bench
