// The PNG picture of the canvas: the whole design or a part of it, carrying the design, so that dropping the
// image on the app reopens it. Browser only: html-to-image copies the React Flow viewport's DOM (containers,
// edges, edge labels, badges: whatever the canvas draws) and rasterises it, so the picture is the canvas as the
// user sees it, at zoom 1, without the controls. The SVG export is drawn natively instead (src/share/svg), so
// that programs other than a browser can open it: a DOM copy needs a foreignObject, which they draw blank.
import { toCanvas } from 'html-to-image'
import type { Design } from '../../model'
import { checkPictureSize } from '../pictureSize'
import { embedDesignInPng } from '../pngText'

export interface Box {
  x: number
  y: number
  width: number
  height: number
}

export interface PictureRequest {
  /** React Flow's `.react-flow__viewport` element */
  viewport: HTMLElement
  /** the part of the flow to draw, in flow coordinates (getNodesBounds) */
  bounds: Box
  /** written above the picture: the design's name, then a line saying what it shows */
  title: string
  subtitle: string
  /** the canvas legend, copied into the header when given */
  legend?: HTMLElement | null
}

/** Room around the drawn nodes, in flow units: edges bend and labels stand just outside their nodes. */
const MARGIN = 40
const HEADER_PAD = 16
const TITLE_FONT = '600 20px ui-sans-serif, system-ui, "Segoe UI", Roboto, Arial, sans-serif'
const SUBTITLE_FONT = '13px ui-sans-serif, system-ui, "Segoe UI", Roboto, Arial, sans-serif'
const TITLE_BLOCK = 48
/** PNG pixels per flow unit: text of 11 px stays sharp when the image is zoomed or printed. */
const PNG_PIXEL_RATIO = 2
const BACKGROUND = '#ffffff'

const skipHandles = (node: HTMLElement) => !node.classList?.contains('react-flow__handle')

function contentOptions(request: PictureRequest) {
  const width = Math.ceil(request.bounds.width + 2 * MARGIN)
  const height = Math.ceil(request.bounds.height + 2 * MARGIN)
  const x = MARGIN - request.bounds.x
  const y = MARGIN - request.bounds.y
  return {
    width,
    height,
    backgroundColor: BACKGROUND,
    // system fonts only: nothing to fetch and embed, which the page's CSP would refuse anyway
    skipFonts: true,
    filter: skipHandles,
    style: { width: `${width}px`, height: `${height}px`, transform: `translate(${x}px, ${y}px) scale(1)` },
  }
}

/** The legend's own box stands absolutely in the corner of the canvas; the copy stands at 0,0. */
function legendOptions(legend: HTMLElement) {
  return {
    width: legend.offsetWidth,
    height: legend.offsetHeight,
    skipFonts: true,
    style: { position: 'static', left: '0', top: '0', margin: '0', boxShadow: 'none' },
  } as const
}

interface Layout {
  width: number
  height: number
  header: number
  legendAt: { x: number; y: number } | null
}

function layoutOf(
  content: { width: number; height: number },
  legend: { width: number; height: number } | null,
  titleWidth: number,
): Layout {
  const header = Math.max(TITLE_BLOCK, legend?.height ?? 0) + 2 * HEADER_PAD
  const headerWidth = HEADER_PAD + titleWidth + (legend ? HEADER_PAD * 2 + legend.width : 0) + HEADER_PAD
  const width = Math.max(content.width, headerWidth)
  return {
    width,
    height: header + content.height,
    header,
    legendAt: legend ? { x: width - HEADER_PAD - legend.width, y: HEADER_PAD } : null,
  }
}

function measureTitle(title: string, subtitle: string): number {
  const ctx = document.createElement('canvas').getContext('2d')
  if (!ctx) return 400
  ctx.font = TITLE_FONT
  const a = ctx.measureText(title).width
  ctx.font = SUBTITLE_FONT
  return Math.ceil(Math.max(a, ctx.measureText(subtitle).width))
}

/** The same cap as the command line's: a canvas past it would fail, or take the tab's memory. */
function refuseTooLarge(width: number, height: number): void {
  const size = checkPictureSize(Math.ceil(width), Math.ceil(height))
  if (!size.ok)
    throw new Error(`${size.problem}. Export SVG instead, or select a part of the design and export the selection.`)
}

/** A PNG of the request, with the design in its iTXt chunk. */
export async function pictureAsPng(request: PictureRequest, design: Design): Promise<Uint8Array<ArrayBuffer>> {
  const options = contentOptions(request)
  // the content alone, before a pixel is drawn; the header is checked with the whole picture below
  refuseTooLarge(options.width * PNG_PIXEL_RATIO, (options.height + TITLE_BLOCK) * PNG_PIXEL_RATIO)
  const content = await toCanvas(request.viewport, { ...options, pixelRatio: PNG_PIXEL_RATIO })
  const legend = request.legend
    ? await toCanvas(request.legend, { ...legendOptions(request.legend), pixelRatio: PNG_PIXEL_RATIO })
    : null
  const legendSize =
    request.legend && legend ? { width: request.legend.offsetWidth, height: request.legend.offsetHeight } : null
  const layout = layoutOf(options, legendSize, measureTitle(request.title, request.subtitle))

  refuseTooLarge(layout.width * PNG_PIXEL_RATIO, layout.height * PNG_PIXEL_RATIO)
  const out = document.createElement('canvas')
  out.width = layout.width * PNG_PIXEL_RATIO
  out.height = layout.height * PNG_PIXEL_RATIO
  const ctx = out.getContext('2d')
  if (!ctx) throw new Error('this browser gave no 2D canvas to draw the PNG on')
  ctx.scale(PNG_PIXEL_RATIO, PNG_PIXEL_RATIO)
  ctx.fillStyle = BACKGROUND
  ctx.fillRect(0, 0, layout.width, layout.height)
  ctx.fillStyle = '#0f172a'
  ctx.font = TITLE_FONT
  ctx.textBaseline = 'top'
  ctx.fillText(request.title, HEADER_PAD, HEADER_PAD)
  ctx.fillStyle = '#475569'
  ctx.font = SUBTITLE_FONT
  ctx.fillText(request.subtitle, HEADER_PAD, HEADER_PAD + 28)
  if (legend && layout.legendAt && legendSize)
    ctx.drawImage(legend, layout.legendAt.x, layout.legendAt.y, legendSize.width, legendSize.height)
  ctx.strokeStyle = '#e2e8f0'
  ctx.beginPath()
  ctx.moveTo(0, layout.header - 0.5)
  ctx.lineTo(layout.width, layout.header - 0.5)
  ctx.stroke()
  ctx.drawImage(content, 0, layout.header, options.width, options.height)

  const blob = await new Promise<Blob | null>((resolve) => out.toBlob(resolve, 'image/png'))
  if (!blob) throw new Error(`the browser could not encode a PNG of ${out.width}×${out.height} pixels`)
  const embedded = embedDesignInPng(new Uint8Array(await blob.arrayBuffer()), design)
  if (!embedded.ok) throw new Error(`the design could not be written into the PNG: ${embedded.problem}`)
  // a copy on a plain ArrayBuffer, which is what Blob accepts
  return embedded.png.slice()
}

/**
 * A PNG of the natively drawn SVG (src/share/svg), with the design in its iTXt chunk. A large design mounts only
 * the nodes in view, so a DOM copy would miss what is off screen: its pictures are drawn from the document instead.
 */
export async function svgAsPng(
  svg: { svg: string; width: number; height: number },
  design: Design,
): Promise<Uint8Array<ArrayBuffer>> {
  refuseTooLarge(svg.width * PNG_PIXEL_RATIO, svg.height * PNG_PIXEL_RATIO)
  const url = URL.createObjectURL(new Blob([svg.svg], { type: 'image/svg+xml' }))
  try {
    const image = new Image()
    image.src = url
    await image.decode()
    const out = document.createElement('canvas')
    out.width = Math.ceil(svg.width * PNG_PIXEL_RATIO)
    out.height = Math.ceil(svg.height * PNG_PIXEL_RATIO)
    const ctx = out.getContext('2d')
    if (!ctx) throw new Error('this browser gave no 2D canvas to draw the PNG on')
    ctx.fillStyle = BACKGROUND
    ctx.fillRect(0, 0, out.width, out.height)
    ctx.drawImage(image, 0, 0, out.width, out.height)
    const blob = await new Promise<Blob | null>((resolve) => out.toBlob(resolve, 'image/png'))
    if (!blob) throw new Error(`the browser could not encode a PNG of ${out.width}×${out.height} pixels`)
    const embedded = embedDesignInPng(new Uint8Array(await blob.arrayBuffer()), design)
    if (!embedded.ok) throw new Error(`the design could not be written into the PNG: ${embedded.problem}`)
    return embedded.png.slice()
  } finally {
    URL.revokeObjectURL(url)
  }
}
