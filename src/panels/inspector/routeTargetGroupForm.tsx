// A route target group: its two members, which one carries the traffic (from the design, or from the simulation
// while a scenario plays), and the operator's switch back (SwitchActiveRouteTarget) after a failover.
import { useState } from 'react'
import type { Design, ResourceOf } from '../../model'
import { useSim, useStores } from '../../store/context'
import { ReadOnly } from './fields'

export function RouteTargetGroupForm({ r, design }: { r: ResourceOf<'routeTargetGroup'>; at: number; design: Design }) {
  const { engine, ui } = useStores()
  const simulated = useSim((s) => (s.status === 'ready' ? s.routeTargets[r.id] : undefined))
  const [busy, setBusy] = useState(false)
  const nameOf = (id: string) => {
    const e = design.resources.find((x) => x.id === id)
    return e?.kind === 'gwlbEndpoint' ? `${e.name ?? e.id} (${e.zoneId})` : id
  }
  const naming = design.resources.flatMap((t) =>
    t.kind === 'routeTable'
      ? t.entries.filter((e) => e.nextHopType === 'RouteTargetGroup' && e.nextHopId === r.id).map(() => t.name ?? t.id)
      : [],
  )
  const switchBack = async () => {
    setBusy(true)
    try {
      const answer = await engine.sim.switchActiveRouteTarget(r.id)
      ui.getState().notify(
        answer.ok
          ? { tone: 'info', lines: [answer.text] }
          : { tone: 'error', lines: ['SwitchActiveRouteTarget was not done.', answer.message] },
      )
    } finally {
      setBusy(false)
    }
  }
  return (
    <>
      <ReadOnly
        label="Mode"
        value={r.configMode}
        why="The active member (weight 100) carries all traffic while healthy; the standby (weight 0) takes over when it fails, within 30 s, and keeps it until switched back."
      />
      <ul className="my-1 space-y-1 text-xs" aria-label="Members">
        {r.routeTargetMemberList.map((m) => {
          const live = simulated?.members.find((x) => x.memberId === m.memberId)
          const carrying =
            (simulated?.carryingMemberId ?? r.routeTargetMemberList.find((x) => x.weight === 100)?.memberId) ===
            m.memberId
          return (
            <li
              key={m.memberId}
              data-testid={`route-target-member-${m.memberId}`}
              className={`rounded border px-2 py-1 ${carrying ? 'border-indigo-400 bg-indigo-50' : 'border-slate-200'}`}
            >
              <span className="font-medium">{m.weight === 100 ? 'Active' : 'Standby'}</span> (weight {m.weight}):{' '}
              {nameOf(m.memberId)}
              {live && (
                <span className={live.healthy ? 'text-emerald-700' : 'text-red-700'}>
                  {' '}
                  · {live.healthy ? 'Healthy' : 'Unhealthy'}
                </span>
              )}
              {carrying && <span className="text-indigo-800"> · carries the traffic</span>}
            </li>
          )
        })}
      </ul>
      <ReadOnly
        label="Named by"
        value={naming.length ? naming.join(', ') : 'no route entry (GWLB-W035)'}
        why="Members are fixed once the group is created (route_target_member_list cannot change)."
      />
      {simulated && (
        <fieldset className="mt-1 flex min-w-0 flex-wrap items-center gap-1" aria-label="Operator actions">
          <button
            type="button"
            disabled={busy}
            className="rounded bg-indigo-600 px-2 py-0.5 text-xs text-white hover:bg-indigo-700 disabled:opacity-50"
            onClick={() => void switchBack()}
            title="SwitchActiveRouteTarget: the group's traffic goes to its other member, which must be Healthy"
          >
            {simulated.failedOver ? 'Switch back to the active member' : 'Switch to the standby'}
          </button>
          <span className="text-[11px] text-slate-600">SwitchActiveRouteTarget</span>
        </fieldset>
      )}
    </>
  )
}
