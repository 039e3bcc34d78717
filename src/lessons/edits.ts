// Lesson edits applied to a design: pure, each returning a new design or why it cannot apply.
import type { Design } from '../model'
import { findResource, sameBlock, updateResource, withoutEntry, withRoute } from '../model/edits/basic'
import { planDeletion } from '../model/edits/remove'
import type { Lesson, LessonEdit } from './schema'

export type EditResult = { ok: true; design: Design } | { ok: false; message: string }

function missing(kind: string, id: string): EditResult {
  return { ok: false, message: `no ${kind} ${id} in the design` }
}

export function applyLessonEdit(design: Design, edit: LessonEdit): EditResult {
  switch (edit.kind) {
    case 'setApplianceState':
      if (!findResource(design, edit.applianceId, 'appliance')) return missing('appliance', edit.applianceId)
      return {
        ok: true,
        design: updateResource(design, edit.applianceId, 'appliance', (a) => ({ ...a, state: edit.state })),
      }
    case 'setJumboFrames':
      if (!findResource(design, edit.applianceId, 'appliance')) return missing('appliance', edit.applianceId)
      return {
        ok: true,
        design: updateResource(design, edit.applianceId, 'appliance', (a) => ({ ...a, jumboFrames: edit.jumboFrames })),
      }
    case 'setCrossZone':
      if (!findResource(design, edit.gwlbId, 'gwlb')) return missing('GWLB', edit.gwlbId)
      return {
        ok: true,
        design: updateResource(design, edit.gwlbId, 'gwlb', (g) => ({ ...g, crossZoneEnabled: edit.crossZoneEnabled })),
      }
    case 'setRouteEntry':
      if (!findResource(design, edit.routeTableId, 'routeTable')) return missing('route table', edit.routeTableId)
      return {
        ok: true,
        design: updateResource(design, edit.routeTableId, 'routeTable', (t) => ({
          ...t,
          entries: withRoute(t.entries, edit.destinationCidrBlock, edit.nextHopType, edit.nextHopId),
        })),
      }
    case 'deleteRouteEntry': {
      const table = findResource(design, edit.routeTableId, 'routeTable')
      if (!table) return missing('route table', edit.routeTableId)
      if (!table.entries.some((e) => sameBlock(e.destinationCidrBlock, edit.destinationCidrBlock)))
        return { ok: false, message: `${edit.routeTableId} has no entry for ${edit.destinationCidrBlock}` }
      return { ok: true, design: withoutEntry(design, edit.routeTableId, edit.destinationCidrBlock) }
    }
    case 'setConnectionStatus':
      if (!findResource(design, edit.endpointId, 'gwlbEndpoint')) return missing('GWLB endpoint', edit.endpointId)
      return {
        ok: true,
        design: updateResource(design, edit.endpointId, 'gwlbEndpoint', (e) => ({
          ...e,
          connectionStatus: edit.connectionStatus,
        })),
      }
    case 'deleteResource': {
      const plan = planDeletion(design, edit.id)
      if (!plan.ok) return { ok: false, message: plan.refused }
      // with routes to it the plan offers the guide's order first, then "leave them" (the black hole)
      const option = edit.routes === 'leave' ? plan.options.at(-1) : plan.options[0]
      return option ? { ok: true, design: option.design } : { ok: false, message: `${edit.id} cannot be deleted` }
    }
    case 'addScenario':
      return {
        ok: true,
        design: {
          ...design,
          scenarios: [...design.scenarios.filter((s) => s.name !== edit.scenario.name), edit.scenario],
        },
      }
  }
}

export type StepDesigns = { ok: true; designs: Design[] } | { ok: false; step: number; message: string }

/** The design of every step: each step's edits on top of the previous step's design (or the base, fromBase). */
export function stepDesigns(base: Design, lesson: Lesson, name = base.name): StepDesigns {
  const designs: Design[] = []
  let current: Design = { ...base, name }
  for (const [i, step] of lesson.steps.entries()) {
    if (step.fromBase) current = { ...base, name }
    for (const edit of step.edits) {
      const r = applyLessonEdit(current, edit)
      if (!r.ok) return { ok: false, step: i, message: r.message }
      current = r.design
    }
    designs.push(current)
  }
  return { ok: true, designs }
}
