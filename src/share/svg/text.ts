// Text measurement without a DOM: advance widths of DejaVu Sans (the font the PNG is rasterised with,
// and first in the SVG's font stack), so names are cut with an ellipsis and facts wrap where they would on
// the canvas instead of running out of their boxes. Widths are in thousandths of an em.

// DejaVu Sans Book and Bold, U+0020 to U+007E, read from the fonts' hmtx tables
const REGULAR = [
  318, 401, 460, 838, 636, 950, 780, 275, 390, 390, 500, 838, 318, 361, 318, 337, 636, 636, 636, 636, 636, 636, 636,
  636, 636, 636, 337, 337, 838, 838, 838, 531, 1000, 684, 686, 698, 770, 632, 575, 775, 752, 295, 295, 656, 557, 863,
  748, 787, 603, 787, 695, 635, 611, 732, 684, 989, 685, 611, 685, 390, 337, 390, 838, 500, 500, 613, 635, 550, 635,
  615, 352, 635, 634, 278, 278, 579, 278, 974, 634, 612, 635, 635, 411, 521, 392, 634, 592, 818, 592, 592, 525, 636,
  337, 636, 838,
]
const BOLD = [
  348, 456, 521, 838, 696, 1002, 872, 306, 457, 457, 523, 838, 380, 415, 380, 365, 696, 696, 696, 696, 696, 696, 696,
  696, 696, 696, 400, 400, 838, 838, 838, 580, 1000, 774, 762, 734, 830, 683, 683, 821, 837, 372, 372, 775, 637, 995,
  837, 850, 733, 850, 770, 720, 682, 812, 774, 1103, 771, 724, 725, 457, 365, 457, 838, 500, 500, 675, 716, 593, 716,
  678, 435, 716, 712, 343, 343, 665, 343, 1042, 712, 687, 716, 716, 493, 595, 478, 712, 652, 924, 645, 652, 582, 712,
  365, 712, 838,
]
const MONO = 602

export const SANS = "'DejaVu Sans', Verdana, 'Segoe UI', Arial, sans-serif"
export const MONOSPACE = "'DejaVu Sans Mono', Menlo, Consolas, monospace"

export interface Font {
  size: number
  bold?: boolean
  mono?: boolean
  /** extra space after each character, in em (Tailwind's tracking-wide is 0.025) */
  tracking?: number
}

/** East Asian wide characters take a full em; other scripts are guessed at an average Latin width. */
function isWide(code: number): boolean {
  return (
    (code >= 0x1100 && code <= 0x115f) ||
    (code >= 0x2e80 && code <= 0xa4cf) ||
    (code >= 0xac00 && code <= 0xd7a3) ||
    (code >= 0xf900 && code <= 0xfaff) ||
    (code >= 0xfe30 && code <= 0xfe4f) ||
    (code >= 0xff00 && code <= 0xff60) ||
    (code >= 0x1f300 && code <= 0x1faff) ||
    (code >= 0x20000 && code <= 0x3fffd)
  )
}

function advance(code: number, font: Font): number {
  if (font.mono) return isWide(code) ? 1000 : MONO
  if (code >= 0x20 && code <= 0x7e) return (font.bold ? BOLD : REGULAR)[code - 0x20]
  if (isWide(code)) return 1000
  if (code === 0xb7) return font.bold ? 380 : 318 // the middle dot that separates facts
  return font.bold ? 720 : 640
}

export function textWidth(text: string, font: Font): number {
  let units = 0
  let count = 0
  for (const ch of text) {
    units += advance(ch.codePointAt(0) ?? 0x20, font)
    count++
  }
  return (units / 1000 + count * (font.tracking ?? 0)) * font.size
}

/** The text, cut with an ellipsis to fit `width` (CSS `truncate`). */
export function fitText(text: string, width: number, font: Font): string {
  if (textWidth(text, font) <= width) return text
  const chars = [...text]
  let lo = 0
  let hi = chars.length
  // the longest prefix that fits with the ellipsis after it
  while (lo < hi) {
    const mid = Math.ceil((lo + hi) / 2)
    if (textWidth(`${chars.slice(0, mid).join('').trimEnd()}…`, font) <= width) lo = mid
    else hi = mid - 1
  }
  return `${chars.slice(0, lo).join('').trimEnd()}…`
}

/** Words, as a browser breaks them: after spaces and after hyphens. */
function breakable(text: string): string[] {
  return text.match(/[^\s-]*-+|[^\s-]+\s*|\s+/g) ?? []
}

/** The text on at most `lines` lines of `width`, the last cut with an ellipsis (CSS `line-clamp`). */
export function wrapText(text: string, width: number, font: Font, lines: number): string[] {
  const out: string[] = []
  let line = ''
  const words = breakable(text)
  for (let i = 0; i < words.length; i++) {
    const next = line + words[i]
    if (!line || textWidth(next.trimEnd(), font) <= width) {
      line = next
      continue
    }
    if (out.length === lines - 1) return [...out, fitText(line + words.slice(i).join(''), width, font)]
    out.push(line.trimEnd())
    line = words[i].trimStart()
  }
  if (line) out.push(line.trimEnd())
  // a single word longer than the line is cut, as overflow would be clipped on the canvas
  return out.map((l) => fitText(l, width, font))
}
