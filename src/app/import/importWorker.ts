// The import worker: started when the first import starts, so nothing of the importer, the HCL parser or its
// WebAssembly loads with the app, and no import runs on the page's thread. Its comlink surface is `run`: the
// import, laid out (laidOut.ts) and packed as text slices (transfer.ts), so the page only opens what it receives.
import { expose } from 'comlink'
import type { ImportOptions } from '../../import'
import { type ImportBlob, importFiles } from './importFiles'
import { laidOut } from './laidOut'
import { pack } from './transfer'

const run = async (blobs: ImportBlob[], options?: ImportOptions) =>
  pack(await laidOut(await importFiles(blobs, options)))

export type ImportWorkerApi = { run: typeof run }

expose({ run } satisfies ImportWorkerApi)
