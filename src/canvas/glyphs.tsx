// A resource kind's glyph, drawn in its colour (the look lives in src/share/drawing/look.ts, shared with the SVG export).
import { KIND_STYLE, PATHS } from '../share/drawing/look'

export function Glyph({ kind, size = 22 }: { kind: keyof typeof KIND_STYLE; size?: number }) {
  return (
    <svg
      width={size}
      height={size}
      viewBox="0 0 24 24"
      fill="none"
      stroke={KIND_STYLE[kind].colour}
      strokeWidth={1.8}
      strokeLinecap="round"
      strokeLinejoin="round"
      aria-hidden="true"
    >
      <path d={PATHS[kind]} />
    </svg>
  )
}
