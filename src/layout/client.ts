// The browser side of auto-layout, loaded on demand (never with the app): elkjs's API, and its own worker
// script served as a file of ours, so the layout runs off the main thread under the built page's CSP
// (worker-src 'self'). Mapping the design to and from ELK's graph is cheap and stays here.
import ELK from 'elkjs/lib/elk-api'
import workerUrl from 'elkjs/lib/elk-worker.min.js?url'
import type { Design } from '../model'
import { autoLayout, type Layout } from './elkGraph'

let elk: InstanceType<typeof ELK> | undefined

/** The design's whole layout with the design, or one container (root), laid out by ELK in its worker. */
export function layoutInWorker(design: Design, root?: string): Promise<Layout> {
  elk ??= new ELK({ workerUrl })
  return autoLayout(elk, design, root)
}
