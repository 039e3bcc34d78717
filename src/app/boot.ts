// Which design the app opens first, from the URL: ?example=single-zone|two-zones, else reference design (b).
import type { Design, LoadError } from '../model'
import type { Notice } from '../store/uiStore'
import { DEFAULT_EXAMPLE, isExampleName, loadExample } from './examples'

export type Boot =
  | { phase: 'ready'; design: Design; readOnly: boolean; notice: Notice | null }
  | { phase: 'failed'; errors: LoadError[] | string }

export async function bootDesign(location: Pick<Location, 'search' | 'hash'>): Promise<Boot> {
  const name = new URLSearchParams(location.search).get('example')
  const r = await loadExample(isExampleName(name) ? name : DEFAULT_EXAMPLE)
  return r.ok ? { phase: 'ready', design: r.design, readOnly: false, notice: null } : { phase: 'failed', errors: r.errors }
}
