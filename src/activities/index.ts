// The activities shipped in src/activities/data, and what opens, grades and packages any activity.
import inboundBypass from './data/01-inbound-bypass.json'
import zoneIInspection from './data/02-zone-i-inspection.json'

export { type GoalResult, type Grade, type GradeEngine, grade } from './grade'
export { type Prepared, type PreparedActivity, prepareActivity, preparedVariants } from './prepare'
export * from './schema'
export { pickValues, substitute, type Values } from './variables'

/** The sample activities, by file name: raw JSON, checked when opened like any activity file. */
export const ACTIVITY_FILES: Record<string, unknown> = {
  '01-inbound-bypass.json': inboundBypass,
  '02-zone-i-inspection.json': zoneIInspection,
}
