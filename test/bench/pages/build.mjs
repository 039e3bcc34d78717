// Builds the app, or one bench page, with the app's vite.config into outDir: node test/bench/pages/build.mjs
// OUTDIR [PAGE.html]. A plain node process: vite's resolver fails on its own entries when run under tsx.
import { build } from 'vite'

const [outDir, input] = process.argv.slice(2)
await build({
  configFile: 'vite.config.ts',
  logLevel: 'error',
  build: { outDir, emptyOutDir: true, sourcemap: false, ...(input ? { rollupOptions: { input } } : {}) },
})
