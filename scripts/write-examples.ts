// Writes the reference designs to public/examples with their default layout, and the JSON Schema.
// Run: npm run examples. A unit test checks that the committed files equal this output.
import { writeFileSync } from 'node:fs'
import { computeLayout, serialise } from '../src/model'
import { designJsonSchema } from '../src/model/jsonSchema'
import { buildReferenceDesign } from '../src/model/reference/build'
import { intentsJsonSchema } from '../worker/verify/intents'

for (const [file, zones] of [
  ['single-zone', 1],
  ['two-zones', 2],
] as const) {
  const design = buildReferenceDesign(zones)
  design.layout = computeLayout(design)
  writeFileSync(new URL(`../public/examples/${file}.json`, import.meta.url), serialise(design))
}
writeFileSync(
  new URL('../public/design.schema.json', import.meta.url),
  `${JSON.stringify(designJsonSchema(), null, 2)}\n`,
)
writeFileSync(
  new URL('../public/intents.schema.json', import.meta.url),
  `${JSON.stringify(intentsJsonSchema(), null, 2)}\n`,
)
console.log(
  'wrote public/examples/single-zone.json, public/examples/two-zones.json, public/design.schema.json, public/intents.schema.json',
)
