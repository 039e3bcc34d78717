// End-to-end tests: serves the built app (dist/) with `vite preview`, then runs test/e2e/*.e2e.mjs with
// node's test runner against Debian's Chromium. TAP goes to stdout and to test-results/e2e.tap for CI.
import { spawn } from 'node:child_process'
import { createWriteStream, existsSync, mkdirSync, readdirSync } from 'node:fs'
import { setTimeout as sleep } from 'node:timers/promises'

const PORT = Number(process.env.E2E_PORT ?? 4173)
const BASE_URL = `http://localhost:${PORT}/`

if (!existsSync('dist/index.html')) {
  console.error('dist/ is missing: run npm run build first')
  process.exit(2)
}
mkdirSync('test-results', { recursive: true })

// vite's own binary, not npx, so that stopping it stops the server (stack.md pitfall 6)
const server = spawn(process.execPath, ['node_modules/vite/bin/vite.js', 'preview', '--port', String(PORT), '--strictPort'], {
  stdio: ['ignore', 'pipe', 'inherit'],
})
let ready = false
for (let i = 0; i < 100 && !ready; i++) {
  try {
    ready = (await fetch(BASE_URL)).ok
  } catch {
    await sleep(100)
  }
}
if (!ready) {
  server.kill()
  console.error(`vite preview did not answer on ${BASE_URL}`)
  process.exit(2)
}

const files = readdirSync('test/e2e')
  .filter((f) => f.endsWith('.e2e.mjs'))
  .sort()
  .map((f) => `test/e2e/${f}`)
const tap = createWriteStream('test-results/e2e.tap')
const run = spawn(process.execPath, ['--test', '--test-concurrency=1', '--test-reporter=tap', ...files], {
  env: { ...process.env, E2E_BASE_URL: BASE_URL },
  stdio: ['ignore', 'pipe', 'inherit'],
})
run.stdout.on('data', (chunk) => {
  process.stdout.write(chunk)
  tap.write(chunk)
})
const code = await new Promise((resolve) => run.on('close', resolve))
tap.end()
server.kill()
process.exit(code ?? 1)
