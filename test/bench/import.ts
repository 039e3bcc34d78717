// Import figures: a generated state JSON of about 2,000 resources, and the same deployment as HCL, each imported
// whole (detection, parsing, mapping, the design's own load), in CPU milliseconds of this process. Baselines in
// the same run: JSON.parse of the same state text, and HashiCorp's parser alone on the same HCL.
import { importDeployment } from '../../src/import'
import { nodeHclParser } from '../../src/import/hcl/nodeParser'
import { toTerraform } from '../../src/share/terraform'
import { generateDesign } from '../fixtures/engine/generate'
import { toStateJson } from '../import/stateJson'
import type { BenchRow } from './types'

const TARGET_MS = 2000

function collect(): void {
  ;(globalThis as { gc?: () => void }).gc?.()
}

/** Median and spread of CPU time over rounds after warm-ups (CPU, not wall: the machine is shared). */
async function timed(run: () => Promise<unknown>, warmUp: number, rounds: number) {
  for (let i = 0; i < warmUp; i++) await run()
  const times: number[] = []
  for (let i = 0; i < rounds; i++) {
    collect()
    const c0 = process.cpuUsage()
    await run()
    const c = process.cpuUsage(c0)
    times.push((c.user + c.system) / 1000)
  }
  times.sort((a, b) => a - b)
  return { ms: times[Math.floor(rounds / 2)], low: times[0], high: times[rounds - 1], rounds }
}

export async function bench(): Promise<BenchRow[]> {
  const design = generateDesign({
    consumerVpcs: 50,
    zones: 2,
    serversPerZone: 2,
    appliancesPerZone: 2,
    hosts: 1,
    scheduler: '5TCH',
    crossZone: true,
    jumboFrames: true,
    stateful: true,
  })
  const state = toStateJson(design)
  const importState = async () => {
    const r = await importDeployment([{ path: 'state.json', text: state.text }])
    if (!r.ok) throw new Error(r.errors.map((e) => e.message).join('\n'))
  }
  const s = await timed(importState, 1, 7)
  const sBase = await timed(async () => JSON.parse(state.text), 1, 7)

  const hcl = toTerraform(design)
  const blocks = (hcl.match(/^resource /gm) ?? []).length
  const parser = await nodeHclParser()
  const importHcl = async () => {
    const r = await importDeployment([{ path: 'main.tf', text: hcl }], {}, { hclParser: nodeHclParser })
    if (!r.ok) throw new Error(r.errors.map((e) => e.message).join('\n'))
  }
  const h = await timed(importHcl, 1, 5)
  const hBase = await timed(() => parser.parse('main.tf', hcl), 1, 5)

  return [
    {
      name: `import state JSON, ${state.resources} resources (${Math.round(state.text.length / 1024)} KB), CPU ms (baseline: JSON.parse)`,
      value: s.ms,
      unit: 'ms',
      baseline: sBase.ms,
      target: TARGET_MS,
      better: 'lower',
      spread: { low: s.low, high: s.high, rounds: s.rounds },
    },
    {
      name: `import HCL, ${blocks} resource blocks (${Math.round(hcl.length / 1024)} KB), CPU ms (baseline: HashiCorp's parser alone)`,
      value: h.ms,
      unit: 'ms',
      baseline: hBase.ms,
      target: TARGET_MS,
      better: 'lower',
      spread: { low: h.low, high: h.high, rounds: h.rounds },
    },
  ]
}
