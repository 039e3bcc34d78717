// The guide's deployment recommendations for a server group: health check, connection draining, flow rebalancing.
// May not touch: React, the DOM, zustand, worker/engine.
import type { Design } from '../../src/model'
import { problem } from './catalog'
import { updateResource } from './edit'
import { indexOf, label } from './lookup'
import type { Problem } from './problem'

export function serverGroupSettings(design: Design): Problem[] {
  const ix = indexOf(design)
  const out: Problem[] = []
  for (const gwlb of ix.ofKind('gwlb')) {
    const group = gwlb.serverGroup
    if (!group) continue
    const name = label(gwlb)
    if (!group.healthCheck.enabled)
      out.push(
        problem(
          'GWLB-W001',
          `Health checks are off for the server group of GWLB ${name}: a failed appliance keeps receiving traffic, which is lost. Alibaba Cloud's GWLB guide recommends health checks.`,
          [gwlb.id],
          {
            path: ix.path(gwlb.id, 'serverGroup.healthCheck.enabled'),
            fix: {
              label: 'Turn the health check on',
              apply: (d) =>
                updateResource(d, gwlb.id, 'gwlb', (g) =>
                  g.serverGroup
                    ? {
                        ...g,
                        serverGroup: { ...g.serverGroup, healthCheck: { ...g.serverGroup.healthCheck, enabled: true } },
                      }
                    : g,
                ),
            },
          },
        ),
      )
    if (!group.connectionDrain.enabled)
      out.push(
        problem(
          'GWLB-W002',
          `Connection draining is off for the server group of GWLB ${name}: removing an appliance cuts its flows at once. Alibaba Cloud's GWLB guide recommends draining.`,
          [gwlb.id],
          {
            path: ix.path(gwlb.id, 'serverGroup.connectionDrain.enabled'),
            fix: {
              label: 'Turn connection draining on',
              apply: (d) =>
                updateResource(d, gwlb.id, 'gwlb', (g) =>
                  g.serverGroup
                    ? {
                        ...g,
                        serverGroup: {
                          ...g.serverGroup,
                          connectionDrain: { ...g.serverGroup.connectionDrain, enabled: true },
                        },
                      }
                    : g,
                ),
            },
          },
        ),
      )
    if (group.serverFailoverMode !== 'Rebalance')
      out.push(
        problem(
          'GWLB-W003',
          `Flow rebalancing is off (NoRebalance) for the server group of GWLB ${name}: existing flows stay on a failed or removed appliance and are lost. Alibaba Cloud's GWLB guide recommends rebalancing.`,
          [gwlb.id],
          {
            path: ix.path(gwlb.id, 'serverGroup.serverFailoverMode'),
            fix: {
              label: 'Set failover mode to Rebalance',
              apply: (d) =>
                updateResource(d, gwlb.id, 'gwlb', (g) =>
                  g.serverGroup ? { ...g, serverGroup: { ...g.serverGroup, serverFailoverMode: 'Rebalance' } } : g,
                ),
            },
          },
        ),
      )
  }
  return out
}
