// An empty design that keeps the region, zones and accounts of the one it replaces, so an architect
// starts building in the same cloud context (and "New" on a fresh page gives the guide's two zones).
import { DESIGN_FORMAT, DESIGN_VERSION, type Design } from '../design'

export function emptyDesign(from?: Pick<Design, 'regionId' | 'zones' | 'accounts'>): Design {
  return {
    format: DESIGN_FORMAT,
    version: DESIGN_VERSION,
    name: 'Untitled design',
    regionId: from?.regionId ?? 'cn-hangzhou',
    zones: from?.zones ?? ['cn-hangzhou-h', 'cn-hangzhou-i'],
    accounts: from?.accounts ?? [
      { id: '1234567890123456', name: 'Consumer' },
      { id: '6543210987654321', name: 'Provider' },
    ],
    resources: [],
    layout: {},
    scenarios: [],
  }
}
