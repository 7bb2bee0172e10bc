/** One layer as the replication balancer sees it. @since 0.1.0 */
export interface ReplicationDemand {
  /** MVMs per inference. */
  readonly mvms: number
  /** Arrays one copy of the weights takes. */
  readonly arraysPerCopy: number
}

/**
 * Weight copies per layer that balance an inter-layer pipeline (ISAAC Sec. 5; PipeLayer's
 * intra-layer parallelism; NeuroSim's `speedUpDegree`): the smallest stage length T (in MVMs) such
 * that r_l = ⌈m_l / T⌉ copies of every layer fit in `arraysAvailable`; then no layer needs more than
 * T MVM steps per inference. Found by bisection on T, so it costs O(L log max m). When even one copy
 * of every layer does not fit, every layer gets one copy. `maxReplication` caps every layer.
 * @example balanceReplication([{ mvms: 1024, arraysPerCopy: 1 }, { mvms: 1, arraysPerCopy: 4 }], 20) // returns [16, 1]
 * @since 0.1.0
 */
export function balanceReplication(layers: readonly ReplicationDemand[], arraysAvailable: number, maxReplication = Number.POSITIVE_INFINITY): number[] {
  const copiesFor = (stage: number): number[] => layers.map((layer) => Math.max(1, Math.min(maxReplication, Math.ceil(layer.mvms / stage))))
  const arraysFor = (copies: readonly number[]): number => copies.reduce((sum, copy, index) => sum + copy * layers[index]!.arraysPerCopy, 0)
  const longest = layers.reduce((max, layer) => Math.max(max, layer.mvms), 1)
  if (arraysFor(copiesFor(longest)) > arraysAvailable) return layers.map(() => 1)
  let low = 1
  let high = longest
  while (low < high) {
    const middle = Math.floor((low + high) / 2)
    if (arraysFor(copiesFor(middle)) <= arraysAvailable) high = middle
    else low = middle + 1
  }
  return copiesFor(low)
}
