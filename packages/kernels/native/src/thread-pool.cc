#include "thread-pool.h"

#if defined(__x86_64__) || defined(__i386__)
#include <immintrin.h>
#define CIMKIT_CPU_RELAX() _mm_pause()
#else
#define CIMKIT_CPU_RELAX() std::this_thread::yield()
#endif

namespace cimkit {
namespace {
// About 1 ms of spinning on a ~3 GHz core (pause is tens of cycles) before a worker sleeps.
constexpr int kSpinIterations = 1 << 15;
}  // namespace

ThreadPool::ThreadPool(int workers) {
  threads_.reserve(workers);
  for (int index = 1; index <= workers; ++index) threads_.emplace_back([this, index] { work(index); });
}

void ThreadPool::run(int tasks, const std::function<void(int)>& task) {
  if (tasks <= 1 || threads_.empty()) {
    for (int index = 0; index < tasks; ++index) task(index);
    return;
  }
  std::lock_guard<std::mutex> serial(run_mutex_);
  task_ = &task;
  tasks_ = tasks;
  pending_.store(static_cast<int>(threads_.size()), std::memory_order_relaxed);
  {
    // Publishing under the mutex closes the window between a worker's predicate check and its wait.
    std::lock_guard<std::mutex> lock(wake_mutex_);
    generation_.fetch_add(1, std::memory_order_release);
  }
  wake_.notify_all();
  task(0);
  for (int spin = 0; pending_.load(std::memory_order_acquire) != 0; ++spin) {
    if (spin < kSpinIterations) CIMKIT_CPU_RELAX();
    else std::this_thread::yield();
  }
}

void ThreadPool::work(int index) {
  std::uint64_t seen = 0;
  for (;;) {
    std::uint64_t current = generation_.load(std::memory_order_acquire);
    for (int spin = 0; current == seen && spin < kSpinIterations; ++spin) {
      CIMKIT_CPU_RELAX();
      current = generation_.load(std::memory_order_acquire);
    }
    if (current == seen) {
      std::unique_lock<std::mutex> lock(wake_mutex_);
      wake_.wait(lock, [&] { return generation_.load(std::memory_order_acquire) != seen; });
      current = generation_.load(std::memory_order_acquire);
    }
    seen = current;
    if (index < tasks_) (*task_)(index);
    pending_.fetch_sub(1, std::memory_order_acq_rel);
  }
}

ThreadPool& shared_thread_pool() {
  // NOTE: intentionally never destroyed: the workers block forever in wait() and the process
  // exit reclaims them; a static ThreadPool's destructor would run std::thread's destructor on
  // joinable threads (std::terminate) at exit.
  static ThreadPool* pool = [] {
    const unsigned hardware = std::thread::hardware_concurrency();
    return new ThreadPool(hardware > 1 ? static_cast<int>(hardware) - 1 : 0);
  }();
  return *pool;
}

}  // namespace cimkit
