// The event log and metrics as text a trainer can read aloud. May not touch: anything but its arguments.
import type { Counts, Detection, FaultMetrics, Restore, SimEvent, SimMetrics, TrafficRecovery } from './types'

const n = (x: number) => x.toLocaleString('en-US')
const s = (ms: number) => `${(ms / 1000).toFixed(3)} s`
const WIDTH = 110

function wrap(text: string, indent: number, width = WIDTH): string[] {
  const lines: string[] = []
  let line = ''
  for (const word of text.split(' ')) {
    if (line && indent + line.length + 1 + word.length > width) {
      lines.push(line)
      line = word
    } else line = line ? `${line} ${word}` : word
  }
  if (line) lines.push(line)
  return lines
}

/** One entry: time, resource, what happened, and on the next line why. */
export function formatEvent(e: SimEvent, idWidth = 16): string {
  const head = `${s(e.tMs).padStart(10)}  ${e.resourceId.padEnd(idWidth)}  `
  const pad = ' '.repeat(head.length)
  const [first, ...rest] = wrap(e.text, head.length)
  return [head + first, ...rest.map((l) => pad + l), `${pad}why: ${e.cause}`].join('\n')
}

export function formatLog(events: readonly SimEvent[]): string {
  const idWidth = Math.min(24, Math.max(8, ...events.map((e) => e.resourceId.length)))
  return events.map((e) => formatEvent(e, idWidth)).join('\n')
}

function reasons(c: Pick<Counts, 'byReason'>): string {
  const parts = Object.entries(c.byReason)
    .sort((a, b) => (b[1] ?? 0) - (a[1] ?? 0))
    .map(([r, k]) => `${r} ${n(k ?? 0)}`)
  return parts.length ? ` (${parts.join(', ')})` : ''
}

function counts(c: Counts): string {
  return `${n(c.sent)} sent, ${n(c.delivered)} delivered, ${n(c.dropped)} dropped${reasons(c)}`
}

function detection(d: Detection): string {
  switch (d.kind) {
    case 'detected':
      return `${s(d.afterMs)} (the last affected appliance marked unhealthy at ${s(d.atMs)})`
    case 'pending':
      return 'not detected yet'
    case 'undetectable':
      return `not detected: ${d.why}`
  }
}

function recovery(r: TrafficRecovery): string {
  switch (r.kind) {
    case 'noLoss':
      return 'no packet lost'
    case 'lossOngoing':
      return `still losing packets (since ${s(r.sinceMs)})`
    case 'recovered':
      return `${s(r.afterMs)} (losses stopped at ${s(r.atMs)})`
  }
}

function restore(r: Restore): string {
  switch (r.kind) {
    case 'notReverted':
      return 'not undone'
    case 'pending':
      return `undone at ${s(r.sinceMs)}; waiting for health checks`
    case 'restored':
      return r.afterMs === 0
        ? `at once when undone (${s(r.atMs)})`
        : `${s(r.afterMs)} after it was undone (healthy at ${s(r.atMs)})`
  }
}

function fault(f: FaultMetrics): string[] {
  if (f.state === 'ignored') return [`  ${f.label}: not applied (see the log)`]
  return [
    `  ${f.label}`,
    `    packets lost      ${n(f.lostPackets)}${reasons({ byReason: f.lostByReason })}`,
    `    time to detect    ${detection(f.detection)}`,
    `    time to recover   ${recovery(f.recovery)}`,
    `    flows moved       ${n(f.flowsMoved)}`,
    `    back to normal    ${restore(f.restore)}`,
  ]
}

export function formatMetrics(m: SimMetrics): string {
  const flowWidth = Math.max(8, ...m.flows.map((f) => f.flowId.length))
  const resWidth = Math.max(8, ...Object.keys(m.resources).map((id) => id.length))
  const sampled =
    m.forwarded < m.packets.sent ? ` (${n(m.forwarded)} forwarded one by one, the rest counted from them)` : ''
  return [
    `Packets at ${s(m.nowMs)}: ${counts(m.packets)}${sampled}`,
    '',
    'Flows',
    ...m.flows.map(
      (f) =>
        `  ${f.flowId.padEnd(flowWidth)}  ${n(f.connectionsOpened)} connections (${n(f.connectionsActive)} open), ${counts(f)}, ${n(f.flowsMoved)} moved${f.connectionWeight > 1 ? `; sampled: each simulated connection stands for ${n(f.connectionWeight)}` : ''}`,
    ),
    '',
    'Resources (appliances: packets the GWLB handed them; others: packets they sent)',
    ...Object.entries(m.resources).map(([id, c]) => `  ${id.padEnd(resWidth)}  ${counts(c)}`),
    '',
    'Faults',
    ...(m.faults.length ? m.faults.flatMap(fault) : ['  none']),
    '',
    `Outside any fault: ${n(m.baseline.lostPackets)} packets lost${reasons({ byReason: m.baseline.lostByReason })}, ${n(m.baseline.flowsMoved)} flows moved`,
  ].join('\n')
}
