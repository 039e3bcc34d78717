// The share menu, the notice bar and the share layer around a fresh set of stores, as the app puts them.

import { render } from '@testing-library/react'
import { ReactFlowProvider } from '@xyflow/react'
import type { Design } from '../../../src/model'
import { NoticeBar } from '../../../src/panels/NoticeBar'
import { ShareLayer } from '../../../src/panels/share/ShareLayer'
import { ShareMenu } from '../../../src/panels/share/ShareMenu'
import { createStores, StoresProvider } from '../../../src/store/context'

export function renderShare(design: Design, ui: Parameters<typeof createStores>[1] = {}) {
  const stores = createStores(design, ui)
  const view = render(
    <StoresProvider stores={stores}>
      <ReactFlowProvider>
        <ShareMenu />
        <NoticeBar />
        <ShareLayer />
      </ReactFlowProvider>
    </StoresProvider>,
  )
  return { stores, ...view }
}

/** A 1×1 PNG as an image editor writes it: no design inside. */
export const PLAIN_PNG = Uint8Array.from(
  atob('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg=='),
  (c) => c.charCodeAt(0),
)
