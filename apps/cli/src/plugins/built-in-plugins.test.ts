import { describe, expect, it } from 'vitest'
import { builtInPlugins } from './built-in-plugins.js'
import { builtInPluginPackages } from './list-plugin-packages.js'

describe('built-in plugins', () => {
  it('the manifest listing and the imported preset name the same packages, in order', () => {
    expect(builtInPlugins.map((plugin) => plugin.meta.name)).toEqual([...builtInPluginPackages])
  })
})
