import { parse } from '../../src/model'
import { buildReferenceDesign } from '../../src/model/reference/build'
import { verify } from '../../worker/verify'

const r = parse(buildReferenceDesign(2))
if (!r.ok) throw 1
for (let i = 0; i < 10; i++) verify(r.design)
const ts: number[] = []
for (let i = 0; i < 25; i++) {
  ;(globalThis as any).gc?.()
  const c0 = process.cpuUsage()
  verify(r.design)
  const c = process.cpuUsage(c0)
  ts.push((c.user + c.system) / 1000)
}
ts.sort((a, b) => a - b)
console.log('median', ts[12].toFixed(1), 'low', ts[0].toFixed(1), 'q1', ts[6].toFixed(1))
