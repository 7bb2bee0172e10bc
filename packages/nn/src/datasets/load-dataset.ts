import { resolve } from 'node:path'
import { InvalidArgumentError } from '@cimkit/core'
import { loadCifar10 } from './cifar10.js'
import type { ImageDataset } from './dataset.js'
import { loadFashionMnist } from './fashion-mnist.js'
import { loadMnist } from './mnist.js'

/** Dataset names a workload config may use. @since 0.1.0 */
export type DatasetName = 'mnist' | 'fashion-mnist' | 'cifar10'

/**
 * Loads a dataset split by name. CIFAR-10 needs `cifar10Path` (a user-supplied copy of its binary
 * version; relative paths resolve against `baseDirectory`).
 * @since 0.1.0
 */
export function loadDataset(name: DatasetName, split: 'train' | 'test', options: { limit?: number; cifar10Path?: string; baseDirectory?: string } = {}): ImageDataset {
  const limit = options.limit === undefined ? {} : { limit: options.limit }
  switch (name) {
    case 'mnist':
      return loadMnist(split, limit)
    case 'fashion-mnist':
      return loadFashionMnist(split, limit)
    case 'cifar10':
      if (options.cifar10Path === undefined) throw new InvalidArgumentError('cifar10Path', 'CIFAR-10 is not shipped with cimkit: give the directory of its binary version (cifar-10-batches-bin)')
      return loadCifar10(resolve(options.baseDirectory ?? process.cwd(), options.cifar10Path), split, limit)
  }
}
