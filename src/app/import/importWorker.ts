// The import worker: started when the first import starts, so nothing of the importer, the HCL parser or its
// WebAssembly loads with the app, and no import runs on the page's thread. Its comlink surface is `run`.
import { expose } from 'comlink'
import { importFiles } from './importFiles'

export type ImportWorkerApi = { run: typeof importFiles }

expose({ run: importFiles } satisfies ImportWorkerApi)
