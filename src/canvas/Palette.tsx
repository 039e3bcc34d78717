// Every kind a user places, dragged onto the canvas; where it lands decides its parent. The canvas's own drag
// source: the drop handler (Canvas.tsx) reads the kind it carries.
import { PLACEABLE_KINDS, type PlaceableKind } from '../model/edits/create'
import type { KIND_STYLE } from '../share/drawing/look'
import { useUi } from '../store/context'
import { Glyph } from './glyphs'

export const PALETTE_MIME = 'application/x-gwlb-studio-kind'

const ENTRIES: Record<PlaceableKind, { title: string; hint: string }> = {
  internetHost: { title: 'Internet host', hint: 'on the page' },
  vpc: { title: 'VPC', hint: 'on the page' },
  vswitch: { title: 'vSwitch', hint: 'into a VPC zone' },
  ipv4Gateway: { title: 'IPv4 gateway', hint: 'onto a VPC' },
  ecs: { title: 'ECS server', hint: 'into a vSwitch' },
  appliance: { title: 'Appliance', hint: 'into a vSwitch' },
  gwlb: { title: 'GWLB', hint: 'onto a VPC' },
  endpointService: { title: 'Endpoint service', hint: 'on the page' },
  gwlbEndpoint: { title: 'GWLB endpoint', hint: 'into a vSwitch' },
}

function ContainerGlyph({ kind }: { kind: 'vpc' | 'vswitch' }) {
  const colour = kind === 'vpc' ? '#3b82f6' : '#14b8a6'
  return (
    <svg width="22" height="22" viewBox="0 0 24 24" aria-hidden="true">
      <rect
        x="3"
        y="5"
        width="18"
        height="14"
        rx={kind === 'vpc' ? 3 : 1.5}
        fill="none"
        stroke={colour}
        strokeWidth="1.8"
        strokeDasharray={kind === 'vswitch' ? '0' : undefined}
      />
      <path d="M3 9h18" stroke={colour} strokeWidth="1.4" />
    </svg>
  )
}

export function Palette() {
  const readOnly = useUi((s) => s.readOnly)
  if (readOnly) return null
  return (
    <nav aria-label="Palette" className="w-44 shrink-0 overflow-y-auto border-r border-slate-200 bg-white p-2">
      <h2 className="px-1 pb-1 text-xs font-semibold uppercase tracking-wide text-slate-500">Add</h2>
      <ul className="space-y-1">
        {PLACEABLE_KINDS.map((kind) => (
          <li key={kind}>
            {/* biome-ignore lint/a11y/noStaticElementInteractions: a drag source for the canvas's drop; placing a resource from the keyboard is not built yet */}
            <div
              draggable
              data-testid={`palette-${kind}`}
              title={`Drag ${ENTRIES[kind].title} ${ENTRIES[kind].hint}`}
              onDragStart={(e) => {
                e.dataTransfer.setData(PALETTE_MIME, kind)
                e.dataTransfer.effectAllowed = 'copy'
              }}
              className="flex cursor-grab items-center gap-2 rounded border border-slate-200 px-2 py-1.5 text-sm hover:border-slate-400 hover:bg-slate-50 active:cursor-grabbing"
            >
              {kind === 'vpc' || kind === 'vswitch' ? (
                <ContainerGlyph kind={kind} />
              ) : (
                <Glyph kind={kind as keyof typeof KIND_STYLE} />
              )}
              <span className="leading-tight">
                <span className="block font-medium text-slate-800">{ENTRIES[kind].title}</span>
                <span className="block text-[11px] text-slate-500">{ENTRIES[kind].hint}</span>
              </span>
            </div>
          </li>
        ))}
      </ul>
      <p className="mt-3 px-1 text-[11px] leading-snug text-slate-500">
        Draw a line from a node's edge (its points show under the pointer) to anywhere on another node: from a vSwitch
        or the IPv4 gateway to a next hop adds a route; from a GWLBe to a service connects it; from the GWLB to an
        appliance adds it to the server group. Or use Add route… and Connect… in the inspector. Press F to fit the
        design into the window.
      </p>
    </nav>
  )
}
