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

// A fixed set of worker threads that help the calling thread through a job of `chunks`
// independent pieces. Pieces are claimed dynamically (an atomic counter), so a worker that the OS
// does not schedule in time (a busy shared machine) costs nothing: the caller takes its pieces.
// Workers spin briefly after each job before sleeping on a condition variable, so back-to-back
// GEMMs (a network's layers) do not pay a futex wake-up each; spawning threads per call would
// cost more than a whole 256 x 256 x 64 GEMM.
class ThreadPool {
 public:
  explicit ThreadPool(int workers);
  ThreadPool(const ThreadPool&) = delete;
  ThreadPool& operator=(const ThreadPool&) = delete;

  // Threads a job can use: the workers plus the caller.
  int capacity() const { return static_cast<int>(threads_.size()) + 1; }
  // Runs task(i) once for each i in [0, chunks) (chunks <= 65535) on the caller and any idle
  // workers; returns when all have finished. Calls from several JavaScript threads are serialised.
  void run(int chunks, const std::function<void(int)>& task);

 private:
  void work();
  // Claims and runs pieces of job `job` until none are left or another job has started.
  void participate(std::uint32_t job);

  std::vector<std::thread> threads_;
  std::mutex run_mutex_;
  std::mutex wake_mutex_;
  std::condition_variable wake_;
  std::uint32_t jobs_started_ = 0;
  // Latest job id, for waking workers.
  std::atomic<std::uint32_t> generation_{0};
  // [job id : 32][chunks : 16][next unclaimed chunk : 16], claimed by compare-and-swap, so a
  // worker that read a stale job id can never claim a piece of a newer job.
  std::atomic<std::uint64_t> state_{0};
  std::atomic<int> done_{0};
  const std::function<void(int)>* task_ = nullptr;
};

// The process-wide pool, sized to the hardware threads, created on first use.
ThreadPool& shared_thread_pool();

}  // namespace cimkit

#endif  // CIMKIT_THREAD_POOL_H_
