#ifndef CIMKIT_THREAD_POOL_H_
#define CIMKIT_THREAD_POOL_H_

#include <atomic>
#include <condition_variable>
#include <cstdint>
#include <functional>
#include <mutex>
#include <thread>
#include <vector>

namespace cimkit {

// A fixed set of worker threads that run task(1..n-1) while the caller runs task(0). Workers spin
// briefly after each job before sleeping on a condition variable, so back-to-back GEMM calls
// (a network's layers) do not pay a futex wake-up each; spawning threads per call would cost
// more than a whole 256 x 256 x 64 GEMM.
class ThreadPool {
 public:
  explicit ThreadPool(int workers);
  ThreadPool(const ThreadPool&) = delete;
  ThreadPool& operator=(const ThreadPool&) = delete;

  // Threads a job can use: the workers plus the caller.
  int capacity() const { return static_cast<int>(threads_.size()) + 1; }
  // Runs task(i) for i in [0, tasks), tasks <= capacity(); returns when all have finished.
  // Calls from several JavaScript threads (worker_threads) are serialised.
  void run(int tasks, const std::function<void(int)>& task);

 private:
  void work(int index);

  std::vector<std::thread> threads_;
  std::mutex run_mutex_;
  std::mutex wake_mutex_;
  std::condition_variable wake_;
  std::atomic<std::uint64_t> generation_{0};
  std::atomic<int> pending_{0};
  const std::function<void(int)>* task_ = nullptr;
  int tasks_ = 0;
};

// The process-wide pool, sized to the hardware threads, created on first use.
ThreadPool& shared_thread_pool();

}  // namespace cimkit

#endif  // CIMKIT_THREAD_POOL_H_
