// Which design the app opens first, from the URL:
//   #d=2.<payload>.<sum> a shared design (share link), shown read-only until the user makes a copy
//   ?example=<name>     a reference design: single-zone or two-zones
//   otherwise           the design autosaved in this browser, else reference design (b)
// and whether it is shown as an embed (view=embed, in the query or beside d in the fragment): the
// canvas only, read-only, for an iframe. A broken link never stops the app: its errors become the
// notice and the design the app would have opened without it is shown instead.
import type { Design, LoadError } from '../model'
import { decodeShareLink, isEmbedView, isShareLink } from '../share/shareLink'
import type { Notice } from '../store/uiStore'
import { restoreAutosave } from './autosave'
import { DEFAULT_EXAMPLE, isExampleName, loadExample } from './examples'

export type Boot =
  | { phase: 'ready'; design: Design; readOnly: boolean; notice: Notice | null }
  | { phase: 'failed'; errors: LoadError[] | string }

type Where = Pick<Location, 'search' | 'hash'>

export async function bootDesign(location: Where): Promise<Boot> {
  const embed = isEmbedView(location)
  if (isShareLink(location.hash)) {
    const shared = decodeShareLink(location.hash)
    if (shared.ok) {
      // the read-only banner says what a shared design is; the notice says what was opened and repaired
      const notice: Notice = { tone: 'info', lines: shared.messages }
      // an embed shows the picture and nothing else
      return { phase: 'ready', design: shared.design, readOnly: true, notice: embed ? null : notice }
    }
    const fallback = await bootWithoutLink(location, embed)
    if (fallback.phase === 'failed') return fallback
    // the loader's last line ("your current design is unchanged") means nothing before a design is open
    const restored = fallback.notice?.lines[0]?.startsWith('Restored')
    const instead = restored
      ? `Your autosaved design "${fallback.design.name}" is shown instead.`
      : `Reference design "${fallback.design.name}" is shown instead.`
    return { ...fallback, notice: { tone: 'error', lines: [...shared.messages.slice(0, -1), instead] } }
  }
  return bootWithoutLink(location, embed)
}

async function bootWithoutLink(location: Where, embed: boolean): Promise<Boot> {
  const name = new URLSearchParams(location.search).get('example')
  // the user's own last design, unless the URL asks for an example or an embed
  let restoreNotice: Notice | null = null
  if (!embed && !isExampleName(name)) {
    const restored = await restoreAutosave()
    if (restored.kind === 'restored') {
      const when = new Date(restored.savedAt).toLocaleString()
      return {
        phase: 'ready',
        design: restored.design,
        readOnly: false,
        notice: { tone: 'info', lines: [`Restored "${restored.design.name}", autosaved in this browser at ${when}.`] },
      }
    }
    if (restored.kind === 'failed')
      restoreNotice = { tone: 'error', lines: ['Your autosaved design could not be restored.', restored.message] }
  }
  const r = await loadExample(isExampleName(name) ? name : DEFAULT_EXAMPLE)
  if (r.ok && restoreNotice) return { phase: 'ready', design: r.design, readOnly: embed, notice: restoreNotice }
  return r.ok
    ? { phase: 'ready', design: r.design, readOnly: embed, notice: null }
    : { phase: 'failed', errors: r.errors }
}
