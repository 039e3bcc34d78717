// Every custom route entry's next hop: it must exist in the table's VPC and be of the kind its type names, and
// the table type must allow that type. May not touch: React, the DOM, zustand, worker/engine.
import type { Design } from '../../src/model'
import { problem } from './catalog'
import { updateResource, withoutEntry } from './edit'
import { ALLOWED_NEXT_HOPS, indexOf, named, nextHopTypeFor } from './lookup'
import type { Fix, Problem } from './problem'

export function nextHops(design: Design): Problem[] {
  const ix = indexOf(design)
  const out: Problem[] = []
  for (const table of ix.ofKind('routeTable')) {
    table.entries.forEach((entry, j) => {
      const dest = entry.destinationCidrBlock
      const path = ix.path(table.id, `entries[${j}]`)
      const remove: Fix = { label: `Delete the route entry for ${dest}`, apply: (d) => withoutEntry(d, table.id, dest) }
      const allowed = ALLOWED_NEXT_HOPS[table.routeTableType]
      if (!allowed.includes(entry.nextHopType)) {
        out.push(
          problem(
            'GWLB-E035',
            `${named('Gateway route table', table)} sends ${dest} to an ${entry.nextHopType}: a gateway route table takes only GWLBe, instance or network-interface next hops.`,
            [table.id, entry.nextHopId],
            {
              path: `${path}.nextHopType`,
              fix: remove,
            },
          ),
        )
        return
      }
      const hop = ix.resolve(table, entry)
      if (hop.kind === 'missing')
        out.push(
          problem(
            'GWLB-E034',
            `${named('Route table', table)} sends ${dest} to ${entry.nextHopType} ${entry.nextHopId}, which does not exist: that traffic is dropped (a black hole).`,
            [table.id],
            {
              path: `${path}.nextHopId`,
              fix: remove,
            },
          ),
        )
      else if (hop.kind === 'otherVpc')
        out.push(
          problem(
            'GWLB-E034',
            `${named('Route table', table)} of VPC ${table.vpcId} sends ${dest} to ${hop.target.id}, which is in VPC ${hop.vpcId}: a route can only name a next hop in its own VPC, so that traffic is dropped (a black hole).`,
            [table.id, hop.target.id],
            {
              path: `${path}.nextHopId`,
              fix: remove,
            },
          ),
        )
      else if (hop.kind === 'wrongKind') {
        const type = nextHopTypeFor(hop.target.kind)
        out.push(
          problem(
            'GWLB-E035',
            `${named('Route table', table)} sends ${dest} to next hop type ${entry.nextHopType}, but ${hop.target.id} is a ${hop.target.kind}.`,
            [table.id, hop.target.id],
            {
              path: `${path}.nextHopType`,
              fix:
                type && allowed.includes(type)
                  ? {
                      label: `Set the next hop type to ${type}`,
                      apply: (d) =>
                        updateResource(d, table.id, 'routeTable', (t) => ({
                          ...t,
                          entries: t.entries.map((e, i) => (i === j ? { ...e, nextHopType: type } : e)),
                        })),
                    }
                  : remove,
            },
          ),
        )
      }
    })
  }
  return out
}
