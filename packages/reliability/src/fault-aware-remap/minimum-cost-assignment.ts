/**
 * Minimum-cost perfect assignment of n workers to n jobs: the Hungarian (Kuhn–Munkres) algorithm
 * with row and column potentials and shortest augmenting paths, O(n³).
 * `cost[worker * n + job]`; returns `jobOf[worker]`.
 * @example minimumCostAssignment(Float64Array.of(4, 1, 2, 3), 2) // returns Int32Array [1, 0]
 * @since 0.1.0
 */
export function minimumCostAssignment(cost: Float64Array, n: number): Int32Array {
  // 1-based arrays as in the classic formulation; index 0 is the virtual start.
  const u = new Float64Array(n + 1)
  const v = new Float64Array(n + 1)
  const workerOfJob = new Int32Array(n + 1)
  const way = new Int32Array(n + 1)
  const minimum = new Float64Array(n + 1)
  const used = new Uint8Array(n + 1)
  for (let worker = 1; worker <= n; worker++) {
    workerOfJob[0] = worker
    let job0 = 0
    minimum.fill(Infinity)
    used.fill(0)
    do {
      used[job0] = 1
      const worker0 = workerOfJob[job0]!
      let delta = Infinity
      let job1 = 0
      for (let job = 1; job <= n; job++) {
        if (used[job]) continue
        const reduced = cost[(worker0 - 1) * n + job - 1]! - u[worker0]! - v[job]!
        if (reduced < minimum[job]!) {
          minimum[job] = reduced
          way[job] = job0
        }
        if (minimum[job]! < delta) {
          delta = minimum[job]!
          job1 = job
        }
      }
      for (let job = 0; job <= n; job++) {
        if (used[job]) {
          u[workerOfJob[job]!]! += delta
          v[job]! -= delta
        } else {
          minimum[job]! -= delta
        }
      }
      job0 = job1
    } while (workerOfJob[job0] !== 0)
    do {
      const job1 = way[job0]!
      workerOfJob[job0] = workerOfJob[job1]!
      job0 = job1
    } while (job0 !== 0)
  }
  const jobOf = new Int32Array(n)
  for (let job = 1; job <= n; job++) jobOf[workerOfJob[job]! - 1] = job - 1
  return jobOf
}
