// The card every leaf resource is drawn as: glyph, name, kind, and the facts an architect checks first.
import type { ReactNode } from 'react'
import { KIND_STYLE } from '../../share/drawing/look'
import { useDetail } from '../detail'
import { Glyph } from '../glyphs'
import { Handles } from './Handles'
import { ProblemBadge } from './ProblemBadge'
import { litStyle, useLit } from './useHighlight'

export interface CardProps {
  kind: keyof typeof KIND_STYLE
  id: string
  /** the handles this node's edges use (toFlow) */
  handles?: readonly string[]
  name: string
  /** overrides the kind's label, e.g. "Firewall" for an appliance */
  kindLabel?: string
  facts: ReactNode
  badge?: ReactNode
  selected?: boolean
  dimmed?: boolean
}

export function ResourceCard({ kind, id, handles, name, kindLabel, facts, badge, selected, dimmed }: CardProps) {
  const style = KIND_STYLE[kind]
  const lit = useLit(id)
  const { overview } = useDetail()
  return (
    <div
      data-testid={`node-${id}`}
      data-kind={kind}
      data-lit={lit}
      className="relative flex h-full w-full items-start gap-2 rounded-lg border bg-white px-2.5 py-2"
      style={{
        borderColor: style.colour,
        borderWidth: selected ? 2.5 : 1.5,
        background: style.tint,
        opacity: dimmed ? 0.55 : 1,
        ...litStyle(lit),
      }}
    >
      <Handles used={handles} />
      <ProblemBadge id={id} />
      {overview ? (
        // zoomed out: the kind's colour and the name in large type are what a reader can still tell apart
        <div className="min-w-0 flex-1 truncate text-[22px] font-semibold leading-tight text-slate-900">{name}</div>
      ) : (
        <CardDetail kind={kind} name={name} kindLabel={kindLabel} facts={facts} badge={badge} />
      )}
    </div>
  )
}

function CardDetail({
  kind,
  name,
  kindLabel,
  facts,
  badge,
}: Pick<CardProps, 'kind' | 'name' | 'kindLabel' | 'facts' | 'badge'>) {
  const style = KIND_STYLE[kind]
  return (
    <>
      <div className="mt-0.5 shrink-0">
        <Glyph kind={kind} />
      </div>
      <div className="min-w-0 flex-1 leading-tight">
        <div className="truncate text-[13px] font-semibold text-slate-900" title={name}>
          {name}
        </div>
        <div className="flex items-center justify-between gap-1">
          <span
            className="truncate text-[10px] font-medium uppercase tracking-wide"
            style={{ color: style.colour }}
            title={kindLabel ?? style.label}
          >
            {kindLabel ?? style.label}
          </span>
          {badge}
        </div>
        <div className="line-clamp-2 text-[11px] text-slate-600">{facts}</div>
      </div>
    </>
  )
}

export function Pill({ tone, children }: { tone: 'ok' | 'warn' | 'bad' | 'info'; children: ReactNode }) {
  const tones = {
    ok: 'bg-emerald-100 text-emerald-800',
    warn: 'bg-amber-100 text-amber-800',
    bad: 'bg-red-100 text-red-800',
    info: 'bg-slate-100 text-slate-700',
  }
  return <span className={`shrink-0 rounded px-1 py-px text-[10px] font-semibold ${tones[tone]}`}>{children}</span>
}
