// Plain-text rendering of traces, as a network analyser prints them. May not touch: React, the DOM, zustand.
import type { Headers, RoundTrip, Step, Trace } from './types'

function headers(h: Headers): string {
  const ports = h.sourcePort !== undefined ? [`:${h.sourcePort}`, `:${h.destinationPort}`] : ['', '']
  return `${h.source}${ports[0]} → ${h.destination}${ports[1]} ${h.protocol} ${h.size} B`
}

function step(s: Step): string[] {
  const lines = [`      ${s.action.padEnd(13)} ${s.text}`]
  if (s.outer)
    lines.push(
      `      ${''.padEnd(13)} outer ${s.outer.source} → ${s.outer.destination} udp/${s.outer.destinationPort} ${s.outer.size} B | inner ${headers(s.packet)}`,
    )
  return lines
}

export function formatTrace(t: Trace, title = t.packet.reply ? 'Reply' : 'Request'): string {
  const later = t.packet.connection === 'established' ? ' (a later packet of an established connection)' : ''
  const out = [`${title} from ${t.packet.sourceId ?? t.packet.source}: ${headers(t.packet)}${later}`]
  t.hops.forEach((h, i) => {
    out.push(`  ${String(i + 1).padStart(2)}. ${h.resourceId ?? '(internet)'} — ${h.name} [${h.kind}]`)
    for (const s of h.steps) out.push(...step(s))
  })
  out.push(`  => ${t.disposition}: ${t.text}${t.applianceId ? ` (inspected by ${t.applianceId})` : ''}`)
  if (t.assumptions.length) {
    out.push('  assumptions used:')
    for (const a of t.assumptions) out.push(`    ${a.id} = ${a.value}: ${a.text}`)
  }
  return out.join('\n')
}

export function formatRoundTrip(rt: RoundTrip): string {
  const parts = [formatTrace(rt.request)]
  if (!rt.reply) parts.push('No reply: the request did not arrive.')
  else {
    parts.push(formatTrace(rt.reply))
    const a = rt.request.applianceId
    const b = rt.reply.applianceId
    if (a && b) parts.push(a === b ? `Both directions crossed ${a}.` : `The request crossed ${a}, the reply ${b}.`)
  }
  return parts.join('\n\n')
}
