import { parse } from '../../src/model'
import { buildReferenceDesign } from '../../src/model/reference/build'
import { compile } from '../../worker/engine'
import { FlowSpace, Prober, representative, verify } from '../../worker/verify'

const r = parse(buildReferenceDesign(2))
if (!r.ok) throw 1
const b = r.design
for (let i = 0; i < 5; i++) verify(b)
let t = performance.now()
for (let i = 0; i < 20; i++) verify(b)
console.log('verify ms', (performance.now() - t) / 20)
const net = compile(b)
const space = new FlowSpace([net])
const prober = new Prober(net)
let walks = 0,
  hist = new Map()
for (let i = 0; i < space.size; i++) {
  const o = prober.outcomes(representative(space.classAt(i)))
  walks += o.length
  hist.set(o.length, (hist.get(o.length) ?? 0) + 1)
}
console.log('classes', space.size, 'walks', walks, [...hist])
t = performance.now()
for (let i = 0; i < 20; i++) compile(b)
console.log('compile ms', (performance.now() - t) / 20)
t = performance.now()
for (let i = 0; i < 20; i++) new FlowSpace([net])
console.log('space ms', (performance.now() - t) / 20)
