/** A point in a two-metric trade-off. @since 0.1.0 */
export interface TradeoffPoint {
  readonly point: number
  readonly x: number
  readonly y: number
}

/**
 * The Pareto-optimal points when both metrics are maximised (negate a metric to minimise it):
 * no other point is at least as good in both and better in one. Sorted by x.
 * @example paretoFront([{ point: 0, x: 1, y: 1 }, { point: 1, x: 2, y: 0 }, { point: 2, x: 0.5, y: 0.5 }]).map((p) => p.point) // [0, 1]
 * @since 0.1.0
 */
export function paretoFront(points: readonly TradeoffPoint[]): TradeoffPoint[] {
  const sorted = [...points].filter((p) => Number.isFinite(p.x) && Number.isFinite(p.y)).sort((a, b) => b.x - a.x || b.y - a.y)
  const front: TradeoffPoint[] = []
  let bestY = -Infinity
  for (const candidate of sorted) {
    if (candidate.y > bestY) {
      front.push(candidate)
      bestY = candidate.y
    }
  }
  return front.reverse()
}
