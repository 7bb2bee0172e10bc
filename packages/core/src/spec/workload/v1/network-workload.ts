/**
 * What a cost model needs to know of one layer that runs on arrays: the shape of its weight
 * matrix as mapped and how often it is used. Produced by the workload (nn) and consumed by
 * architectures, so core needs no network IR.
 * @since 0.1.0
 */
export interface LayerWorkloadV1 {
  readonly name: string
  /** `dense`, `conv2d`, or another operator that maps onto arrays. */
  readonly kind: string
  /** Rows of the mapped weight matrix (inputs per MVM, e.g. k·k·C_in for conv, plus a bias row if mapped). */
  readonly inputs: number
  /** Columns of the mapped weight matrix (outputs per MVM). */
  readonly outputs: number
  /** Matrix-vector products per inference (1 for dense; output height × width for conv). */
  readonly mvmsPerInference: number
  /** For conv layers: input feature map and kernel, which pipeline buffers are sized from. */
  readonly conv?: {
    readonly inputChannels: number
    readonly inputHeight: number
    readonly inputWidth: number
    readonly kernelHeight: number
    readonly kernelWidth: number
    readonly strideHeight: number
    readonly strideWidth: number
    readonly outputHeight: number
    readonly outputWidth: number
  }
  /** Digital operations after the MVM per inference (pooling, activation, batch norm), by kind. */
  readonly digitalOpsPerInference?: Readonly<Record<string, number>>
}

/** A network as a sequence of array-mapped layers. @since 0.1.0 */
export interface NetworkWorkloadV1 {
  readonly name: string
  readonly layers: readonly LayerWorkloadV1[]
}
