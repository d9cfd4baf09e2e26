#include "base/parallel.h"

#include <algorithm>
#include <atomic>
#include <thread>
#include <vector>

namespace pops {

void parallel_for(std::size_t n, const std::function<void(std::size_t)>& job, unsigned threads)
{
  if (threads == 0) {
    threads = std::max(1u, std::thread::hardware_concurrency());
  }
  const std::size_t count = std::min<std::size_t>(threads, n);
  std::atomic<std::size_t> next{0};
  auto work = [&] {
    for (std::size_t i = next++; i < n; i = next++) {
      job(i);
    }
  };
  std::vector<std::thread> pool;
  for (std::size_t t = 1; t < count; ++t) {
    pool.emplace_back(work);
  }
  work();
  for (auto& t : pool) {
    t.join();
  }
}

} // namespace pops
