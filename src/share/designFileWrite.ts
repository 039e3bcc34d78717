// Writing a design file: its text and its name. Apart from the reader (designFile.ts) so that saving needs none
// of the reader's code (PNG text, DEFLATE), which loads with the first file opened.
import { type Design, serialise } from '../model'

/** The file's text: the document exactly as serialise() writes it (two-space JSON, schema order). */
export function writeDesignFile(design: Design): string {
  return serialise(design)
}

/** A file name from the design's name: lower case, words joined by "-", ending ".gwlb.json". */
export function designFileName(design: Design): string {
  const slug = design.name
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 60)
  return `${slug || 'design'}.gwlb.json`
}
