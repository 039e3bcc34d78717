// What the verify bench times, bundled by esbuild into one module as Vite bundles the engine worker: under tsx
// every call across our modules goes through an export getter (8–14 % of a verify's samples in a profile), which
// the worker's bundle does not have.

export { importDeployment } from '../../src/import'
export { parse } from '../../src/model'
export { buildReferenceDesign } from '../../src/model/reference/build'
export { apiCallPlan } from '../../src/share/apiCalls'
export { compile } from '../../worker/engine'
export {
  BUILT_IN_INTENTS,
  Comparison,
  checkPlan,
  diffDesigns,
  FlowSpace,
  guideSteps,
  Prober,
  prerequisites,
  representative,
  Verifier,
  verify,
} from '../../worker/verify'
export { intentCuts, rolesOf } from '../../worker/verify/verify'
export { generateDesign } from '../fixtures/engine/generate'
export { toStateJson } from '../import/stateJson'
