// npm run bench: runs every bench module in turn and prints one table; `npm run bench -- canvas animation`
// runs only those. Add a module to BENCHES to include it. Exits 1 when a figure misses its target, so a
// script or CI step running it fails. Run under --expose-gc (the npm script does), so that a bench can
// collect garbage between timed rounds instead of inside them.
import type { BenchRow } from './types'

const BENCHES: { name: string; load: () => Promise<{ bench(): Promise<BenchRow[]> }> }[] = [
  { name: 'engine', load: () => import('./engine') },
  { name: 'sim', load: () => import('./sim') },
  { name: 'animation', load: () => import('./animation') },
  { name: 'canvas', load: () => import('./canvas') },
  { name: 'verify', load: () => import('./verify') },
  { name: 'verify-browser', load: () => import('./verifyBrowser') },
  { name: 'import', load: () => import('./import') },
  { name: 'import-browser', load: () => import('./importBrowser') },
  { name: 'live', load: () => import('./live') },
]

const fmt = (n: number) => (Math.abs(n) >= 100 ? Math.round(n).toLocaleString('en-US') : n.toPrecision(3))

async function main(): Promise<number> {
  const only = process.argv.slice(2)
  const unknown = only.filter((name) => !BENCHES.some((b) => b.name === name))
  if (unknown.length)
    throw new Error(`no bench named ${unknown.join(', ')}: choose from ${BENCHES.map((b) => b.name).join(', ')}`)
  const rows: (BenchRow & { bench: string })[] = []
  for (const b of BENCHES.filter((x) => !only.length || only.includes(x.name))) {
    const mod = await b.load()
    for (const row of await mod.bench()) rows.push({ ...row, bench: b.name })
  }
  const missed: string[] = []
  const table = rows.map((r) => {
    const ratio = r.ratio ?? (r.baseline === undefined ? undefined : r.value / r.baseline)
    const valueMet =
      r.target === undefined ? true : (r.better ?? 'higher') === 'higher' ? r.value >= r.target : r.value <= r.target
    const ratioMet = r.ratioTarget === undefined || (ratio !== undefined && ratio >= r.ratioTarget)
    const met = valueMet && ratioMet
    if (!met) missed.push(`${r.bench}: ${r.name}`)
    const targets = [
      r.target === undefined ? '' : `${(r.better ?? 'higher') === 'higher' ? '≥' : '≤'} ${fmt(r.target)}`,
      r.ratioTarget === undefined ? '' : `ratio ≥ ${(r.ratioTarget * 100).toFixed(0)}%`,
    ].filter((t) => t !== '')
    return [
      `${r.bench}: ${r.name}`,
      `${fmt(r.value)} ${r.unit}`,
      r.spread ? `${fmt(r.spread.low)}–${fmt(r.spread.high)} (${r.spread.rounds} rounds)` : '',
      r.baseline === undefined ? '' : `${fmt(r.baseline)} ${r.unit}`,
      ratio === undefined ? '' : `${(ratio * 100).toFixed(1)}%`,
      targets.length === 0 ? '' : `${targets.join(', ')} ${met ? 'ok' : 'MISSED'}`,
    ]
  })
  const head = ['figure', 'value (median)', 'spread', 'baseline (limit)', 'ratio', 'target']
  const widths = head.map((h, i) => Math.max(h.length, ...table.map((r) => r[i].length)))
  const line = (cells: string[]) =>
    cells.map((c, i) => (i === 0 ? c.padEnd(widths[i]) : c.padStart(widths[i]))).join('  ')
  console.log(line(head))
  console.log(widths.map((w) => '-'.repeat(w)).join('  '))
  for (const r of table) console.log(line(r))
  if (missed.length) {
    console.log(`\n${missed.length} target${missed.length === 1 ? '' : 's'} MISSED: ${missed.join('; ')}`)
    return 1
  }
  return 0
}

main().then(
  (code) => process.exit(code),
  (e) => {
    console.error(e instanceof Error ? e.stack : e)
    process.exit(1)
  },
)
