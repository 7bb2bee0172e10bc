import { definePlugin } from '@cimkit/core'
import type { CimkitPluginV1 } from '@cimkit/core'
import { VERSION } from './version.js'
import { NetworkWorkload } from './workload/network-workload.js'
import { networkWorkloadOptionsSchema } from './workload/network-workload-options.js'

// Network IR
export { isArrayLayer } from './ir/layer.js'
export type { BatchNormLayer, Conv2dLayer, DenseLayer, GlobalAvgPoolLayer, Layer, LayerOp, Pool2dLayer, SplitDenseLayer } from './ir/layer.js'
export { layerMatrices } from './ir/layer-matrices.js'
export type { LayerMatrix } from './ir/layer-matrices.js'
export { inferLayerShape, windowOutputSize } from './ir/infer-shape.js'
export { createNetwork, createSequentialNetwork } from './ir/network.js'
export type { Network, NetworkNode, NetworkNodeSpec, NetworkSpec } from './ir/network.js'
// Errors
export { DatasetError } from './errors/dataset-error.js'
export { NetworkError } from './errors/network-error.js'
// Execution
export { createFloatMatmulProvider } from './execute/matmul-provider.js'
export type { MatmulFunction, MatmulProvider, MatmulRequest } from './execute/matmul-provider.js'
export { createNetworkExecutor } from './execute/network-executor.js'
export type { LayerObserver, NetworkExecutor, NetworkExecutorOptions } from './execute/network-executor.js'
export { argmaxRows, evaluateAccuracy } from './execute/evaluate-accuracy.js'
// Datasets
export { datasetBatch, datasetHead, gatherBatch } from './datasets/dataset.js'
export type { ImageDataset } from './datasets/dataset.js'
export { readIdxFile } from './datasets/idx-file.js'
export type { IdxFile } from './datasets/idx-file.js'
export { loadMnist, mnistDataDirectory, readIdxImageDataset } from './datasets/mnist.js'
export type { MnistOptions } from './datasets/mnist.js'
export { fashionMnistDataDirectory, loadFashionMnist } from './datasets/fashion-mnist.js'
export type { FashionMnistOptions } from './datasets/fashion-mnist.js'
export { loadCifar10 } from './datasets/cifar10.js'
export { loadDataset } from './datasets/load-dataset.js'
export type { DatasetName } from './datasets/load-dataset.js'
export type { Cifar10Options } from './datasets/cifar10.js'
// ONNX import
export { importOnnxModel, loadOnnxFile } from './onnx/import-onnx.js'
export { onnxModelType, onnxSchemaDescriptor } from './onnx/onnx-schema.js'
export { OnnxImportError } from './errors/onnx-import-error.js'
// Training
export { trainingConfigSchema } from './train/training-config.js'
export type { TrainingConfig, TrainingConfigInput } from './train/training-config.js'
export { softmaxCrossEntropy, trainNetwork } from './train/train-network.js'
export type { EpochRecord, TrainNetworkOptions, TrainResult } from './train/train-network.js'
export { formatTrainingProgress } from './train/progress.js'
export type { TrainingProgress } from './train/progress.js'
export { createAdamOptimizer, createSgdOptimizer } from './train/optimizer.js'
export type { Optimizer } from './train/optimizer.js'
export { createParameter } from './train/parameter.js'
export type { Parameter } from './train/parameter.js'
export { createDeviceWeightNoise, createGaussianWeightNoise, transformWeights } from './train/weight-transform.js'
export type { WeightNoise } from './train/weight-transform.js'
export { TrainableNetwork } from './train/trainable-network.js'
export { initializeUniform } from './train/initialize.js'
// Reference models
export { referenceArchitectures } from './models/architectures.js'
export { trainModelFromConfig, trainReferenceModel } from './models/train-reference-model.js'
export type { TrainedModelReport, TrainModelOptions } from './models/train-reference-model.js'
export { parseNetworkFile, serializeNetwork } from './models/network-file.js'
export type { NetworkFileV1, TensorRefV1 } from './models/network-file.js'
export {
  isReferenceModelName, loadNetworkFiles, loadReferenceModel, readReferenceModelConfig, referenceModelDirectory, referenceModelNames, saveNetworkFiles,
} from './models/reference-models.js'
export type { ReferenceModelAccuracy, ReferenceModelConfig, ReferenceModelName } from './models/reference-models.js'

// Hardware (engine-backed matrix products)
export { activityPerInference, createEngineMatmulFactory } from './hardware/engine-matmul-factory.js'
export type { LayerActivityLedger } from './hardware/engine-matmul-factory.js'
export { hardwareSimulationOptionsSchema } from './hardware/hardware-simulation-options.js'
export type { HardwareSimulationOptions } from './hardware/hardware-simulation-options.js'
// Workload
export { describeNetwork } from './workload/describe-network.js'
export { runAccuracy } from './workload/accuracy-run.js'
export type { AccuracyRunOptions, AccuracyRunResult, LayerSignalStatistics } from './workload/accuracy-run.js'
export { loadWorkloadNetwork, NetworkWorkload } from './workload/network-workload.js'
export type { HardwareMatmulFactory } from './workload/network-workload.js'
export { networkWorkloadOptionsSchema } from './workload/network-workload-options.js'
export type { NetworkWorkloadOptions } from './workload/network-workload-options.js'

/**
 * Workloads for cimkit: `workload: { type: network, model, dataset, samples }` runs a trained
 * network (built in, ONNX, or a cimkit network directory) on a test split.
 * @since 0.1.0
 */
export function createNnPlugin(): CimkitPluginV1 {
  return definePlugin({
    meta: { name: '@cimkit/nn', version: VERSION },
    specificationVersion: 'v1',
    register(registrar) {
      registrar.workload('network', {
        description: 'A trained network (built-in name, .onnx file or network directory) evaluated on MNIST, Fashion-MNIST or CIFAR-10',
        optionsSchema: networkWorkloadOptionsSchema,
        create: (options, context) => new NetworkWorkload(options, context.configDirectory),
      })
    },
  })
}

export default createNnPlugin()
