// Verification's answers in words, for the Verify, Compare and Plan tabs.

/** A packet in one line: "1.0.0.1:49152 → 47.98.10.11:443 tcp". */
export function packetText(p: {
  source: string
  destination: string
  protocol: string
  sourcePort?: number
  destinationPort?: number
}): string {
  const port = (n?: number) => (p.protocol === 'icmp' || n === undefined ? '' : `:${n}`)
  return `${p.source}${port(p.sourcePort)} → ${p.destination}${port(p.destinationPort)} ${p.protocol}`
}
