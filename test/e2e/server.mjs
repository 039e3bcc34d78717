// Serves the built app (dist/) with vite preview for the e2e tests and the screenshot script.
import { spawn } from 'node:child_process'
import { existsSync } from 'node:fs'
import { setTimeout as sleep } from 'node:timers/promises'

export async function startPreview(port = Number(process.env.E2E_PORT ?? 4173)) {
  if (!existsSync('dist/index.html')) throw new Error('dist/ is missing: run npm run build first')
  const url = `http://localhost:${port}/`
  // a server left behind on the port (another run's, serving another build) would answer for ours: refuse it
  const taken = await fetch(url).then(
    () => true,
    () => false,
  )
  if (taken) throw new Error(`port ${port} already serves something: stop it, or set E2E_PORT to a free port`)
  // vite's own binary, not npx, so that stopping it stops the server (npx would stay behind as a parent that kill does not reach)
  const server = spawn(
    process.execPath,
    ['node_modules/vite/bin/vite.js', 'preview', '--port', String(port), '--strictPort'],
    {
      stdio: ['ignore', 'ignore', 'inherit'],
    },
  )
  let exited = null
  server.on('exit', (code) => (exited = code))
  for (let i = 0; i < 100 && exited === null; i++) {
    try {
      if ((await fetch(url)).ok) return { url, stop: () => server.kill() }
    } catch {
      await sleep(100)
    }
  }
  server.kill()
  throw new Error(
    exited === null
      ? `vite preview did not answer on ${url}`
      : `vite preview stopped (exit ${exited}) before ${url} answered`,
  )
}
