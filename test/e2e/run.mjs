// End-to-end tests: serves the built app (dist/) with `vite preview`, starts the live-session relay when a live
// test is to run, then runs test/e2e/*.e2e.mjs with node's test runner against Debian's Chromium. TAP goes to
// stdout and to test-results/e2e.tap for CI.
import { spawn } from 'node:child_process'
import { createWriteStream, mkdirSync, readdirSync } from 'node:fs'
import { freePort, startRelay } from './relay.mjs'
import { startPreview } from './server.mjs'

mkdirSync('test-results', { recursive: true })
let preview
try {
  preview = await startPreview()
} catch (e) {
  console.error(e.message)
  process.exit(2)
}

// `npm run test:e2e -- lessons designer` runs only the files whose names contain one of the words (a path to a
// file works too)
const only = process.argv.slice(2).map((w) => w.replace(/^.*\//, ''))
const files = readdirSync('test/e2e')
  .filter((f) => f.endsWith('.e2e.mjs') && (only.length === 0 || only.some((w) => f.includes(w))))
  .sort()
  .map((f) => `test/e2e/${f}`)
// node --test given no file would look for tests everywhere: a word that names nothing is a mistake, said so
if (only.length && !files.length) {
  console.error(`no e2e file matches ${only.join(', ')}: the files are ${readdirSync('test/e2e').join(', ')}`)
  process.exit(2)
}
// the live tests talk through a relay of their own, stopped with the run
let relay = null
if (files.some((f) => f.includes('live'))) {
  try {
    relay = await startRelay(await freePort())
  } catch (e) {
    console.error(e.message)
    preview.stop()
    process.exit(2)
  }
}
const tap = createWriteStream('test-results/e2e.tap')
const run = spawn(process.execPath, ['--test', '--test-concurrency=1', '--test-reporter=tap', ...files], {
  env: { ...process.env, E2E_BASE_URL: preview.url, ...(relay ? { E2E_RELAY_URL: relay.url } : {}) },
  stdio: ['ignore', 'pipe', 'inherit'],
})
run.stdout.on('data', (chunk) => {
  process.stdout.write(chunk)
  tap.write(chunk)
})
const code = await new Promise((resolve) => run.on('close', resolve))
tap.end()
preview.stop()
await relay?.stop()
process.exit(code ?? 1)
