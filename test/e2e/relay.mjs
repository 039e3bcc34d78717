// Starts the live-session relay (npm run relay's program) as its own process, for the e2e tests that need one:
// test/e2e/run.mjs starts one for the whole run, and a test that restarts the relay starts its own.
import { spawn } from 'node:child_process'
import { createServer } from 'node:net'

/** A port nothing listens on now. */
export function freePort() {
  return new Promise((resolve, reject) => {
    const s = createServer()
    s.once('error', reject)
    s.listen(0, '127.0.0.1', () => {
      const { port } = s.address()
      s.close(() => resolve(port))
    })
  })
}

/** Resolves once the relay says it listens; `stop()` ends it and resolves when it has exited. */
export async function startRelay(port) {
  const child = spawn(process.execPath, ['node_modules/tsx/dist/cli.mjs', 'relay/main.ts', '--port', String(port)], {
    stdio: ['ignore', 'pipe', 'inherit'],
  })
  const exited = new Promise((resolve) => child.once('exit', resolve))
  const url = await new Promise((resolve, reject) => {
    let out = ''
    child.stdout.on('data', (chunk) => {
      out += chunk
      const m = out.match(/listening on (ws:\/\/\S+)/)
      if (m) resolve(m[1])
    })
    exited.then((code) => reject(new Error(`the relay exited (${code}) before listening: ${out}`)))
  })
  return {
    url,
    async stop() {
      child.kill('SIGTERM')
      await exited
    },
  }
}
