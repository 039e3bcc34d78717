// What a route table looks like in the side panel, custom or the VPC's system one: a heading with what uses the
// table and a close button, and its entries (destination, next hop, system or custom) as the console lists them.
// How a next hop cell reads or edits, and what goes above and below the entries, is the caller's.
import type { ReactNode, Ref } from 'react'
import type { Design } from '../model'
import { useStores } from '../store/context'
import type { ShownEntry } from './routeEntries'

const ORIGIN_WORDS: Record<ShownEntry['origin'], string> = {
  system: 'system',
  custom: 'custom',
  changed: 'custom (was system)',
}

export function RouteTableView({
  label,
  title,
  subtitle,
  entries,
  nextHop,
  above,
  children,
  sectionRef,
}: {
  /** the section's accessible name */
  label: string
  title: string
  subtitle: ReactNode
  entries: ShownEntry[]
  /** the next hop cell of an entry */
  nextHop(e: ShownEntry): ReactNode
  /** between the heading and the entries */
  above?: ReactNode
  /** below the entries */
  children?: ReactNode
  sectionRef?: Ref<HTMLElement>
}) {
  const { ui } = useStores()
  return (
    <section
      ref={sectionRef}
      data-testid="route-table-panel"
      aria-label={label}
      className="border-b border-slate-200 p-3"
    >
      <div className="flex items-start justify-between gap-2">
        <div>
          <h2 className="text-sm font-semibold text-slate-900">{title}</h2>
          <p className="text-xs text-slate-500">{subtitle}</p>
        </div>
        <button
          type="button"
          className="rounded px-1.5 text-slate-500 hover:bg-slate-100"
          aria-label="Close route table"
          onClick={() => ui.getState().openRouteTable(null)}
        >
          ✕
        </button>
      </div>
      {above}
      <table className="mt-2 w-full table-fixed text-left text-xs">
        <thead className="text-slate-500">
          <tr>
            <th className="w-[34%] py-1 font-medium">Destination</th>
            <th className="py-1 font-medium">Next hop</th>
            <th className="w-[22%] py-1 font-medium">Type</th>
          </tr>
        </thead>
        <tbody>
          {entries.map((e) => (
            <tr
              key={e.destinationCidrBlock}
              className="border-t border-slate-100 align-top"
              data-testid={`route-${e.destinationCidrBlock}`}
            >
              <td className="py-1 font-mono">{e.destinationCidrBlock}</td>
              <td className="py-1">{nextHop(e)}</td>
              <td className="py-1 text-slate-500">{ORIGIN_WORDS[e.origin]}</td>
            </tr>
          ))}
        </tbody>
      </table>
      {children}
    </section>
  )
}

/** An entry's next hop as text: Local, Cloud services, or the resource by name with its type below. */
export function NextHopName({ design, entry: e }: { design: Design; entry: ShownEntry }) {
  if (e.nextHopType === 'Local') return <div>Local</div>
  if (e.nextHopType === 'CloudServices') return <div>Cloud services</div>
  const name = e.nextHopId
    ? (design.resources.find((r) => r.id === e.nextHopId)?.name ?? `${e.nextHopId} (missing: black hole)`)
    : 'this VPC'
  return (
    <>
      <div>{name}</div>
      <div className="text-[10px] text-slate-500">{e.nextHopType}</div>
    </>
  )
}
