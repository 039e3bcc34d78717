import { parse } from '../../src/model'
import { buildReferenceDesign } from '../../src/model/reference/build'
import { verify } from '../../worker/verify'

const r = parse(buildReferenceDesign(2))
if (!r.ok) throw 1
for (let i = 0; i < 60; i++) verify(r.design)
