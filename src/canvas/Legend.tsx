// What each line means, in the corner of the canvas: a reader of a shared design has no one to ask.
// Folded until asked for, so it never covers the diagram at fit view; one click opens it.
import { useState } from 'react'
import { EDGE_KINDS, EDGE_LOOK } from '../share/drawing/look'

// the packets the simulator draws (PacketOverlay's colours and frame)
const PACKETS = [
  { label: 'Packet, inbound', fill: '#0284c7', frame: false },
  { label: 'Packet, outbound', fill: '#f59e0b', frame: false },
  { label: 'Packet inside Geneve (GWLB ↔ appliance)', fill: '#0284c7', frame: true },
]

/** The key itself: what each line and packet means. */
function Key() {
  return (
    <>
      {EDGE_KINDS.map((kind) => {
        const i = EDGE_LOOK[kind]
        return (
          <div key={kind} className="pointer-events-none flex items-center gap-2">
            <svg width="28" height="8" aria-hidden="true">
              <line x1="0" y1="4" x2="28" y2="4" stroke={i.stroke} strokeWidth={i.width} strokeDasharray={i.dash} />
            </svg>
            {i.legend}
          </div>
        )
      })}
      {PACKETS.map((p) => (
        <div key={p.label} className="pointer-events-none flex items-center gap-2">
          <svg width="28" height="14" aria-hidden="true">
            {p.frame && <rect x="7" y="0" width="14" height="14" fill="#fff" stroke="#c2410c" strokeWidth="2" />}
            <rect x="10" y="3" width="8" height="8" fill={p.fill} />
          </svg>
          {p.label}
        </div>
      ))}
    </>
  )
}

const BOX = 'rounded-md border border-slate-200 bg-white/90 px-2.5 py-1.5 text-[11px] text-slate-700'

export function Legend() {
  const [open, setOpen] = useState(false)
  return (
    <>
      <div data-testid="legend" className={`absolute left-3 top-3 z-10 shadow-sm ${BOX}`}>
        <button
          type="button"
          className="text-[11px] font-semibold text-slate-500 hover:text-slate-800"
          aria-expanded={open}
          onClick={() => setOpen(!open)}
        >
          {open ? 'Legend ▾' : 'Legend ▸'}
        </button>
        {open && <Key />}
      </div>
      {/* the whole key, unfolded and off screen, for the PNG and SVG exports' header: the one on the canvas is
          usually folded */}
      <div
        data-testid="legend-key"
        aria-hidden="true"
        className={`pointer-events-none fixed -left-[10000px] top-0 ${BOX}`}
      >
        <p className="font-semibold text-slate-500">Legend</p>
        <Key />
      </div>
    </>
  )
}
