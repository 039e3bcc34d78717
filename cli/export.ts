// npm run cli -- export <design.json|design.png> --to terraform|api-calls|json|svg|png [--out FILE]
// npm run cli -- export <activity.json> --to scorm|cmi5 --out package.zip
// Reads the design through the same loader as the app; exit 0 on success, 2 on bad input.
import { writeFileSync } from 'node:fs'
import { Resvg } from '@resvg/resvg-js'
import type { Design } from '../src/model'
import { apiCallPlan, renderApiCallPlan } from '../src/share/apiCalls'
import { writeDesignFile } from '../src/share/designFile'
import { checkPictureSize } from '../src/share/pictureSize'
import { embedDesignInPng } from '../src/share/pngText'
import { drawDesign, renderDesignSvg } from '../src/share/svg/render'
import { toTerraform } from '../src/share/terraform'
import { lint } from '../worker/lint'
import { withDesign } from './importInput'
import { writeLmsPackage } from './lmsPackage'
import { escapeControls, printError } from './terminal'

const USAGE = `usage: npm run cli -- export <design.json> --to terraform|api-calls|json|svg|png [--out FILE]
       npm run cli -- export <activity.json> --to scorm|cmi5 --out package.zip`
/** PNG pixels per SVG unit, as the app's PNG export: 11 px text stays sharp when zoomed or printed. */
const PNG_ZOOM = 2
const TARGETS = ['terraform', 'api-calls', 'json', 'svg', 'png', 'scorm', 'cmi5'] as const
type Target = (typeof TARGETS)[number]

function parseArgs(args: string[]): { file: string; to: Target; out?: string } | string {
  let file: string | undefined
  let to: string | undefined
  let out: string | undefined
  for (let i = 0; i < args.length; i++) {
    const a = args[i]
    if (a === '--to' || a === '--out') {
      const v = args[++i]
      if (v === undefined) return `${a} needs a value`
      if (a === '--to') to = v
      else out = v
    } else if (a.startsWith('--to=')) to = a.slice(5)
    else if (a.startsWith('--out=')) out = a.slice(6)
    else if (a.startsWith('-')) return `unknown option ${a}`
    else if (file === undefined) file = a
    else return `one design file only (also got ${a})`
  }
  if (!file) return 'no design file given'
  if (!to) return 'no --to given'
  if (!(TARGETS as readonly string[]).includes(to)) return `--to must be one of ${TARGETS.join(', ')} (got ${to})`
  return { file, to: to as Target, out }
}

export function run(args: string[]): number | Promise<number> {
  if (args.includes('--help') || args.includes('-h')) {
    console.log(USAGE)
    return 0
  }
  const parsed = parseArgs(args)
  if (typeof parsed === 'string') {
    printError(`${parsed}\n${USAGE}`)
    return 2
  }
  const { file, to, out } = parsed
  if (to === 'scorm' || to === 'cmi5') return writeLmsPackage(file, to === 'scorm' ? 'scorm12' : 'cmi5', out)
  // one reader for every command: a design file or PNG under the app's caps, or a Terraform input to import
  return withDesign(file, (design) => write(design, { file, to, out }))
}

function write(design: Design, parsed: { file: string; to: Exclude<Target, 'scorm' | 'cmi5'>; out?: string }): number {
  let output: string | Uint8Array
  try {
    output = render(design, parsed.to)
  } catch (e) {
    printError(`cannot draw ${parsed.file}: ${e instanceof Error ? e.message : String(e)}`)
    return 2
  }
  if (!parsed.out) {
    // a file format is written byte for byte when piped; a terminal gets the text with control characters
    // escaped, and no binary at all
    if (process.stdout.isTTY) {
      if (typeof output !== 'string') {
        printError('a PNG is binary: give --out FILE, or redirect the output to a file')
        return 2
      }
      output = escapeControls(output, { lines: true })
    }
    process.stdout.write(output)
    return 0
  }
  try {
    writeFileSync(parsed.out, output)
  } catch (e) {
    printError(`cannot write ${parsed.out}: ${e instanceof Error ? e.message : String(e)}`)
    return 2
  }
  printError(`wrote ${parsed.out}`)
  return 0
}

function render(design: Design, to: Exclude<Target, 'scorm' | 'cmi5'>): string | Uint8Array {
  switch (to) {
    case 'terraform':
      return toTerraform(design)
    case 'api-calls':
      return renderApiCallPlan(design, apiCallPlan(design))
    case 'json':
      return writeDesignFile(design)
    case 'svg':
      // the picture badges the linter's problems on their resources, as the canvas does
      return renderDesignSvg(design, { problems: lint(design) })
    case 'png': {
      const picture = drawDesign(design, { problems: lint(design) })
      // refused before resvg allocates a pixel: 4 bytes each, and a 13 kB design can ask for billions
      const size = checkPictureSize(Math.ceil(picture.width * PNG_ZOOM), Math.ceil(picture.height * PNG_ZOOM))
      if (!size.ok)
        throw new Error(`${size.problem}. Export --to svg instead, which has no such limit, or a smaller design.`)
      const svg = picture.svg
      // DejaVu Sans is the font the renderer measures text with; resvg finds it among the system fonts
      const png = new Resvg(svg, {
        font: { loadSystemFonts: true, defaultFontFamily: 'DejaVu Sans' },
        fitTo: { mode: 'zoom', value: PNG_ZOOM },
      })
        .render()
        .asPng()
      // the design rides along, so dropping the image on the app reopens it
      const embedded = embedDesignInPng(png, design)
      if (!embedded.ok) throw new Error(embedded.problem)
      return embedded.png
    }
  }
}
