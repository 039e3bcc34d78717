// Four sides, each able to start and end an edge; toFlow picks the sides that face each other.
import { Handle, Position } from '@xyflow/react'

const SIDES = [
  ['top', Position.Top],
  ['bottom', Position.Bottom],
  ['left', Position.Left],
  ['right', Position.Right],
] as const

const HIDDEN = '!h-1.5 !w-1.5 !min-w-0 !border-0 !bg-transparent'
// Outgoing and incoming edges use different points of a side, so a route and its way back never
// draw over each other (a GWLBe vSwitch's 0.0.0.0/0 up to the gateway, the gateway's entry down to the GWLBe).
// Edges leave on the right: a vSwitch caption (bottom left) stays clear of lines leaving its resources downwards.
const SOURCE_AT = '75%'
const TARGET_AT = '25%'

function offset(position: Position, at: string) {
  return position === Position.Top || position === Position.Bottom ? { left: at } : { top: at }
}

export function Handles() {
  return (
    <>
      {SIDES.map(([id, position]) => (
        <span key={id}>
          <Handle id={`${id}-source`} type="source" position={position} style={offset(position, SOURCE_AT)} className={HIDDEN} />
          <Handle id={`${id}-target`} type="target" position={position} style={offset(position, TARGET_AT)} className={HIDDEN} />
        </span>
      ))}
    </>
  )
}
