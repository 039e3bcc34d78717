import { readdirSync, statSync, writeFileSync } from 'node:fs'
import { join, relative, sep } from 'node:path'
import tailwindcss from '@tailwindcss/vite'
import react from '@vitejs/plugin-react'
import { visualizer } from 'rollup-plugin-visualizer'
import { defineConfig, type Plugin, type PluginOption } from 'vite'

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

/**
 * With BUNDLE_REPORT=<dir>, the build also writes what each chunk is made of, module by module with gzipped sizes:
 * a treemap to look at and the raw data that `npm run bundle-report` (scripts/bundle-report.mjs) lists. The page
 * and the engine worker are bundled apart, so each gets its own report. rollup-plugin-visualizer reads the
 * bundler's own module graph (rolldown's, under Vite 8), so it also tells why a module is in a chunk.
 */
function bundleReport(name: 'page' | 'worker'): PluginOption[] {
  const dir = process.env.BUNDLE_REPORT
  if (!dir) return []
  return (['treemap', 'raw-data'] as const).map((template) =>
    visualizer({
      filename: join(dir, `${name}.${template === 'treemap' ? 'html' : 'json'}`),
      template,
      gzipSize: true,
    }),
  )
}

const ENGINE_DIR = join(import.meta.dirname, 'worker') + sep

export default defineConfig({
  // relative asset paths: the built app runs from any folder — a sub-path of a web server, or an LMS package
  base: './',
  plugins: [react(), tailwindcss(), contentSecurityPolicy(), packageFileList(), bundleReport('page')],
  // the engine runs in a module worker, emitted as its own chunk
  worker: {
    format: 'es',
    plugins: () => bundleReport('worker'),
    // the engine's modules do nothing when imported (the entry's expose() is kept, as an entry's code always is):
    // declared so, a module that only a barrel re-exports (the tracer, behind worker/engine/index.ts) stays out
    // of the worker's first chunk and loads with its first use
    rolldownOptions: { treeshake: { moduleSideEffects: (id: string) => !id.startsWith(ENGINE_DIR) } },
  },
  build: { target: 'es2022', sourcemap: true },
})
