/**
 * Counts of component actions, the bridge between functional simulation and cost:
 * `layers[layer][component][action] = count` per inference (already divided by the number of
 * inferences simulated). Component names are the architecture's hierarchy names.
 * @since 0.1.0
 */
export interface ActivityV1 {
  readonly layers: Readonly<Record<string, Readonly<Record<string, Readonly<Record<string, number>>>>>>
}
