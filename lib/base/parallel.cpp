#include "base/parallel.h"

#include <algorithm>
#include <atomic>
#include <condition_variable>
#include <deque>
#include <exception>
#include <memory>
#include <mutex>
#include <thread>
#include <vector>

namespace pops {

namespace {

/// Threads waiting for tasks, for the life of the process.
class Pool {
public:
  explicit Pool(unsigned n)
  {
    for (unsigned i = 0; i < n; ++i) {
      threads_.emplace_back([this] { run(); });
    }
  }
  ~Pool()
  {
    {
      std::lock_guard lock(mutex_);
      stop_ = true;
    }
    ready_.notify_all();
    for (auto& t : threads_) {
      t.join();
    }
  }
  Pool(const Pool&) = delete;
  Pool& operator=(const Pool&) = delete;

  unsigned size() const { return static_cast<unsigned>(threads_.size()); }

  void submit(std::function<void()> task)
  {
    {
      std::lock_guard lock(mutex_);
      tasks_.push_back(std::move(task));
    }
    ready_.notify_one();
  }

private:
  void run()
  {
    for (;;) {
      std::function<void()> task;
      {
        std::unique_lock lock(mutex_);
        ready_.wait(lock, [this] { return stop_ || !tasks_.empty(); });
        if (tasks_.empty()) {
          return;  // stopping, nothing left
        }
        task = std::move(tasks_.front());
        tasks_.pop_front();
      }
      task();
    }
  }

  std::mutex mutex_;
  std::condition_variable ready_;
  std::deque<std::function<void()>> tasks_;
  bool stop_ = false;
  std::vector<std::thread> threads_;
};

Pool& pool()
{
  static Pool p(std::max(1u, std::thread::hardware_concurrency()) - 1);
  return p;
}

/// One call of parallel_for. Pool tasks hold it by shared_ptr: a task that starts after the caller
/// closed the batch returns without touching the caller's job.
struct Batch {
  const std::function<void(std::size_t)>* job = nullptr;
  std::size_t n = 0;
  std::atomic<std::size_t> next{0};
  std::mutex mutex;
  std::condition_variable idle;
  bool closed = false;
  int active = 0;
  std::exception_ptr error;

  void work()
  {
    for (std::size_t i = next++; i < n; i = next++) {
      try {
        (*job)(i);
      } catch (...) {
        std::lock_guard lock(mutex);
        if (!error) {
          error = std::current_exception();
        }
        next = n;  // start no more jobs
      }
    }
  }
};

}  // namespace

unsigned pool_threads()
{
  return pool().size();
}

void parallel_for(std::size_t n, const std::function<void(std::size_t)>& job, unsigned threads)
{
  if (n == 0) {
    return;
  }
  if (threads == 0) {
    threads = std::max(1u, std::thread::hardware_concurrency());
  }
  const std::size_t helpers = std::min<std::size_t>({threads, n, std::size_t{pool_threads()} + 1}) - 1;
  auto batch = std::make_shared<Batch>();
  batch->job = &job;
  batch->n = n;
  for (std::size_t t = 0; t < helpers; ++t) {
    pool().submit([batch] {
      {
        std::lock_guard lock(batch->mutex);
        if (batch->closed) {
          return;
        }
        ++batch->active;
      }
      batch->work();
      {
        std::lock_guard lock(batch->mutex);
        --batch->active;
      }
      batch->idle.notify_all();
    });
  }
  batch->work();
  std::unique_lock lock(batch->mutex);
  batch->closed = true;
  batch->idle.wait(lock, [&] { return batch->active == 0; });
  if (batch->error) {
    std::rethrow_exception(batch->error);
  }
}

}  // namespace pops
