// What the author has typed into the goal form, for every kind of goal at once (switching the kind keeps what
// was typed for the others), and the goal it makes: the check, or what is missing, and the title a student reads
// when the author gives none.
import type { Goal } from '../../../activities'
import type { Design } from '../../../model'

export type GoalKind = Goal['check']['kind']
export type Protocol = 'tcp' | 'udp' | 'icmp'
export type Outcome = 'delivered' | 'dropped'

/** A packet's path: from a resource to an address, and what must become of it. */
export interface ReachDraft {
  source: string
  destination: string
  protocol: Protocol
  port: number
  outcome: Outcome
  inspected: boolean
  symmetric: boolean
}

export interface GoalDraft {
  kind: GoalKind
  reach: ReachDraft
  /** the resources the student must leave alone */
  kept: string[]
  intentText: string
}

/** Who can send a traced packet, and the addresses a packet can go to, from the design. */
export function endpointsOf(design: Design) {
  const sources: { id: string; label: string }[] = []
  const addresses: { value: string; label: string }[] = []
  for (const r of design.resources) {
    const name = r.name ?? r.id
    if (r.kind === 'internetHost') {
      sources.push({ id: r.id, label: name })
      addresses.push({ value: r.ipAddress, label: `${r.ipAddress} (${name})` })
    } else if (r.kind === 'ecs' || r.kind === 'appliance') {
      sources.push({ id: r.id, label: name })
      addresses.push({ value: r.privateIpAddress, label: `${r.privateIpAddress} (${name})` })
      if (r.kind === 'ecs' && r.publicIpAddress)
        addresses.push({ value: r.publicIpAddress, label: `${r.publicIpAddress} (${name}'s EIP)` })
    }
  }
  return { sources, addresses }
}

/** The form as it opens: a TCP/443 packet from the design's first sender to its first address, delivered inspected. */
export function initialDraft(design: Design): GoalDraft {
  const { sources, addresses } = endpointsOf(design)
  return {
    kind: 'reach',
    reach: {
      source: sources[0]?.id ?? '',
      destination: addresses[0]?.value ?? '',
      protocol: 'tcp',
      port: 443,
      outcome: 'delivered',
      inspected: true,
      symmetric: true,
    },
    kept: [],
    intentText: '',
  }
}

function reachCheck(r: ReachDraft): Goal['check'] {
  const delivered = r.outcome === 'delivered'
  return {
    kind: 'reach',
    packets: [
      {
        source: r.source,
        destination: r.destination,
        protocol: r.protocol,
        ...(r.protocol === 'icmp' ? {} : { destinationPort: r.port }),
      },
    ],
    expect: {
      outcome: r.outcome,
      ...(delivered && r.inspected ? { inspected: true as const } : {}),
      ...(delivered && r.symmetric ? { symmetric: true as const } : {}),
    },
  }
}

/** The title a goal gets when the author writes none. */
function fallbackTitle({ kind, reach: r, kept }: GoalDraft): string {
  if (kind === 'reach')
    return `${r.source} → ${r.destination}: ${r.outcome}${r.outcome === 'delivered' && r.inspected ? ', inspected' : ''}`
  if (kind === 'lintClean') return 'The linter finds no errors'
  if (kind === 'unchanged') return `Leave ${kept.join(', ')} as they are`
  return 'The intent holds'
}

/** The check the draft describes and its fallback title, or what the author must put right first. */
export function goalCheckOf(
  draft: GoalDraft,
): { ok: true; check: Goal['check']; fallback: string } | { ok: false; message: string } {
  let check: Goal['check']
  if (draft.kind === 'reach') check = reachCheck(draft.reach)
  else if (draft.kind === 'lintClean') check = { kind: 'lintClean', severity: 'error' }
  else if (draft.kind === 'unchanged') {
    if (draft.kept.length === 0) return { ok: false, message: 'Tick the resources the student must leave alone.' }
    check = { kind: 'unchanged', resources: draft.kept }
  } else {
    try {
      check = { kind: 'intent', intent: JSON.parse(draft.intentText) as Record<string, unknown> }
    } catch (e) {
      return { ok: false, message: `The intent is not JSON: ${e instanceof Error ? e.message : String(e)}` }
    }
  }
  return { ok: true, check, fallback: fallbackTitle(draft) }
}
