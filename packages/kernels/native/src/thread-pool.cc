#include "thread-pool.h"

#if defined(__x86_64__) || defined(__i386__)
#include <immintrin.h>
#define CIMKIT_CPU_RELAX() _mm_pause()
#else
#define CIMKIT_CPU_RELAX() std::this_thread::yield()
#endif

namespace cimkit {
namespace {

// About 50 us of spinning (pause is 40-140 cycles on current x86 cores) before a worker sleeps:
// long enough to catch the next GEMM of a layer loop, short enough not to steal a busy core.
constexpr int kSpinIterations = 1 << 11;

constexpr std::uint32_t job_of(std::uint64_t state) { return static_cast<std::uint32_t>(state >> 32); }
constexpr int chunks_of(std::uint64_t state) { return static_cast<int>((state >> 16) & 0xffff); }
constexpr int next_of(std::uint64_t state) { return static_cast<int>(state & 0xffff); }

}  // namespace

ThreadPool::ThreadPool(int workers) {
  threads_.reserve(workers);
  for (int index = 0; index < workers; ++index) threads_.emplace_back([this] { work(); });
}

void ThreadPool::run(int chunks, const std::function<void(int)>& task) {
  if (chunks <= 1 || threads_.empty()) {
    for (int index = 0; index < chunks; ++index) task(index);
    return;
  }
  std::lock_guard<std::mutex> serial(run_mutex_);
  const std::uint32_t job = ++jobs_started_;
  task_ = &task;
  done_.store(0, std::memory_order_relaxed);
  // Release: a worker whose claim reads this state also sees task_ and the reset done_.
  state_.store((static_cast<std::uint64_t>(job) << 32) | (static_cast<std::uint64_t>(chunks) << 16), std::memory_order_release);
  {
    // Publishing under the mutex closes the window between a worker's predicate check and its wait.
    std::lock_guard<std::mutex> lock(wake_mutex_);
    generation_.store(job, std::memory_order_release);
  }
  wake_.notify_all();
  participate(job);
  // Only pieces a worker has already claimed remain; wait for them.
  for (int spin = 0; done_.load(std::memory_order_acquire) != chunks; ++spin) {
    if (spin < kSpinIterations) CIMKIT_CPU_RELAX();
    else std::this_thread::yield();
  }
}

void ThreadPool::participate(std::uint32_t job) {
  std::uint64_t state = state_.load(std::memory_order_acquire);
  for (;;) {
    if (job_of(state) != job || next_of(state) >= chunks_of(state)) return;
    if (!state_.compare_exchange_weak(state, state + 1, std::memory_order_acq_rel, std::memory_order_acquire)) continue;
    (*task_)(next_of(state));
    done_.fetch_add(1, std::memory_order_acq_rel);
    state = state_.load(std::memory_order_acquire);
  }
}

void ThreadPool::work() {
  std::uint32_t seen = 0;
  for (;;) {
    std::uint32_t current = generation_.load(std::memory_order_acquire);
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
    participate(current);
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
