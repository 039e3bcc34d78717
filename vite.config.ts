import { readdirSync, statSync, writeFileSync } from 'node:fs'
import { join, relative, sep } from 'node:path'
import tailwindcss from '@tailwindcss/vite'
import react from '@vitejs/plugin-react'
import { defineConfig, type Plugin } from 'vite'

/**
 * A strict Content-Security-Policy in the built page. Nothing loads from elsewhere: designs arrive by
 * file or in the URL fragment, never from a server. The one connection out is a live session's websocket, to the
 * relay the user named (in the Live menu, or in the session link they opened): any ws:/wss: address, since a
 * class's relay is wherever the trainer runs it. Only the build gets the policy, because the dev server's React
 * refresh preamble is an inline script that the policy would block.
 */
const CSP = [
  "default-src 'self'",
  "script-src 'self'",
  "worker-src 'self' blob:",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data: blob:",
  "connect-src 'self' data: blob: ws: wss:",
  "font-src 'self' data:",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'none'",
].join('; ')

function contentSecurityPolicy(): Plugin {
  return {
    name: 'content-security-policy',
    apply: 'build',
    transformIndexHtml: () => [
      { tag: 'meta', attrs: { 'http-equiv': 'Content-Security-Policy', content: CSP }, injectTo: 'head-prepend' },
    ],
  }
}

/**
 * The list of the built app's files (package-files.json), so the app can pack itself with an activity into an LMS
 * package, as the command line does from dist/. Source maps stay out of packages.
 */
function packageFileList(): Plugin {
  let outDir = 'dist'
  return {
    name: 'package-file-list',
    apply: 'build',
    configResolved: (config) => {
      outDir = config.build.outDir
    },
    closeBundle() {
      const files: string[] = []
      const walk = (dir: string) => {
        for (const name of readdirSync(dir)) {
          const path = join(dir, name)
          if (statSync(path).isDirectory()) walk(path)
          else if (!name.endsWith('.map')) files.push(relative(outDir, path).split(sep).join('/'))
        }
      }
      walk(outDir)
      writeFileSync(join(outDir, 'package-files.json'), JSON.stringify(files.sort()))
    },
  }
}

export default defineConfig({
  // relative asset paths: the built app runs from any folder — a sub-path of a web server, or an LMS package
  base: './',
  plugins: [react(), tailwindcss(), contentSecurityPolicy(), packageFileList()],
  // the engine runs in a module worker, emitted as its own chunk
  worker: { format: 'es' },
  build: { target: 'es2022', sourcemap: true },
})
