/**
 * A named partial configuration a plugin ships: `device: { type: rram, preset: isaac-2bit }`
 * fills the section from the preset, and the user's keys override it. An architecture preset may
 * also fill other sections (device, peripherals). Presets are data and name their source.
 * @since 0.1.0
 */
export interface PresetV1 {
  readonly description: string
  /** Paper, table or measurement the values come from. */
  readonly source: string
  /** Partial config: section name → keys (e.g. `{ device: { type: 'rram', levels: 4 } }`). */
  readonly config: Readonly<Record<string, unknown>>
}
