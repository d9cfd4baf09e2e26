#include "base/parallel.h"

#include <doctest/doctest.h>

#include <atomic>
#include <chrono>
#include <mutex>
#include <set>
#include <stdexcept>
#include <thread>
#include <vector>

using namespace pops;

TEST_CASE("parallel_for runs every job exactly once")
{
  for (const std::size_t n : {0u, 1u, 2u, 7u, 1000u}) {
    std::vector<std::atomic<int>> runs(n);
    parallel_for(n, [&](std::size_t i) { ++runs[i]; });
    for (std::size_t i = 0; i < n; ++i) {
      CHECK(runs[i] == 1);
    }
  }
}

TEST_CASE("parallel_for uses no more threads than asked, the caller among them")
{
  std::mutex m;
  std::set<std::thread::id> ids;
  parallel_for(
    64,
    [&](std::size_t) {
      std::this_thread::sleep_for(std::chrono::milliseconds(1));
      std::lock_guard lock(m);
      ids.insert(std::this_thread::get_id());
    },
    1);
  CHECK(ids.size() == 1);
  CHECK(ids.count(std::this_thread::get_id()) == 1);

  ids.clear();
  parallel_for(
    64,
    [&](std::size_t) {
      std::this_thread::sleep_for(std::chrono::milliseconds(1));
      std::lock_guard lock(m);
      ids.insert(std::this_thread::get_id());
    },
    2);
  CHECK(ids.size() <= 2);
}

TEST_CASE("the pool's threads are reused from call to call")
{
  std::mutex m;
  std::set<std::thread::id> ids;
  for (int round = 0; round < 20; ++round) {
    parallel_for(16, [&](std::size_t) {
      std::lock_guard lock(m);
      ids.insert(std::this_thread::get_id());
    });
  }
  // Threads per call would give up to 20 distinct helpers per core; the pool has a fixed set.
  CHECK(ids.size() <= pool_threads() + 1);
}

TEST_CASE("an exception in a job reaches the caller, and no further jobs start")
{
  std::atomic<int> started{0};
  CHECK_THROWS_WITH_AS(parallel_for(
                         10000,
                         [&](std::size_t i) {
                           ++started;
                           if (i == 3) {
                             throw std::runtime_error("job 3 failed");
                           }
                           std::this_thread::sleep_for(std::chrono::microseconds(50));
                         },
                         4),
                       "job 3 failed", std::runtime_error);
  CHECK(started < 10000);
  // The pool still works afterwards.
  std::atomic<int> done{0};
  parallel_for(100, [&](std::size_t) { ++done; });
  CHECK(done == 100);
}

TEST_CASE("a job may call parallel_for itself")
{
  std::atomic<int> total{0};
  parallel_for(8, [&](std::size_t) { parallel_for(8, [&](std::size_t) { ++total; }); });
  CHECK(total == 64);
}

namespace {

struct JobFailed {
  std::size_t index;
};

}  // namespace

TEST_CASE("the exception keeps its type; every job throwing gives one exception, no job runs twice")
{
  std::vector<std::atomic<int>> runs(200);
  try {
    parallel_for(runs.size(), [&](std::size_t i) {
      ++runs[i];
      throw JobFailed{i};
    });
    FAIL("no exception reached the caller");
  } catch (const JobFailed& e) {
    CHECK(e.index < runs.size());
    CHECK(runs[e.index] == 1);
  }
  int ran = 0;
  for (const auto& r : runs) {
    CHECK(r <= 1);
    ran += r;
  }
  // At most one job per thread starts before the first exception stops the others.
  CHECK(ran >= 1);
  CHECK(ran <= static_cast<int>(pool_threads()) + 1);
}

TEST_CASE("an exception inside a nested parallel_for reaches the outer caller")
{
  CHECK_THROWS_WITH_AS(parallel_for(4,
                                    [&](std::size_t i) {
                                      parallel_for(4, [&](std::size_t j) {
                                        if (i == 2 && j == 1) {
                                          throw std::runtime_error("inner 2.1");
                                        }
                                      });
                                    }),
                       "inner 2.1", std::runtime_error);
}
