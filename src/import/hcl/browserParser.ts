// The HCL parser in the browser (the import worker): the same WebAssembly as in Node (@cdktn/hcl2json's
// main.wasm.gz), served as an asset of the app and started with Go's own wasm_exec.js, which runs in a
// worker as it is. The package's own entry reads the file with Node's fs and zlib, so it is not used here.
// This module is loaded by the import worker only, when an import starts: never with the app.
import '@cdktn/hcl2json/wasm/wasm_exec.js'
import wasmUrl from '@cdktn/hcl2json/main.wasm.gz?url'
import { batchedExpressions, type ExprAst, type HclParser } from './parser'

/** The functions the Go program registers on this global (the name is fixed by the WebAssembly). */
const GLOBAL_NAME = '__parse_terraform_config_wasm__'

type GoCallback = (err: string | null, result: string) => void
type GoFunction = (...args: [string, string, GoCallback]) => void

interface GoRuntime {
  importObject: WebAssembly.Imports
  run(instance: WebAssembly.Instance): Promise<void>
}

let loaded: Promise<HclParser> | undefined

/** gzip starts with 1f 8b; a server that sends the file with Content-Encoding: gzip has unpacked it already. */
async function wasmBytes(url: string): Promise<ArrayBuffer> {
  const response = await fetch(url)
  if (!response.ok) throw new Error(`the HCL parser (${url}) did not load: HTTP ${response.status}`)
  const bytes = await response.arrayBuffer()
  const head = new Uint8Array(bytes, 0, 2)
  if (head[0] !== 0x1f || head[1] !== 0x8b) return bytes
  const unpacked = new Blob([bytes]).stream().pipeThrough(new DecompressionStream('gzip'))
  return new Response(unpacked).arrayBuffer()
}

async function start(): Promise<HclParser> {
  const scope = globalThis as unknown as Record<string, unknown> & { Go: new () => GoRuntime }
  const root: Record<string, GoFunction> = {}
  // the Go program looks its table up as global.__parse_terraform_config_wasm__, Node's name for the global object
  scope.global ??= scope
  scope[GLOBAL_NAME] = root
  const go = new scope.Go()
  const { instance } = await WebAssembly.instantiate(await wasmBytes(wasmUrl), go.importObject)
  // the Go program registers its functions before it first blocks, so they are there when run() returns
  void go.run(instance)
  if (typeof root.parse !== 'function' || typeof root.getExpressionAst !== 'function')
    throw new Error('the HCL parser started without its functions')
  const call = (name: 'parse' | 'getExpressionAst', file: string, text: string) =>
    new Promise<string>((resolve, reject) =>
      root[name](file, text, (err, result) => (err ? reject(new Error(err)) : resolve(result))),
    )
  return {
    parse: async (file, text) => JSON.parse(await call('parse', file, text)) as Record<string, unknown>,
    expressions: (file, templates) =>
      batchedExpressions(
        async (f, e) => (JSON.parse(await call('getExpressionAst', f, e)) as ExprAst | null) ?? null,
        file,
        templates,
      ),
  }
}

/** The parser, started on first use; a failed start is retried by the next import. */
export function browserHclParser(): Promise<HclParser> {
  loaded ??= start().catch((e: unknown) => {
    loaded = undefined
    throw e
  })
  return loaded
}
