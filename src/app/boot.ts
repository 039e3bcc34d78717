// Which design the app opens first, from the URL:
//   #d=2.<payload>.<sum> a shared design (share link), shown read-only until the user makes a copy
//   ?example=<name>     a reference design: single-zone or two-zones
//   otherwise           the design this tab (or, in a new tab, the browser) last edited, else reference design (b)
// A link or an example opens beside the designs kept in this browser, never over one: the tab edits no
// stored design until its first edit (or "Make my copy") saves the design on screen as a new one.
// and whether it is shown as an embed (view=embed, in the query or beside d in the fragment): the
// canvas only, read-only, for an iframe. A broken link never stops the app: its errors become the
// notice and the design the app would have opened without it is shown instead.
import type { Design, LoadError } from '../model'
import { isEmbedView, isShareLink } from '../share/linkKinds'
import type { Notice } from '../store/uiStore'
import { DEFAULT_EXAMPLE, isExampleName, loadExample } from './examples'
import { type BootStorage, browserStorage, type StartingDesign, startingDesign } from './storage/local'
import type { Opened } from './storage/session'

export type Boot =
  | {
      phase: 'ready'
      design: Design
      readOnly: boolean
      notice: Notice | null
      /** the stored design this tab edits from the start; null: the first save makes a new one */
      stored: Opened | null
    }
  | { phase: 'failed'; errors: LoadError[] | string }

type Where = Pick<Location, 'search' | 'hash'>

export async function bootDesign(
  location: Where,
  storage: BootStorage | null = typeof window === 'undefined' ? null : browserStorage(),
): Promise<Boot> {
  const embed = isEmbedView(location)
  if (isShareLink(location.hash)) {
    // the decoder (and its DEFLATE code) loads only for a link that carries a design
    const shared = (await import('../share/shareLink')).decodeShareLink(location.hash)
    if (shared.ok) {
      // the read-only banner says what a shared design is; the notice says what was opened and repaired
      const notice: Notice = { tone: 'info', lines: shared.messages }
      // an embed shows the picture and nothing else
      return { phase: 'ready', design: shared.design, readOnly: true, notice: embed ? null : notice, stored: null }
    }
    const { boot: fallback, recovered } = await bootWithoutLink(location, embed, storage)
    if (fallback.phase === 'failed') return fallback
    // the loader's last line ("your current design is unchanged") means nothing before a design is open
    const restored = fallback.notice?.lines[0]?.startsWith('Restored')
    const instead = restored
      ? `Your autosaved design "${fallback.design.name}" is shown instead.`
      : `Reference design "${fallback.design.name}" is shown instead.`
    return {
      ...fallback,
      notice: { tone: 'error', lines: [...shared.messages.slice(0, -1), instead, ...recovered] },
    }
  }
  const { boot, recovered } = await bootWithoutLink(location, embed, storage)
  if (boot.phase === 'failed' || recovered.length === 0) return boot
  // the last edits before a page closed, recovered from the journal: said after what was opened
  const notice: Notice = boot.notice
    ? { ...boot.notice, lines: [...boot.notice.lines, ...recovered] }
    : { tone: 'info', lines: recovered }
  return { ...boot, notice }
}

/** The design to open without a link, and the lines saying which edits were recovered (not yet in the notice). */
async function bootWithoutLink(
  location: Where,
  embed: boolean,
  storage: BootStorage | null,
): Promise<{ boot: Boot; recovered: string[] }> {
  // an embed shows what its URL names and nothing of this browser's
  const start = embed || !storage ? null : await startingDesign(storage)
  return { boot: await bootFrom(location, embed, start), recovered: start?.recovered ?? [] }
}

async function bootFrom(location: Where, embed: boolean, start: StartingDesign | null): Promise<Boot> {
  const name = new URLSearchParams(location.search).get('example')
  if (start?.kind === 'ok' && !isExampleName(name)) {
    const when = new Date(start.stored.updatedAt).toLocaleString()
    return {
      phase: 'ready',
      design: start.design,
      readOnly: false,
      notice: { tone: 'info', lines: [`Restored "${start.design.name}", autosaved in this browser at ${when}.`] },
      stored: start.opened,
    }
  }
  let notice: Notice | null = null
  if (start?.kind === 'ok')
    notice = {
      tone: 'info',
      lines: [
        `Your design "${start.design.name}" is kept in this browser, as it was: Designs… opens it.`,
        'Edits to the example are saved as a new design.',
      ],
    }
  if (start?.kind === 'unreadable')
    notice = {
      tone: 'error',
      lines: [
        `Your autosaved design "${start.stored.name}" could not be opened: ${start.problem}`,
        'It is kept in this browser, untouched: Designs… → Recover… downloads its text or opens it once fixed.',
      ],
    }
  if (start?.kind === 'failed')
    notice = { tone: 'error', lines: ['Your autosaved design could not be restored.', start.message] }
  const r = await loadExample(isExampleName(name) ? name : DEFAULT_EXAMPLE)
  return r.ok
    ? { phase: 'ready', design: r.design, readOnly: embed, notice, stored: null }
    : { phase: 'failed', errors: r.errors }
}
