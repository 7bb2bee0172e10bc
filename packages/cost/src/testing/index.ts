// @cimkit/cost/testing: test doubles for architecture plugins' tests (hardware carrying ISAAC
// Table 6 cost numbers, and small networks), shared so each architecture need not copy them.
export { bitSerialDouble, isaacCellDouble, isaacHardwareDoubles, sarDouble } from './hardware-doubles.js'
export { convLayer, denseLayer, vgg8 } from './networks.js'
