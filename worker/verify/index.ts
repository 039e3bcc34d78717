// Verification's public surface: flow classes, intents and their check, the difference between two designs,
// change plans. May not touch: React, the DOM, zustand, src/store, src/canvas.
export { type Cuts, type FlowClass, type FlowSource, FlowSpace, representative } from './classes'
export {
  type ChangedClass,
  type ChangedFlow,
  Comparison,
  type ComparisonOptions,
  type DesignDiff,
  describeOutcomes,
  diffDesigns,
  type FieldChange,
  type ResourceDiff,
  resourceDiff,
} from './diff'
export { type Outcome, outcomes, Prober, replay } from './explore'
export {
  BUILT_IN_INTENTS,
  checkNames,
  type Endpoints,
  INTENTS_FORMAT,
  INTENTS_VERSION,
  type Intent,
  type IntentError,
  type IntentsFile,
  intentsJsonSchema,
  parseIntents,
} from './intents'
export {
  checkPlan,
  guideSteps,
  type PlanCheck,
  type PlanOptions,
  type PlanWindow,
  planStates,
  prerequisites,
  type StateReport,
  WINDOW_KINDS,
  type WindowKind,
} from './plan'
export {
  applyStep,
  describeStep,
  PLAN_FORMAT,
  PLAN_VERSION,
  type Plan,
  type PlanParse,
  type PlanStep,
  parsePlan,
  STEP_APIS,
  type StepResult,
} from './steps'
export {
  type Counterexample,
  describeClass,
  type IntentResult,
  inSlices,
  type Verification,
  Verifier,
  type VerifyOptions,
  type VerifyResult,
  verify,
  verifyNetwork,
  verifySteps,
  violation,
} from './verify'
