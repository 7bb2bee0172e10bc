import type { LayerWorkloadV1, NetworkWorkloadV1 } from '@cimkit/core'

function dense(name: string, inputs: number, outputs: number): LayerWorkloadV1 {
  return { name, kind: 'dense', inputs, outputs, mvmsPerInference: 1 }
}

/** Paper 004 §3.2/§4.1.3: the fully connected MNIST BNN, 784-1024-1024-10 (1,861,632 synapses). */
export const mnistBnn: NetworkWorkloadV1 = { name: 'bnn-mnist', layers: [dense('fc1', 784, 1024), dense('fc2', 1024, 1024), dense('fc3', 1024, 10)] }
