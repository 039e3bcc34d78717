// What the app's initial JavaScript is made of: builds the app with a bundle report (rollup-plugin-visualizer,
// see vite.config.ts) into test-results/bundle-report/, then lists, gzipped, the files the page loads at start
// (the static imports of index.html, from the build manifest) and the engine worker's first chunk, with the
// largest modules of each. `npm run bundle-report`; open page.html and worker.html there for the treemaps.
// Per-module gzip sizes add up to more than the file's: each module is compressed alone.
import { mkdtempSync, readFileSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { gzipSync } from 'node:zlib'
import { build } from 'vite'

const report = resolve('test-results/bundle-report')
const outDir = mkdtempSync(join(tmpdir(), 'gwlb-bundle-'))
process.env.BUNDLE_REPORT = report
try {
  await build({ configFile: 'vite.config.ts', logLevel: 'error', build: { outDir, emptyOutDir: true, manifest: true } })
  const manifest = JSON.parse(readFileSync(join(outDir, '.vite/manifest.json'), 'utf8'))
  const initial = new Set()
  const walk = (key) => {
    if (initial.has(key)) return
    initial.add(key)
    for (const k of manifest[key].imports ?? []) walk(k)
  }
  walk('index.html')
  const gz = (file) => gzipSync(readFileSync(join(outDir, file))).length
  const pageFiles = [...initial].map((k) => manifest[k].file)
  // the engine worker is started with new URL(`<file>`, import.meta.url) from the page's entry
  const entry = readFileSync(join(outDir, manifest['index.html'].file), 'utf8')
  const workerFiles = [...entry.matchAll(/new URL\(`([\w.-]+\.js)`,\s*import\.meta\.url\)/g)].map(
    (m) => `assets/${m[1]}`,
  )
  const kb = (n) => `${(n / 1000).toFixed(1).padStart(6)} KB`
  const list = (title, files, reportFile) => {
    const sizes = files.map((f) => [f, gz(f)])
    const total = sizes.reduce((a, [, n]) => a + n, 0)
    console.log(`\n${title}: ${kb(total)} gzip in ${files.length} files`)
    for (const [f, n] of sizes.sort((a, b) => b[1] - a[1])) console.log(`  ${kb(n)}  ${f}`)
    const data = JSON.parse(readFileSync(join(report, reportFile), 'utf8'))
    const modules = []
    const visit = (node, chunk) => {
      if (node.uid) {
        const part = data.nodeParts[node.uid]
        if (files.includes(chunk)) modules.push([data.nodeMetas[part.metaUid].id, part.gzipLength])
      } else for (const c of node.children ?? []) visit(c, chunk ?? c.name)
    }
    for (const c of data.tree.children) visit(c, c.name)
    console.log('  largest modules (each gzipped alone):')
    for (const [id, n] of modules.sort((a, b) => b[1] - a[1]).slice(0, 15)) console.log(`    ${kb(n)}  ${id}`)
    return total
  }
  const page = list('page (index.html and its static imports)', pageFiles, 'page.json')
  const worker = list('engine worker, first chunk', workerFiles, 'worker.json')
  console.log(`\npage + engine worker: ${kb(page + worker)} gzip; treemaps in ${report}`)
} finally {
  rmSync(outDir, { recursive: true, force: true })
}
