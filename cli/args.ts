// The command line's shared preamble: one design file, options that take a value, switches that do not,
// and the design file read and loaded through parse() like any file the app opens.
import { readFileSync } from 'node:fs'
import { type Design, parse } from '../src/model'

export interface SplitArgs {
  file: string
  options: Map<string, string>
  switches: Set<string>
}

/** Splits the words after the command; a string says what is wrong with them. */
export function splitArgs(
  args: string[],
  known: { options: readonly string[]; switches: readonly string[] },
): SplitArgs | string {
  const options = new Map<string, string>()
  const switches = new Set<string>()
  const files: string[] = []
  for (let i = 0; i < args.length; i++) {
    const a = args[i]
    if (known.switches.includes(a)) switches.add(a)
    else if (a.startsWith('--')) {
      if (!known.options.includes(a)) return `unknown option ${a}`
      const v = args[i + 1]
      if (v === undefined) return `${a} needs a value`
      options.set(a, v)
      i++
    } else files.push(a)
  }
  if (files.length !== 1) return 'give one design file'
  return { file: files[0], options, switches }
}

/** Reads and loads a design file; on failure prints the loader's messages, one a line, and returns null. */
export function loadDesign(path: string): Design | null {
  let text: string
  try {
    text = readFileSync(path, 'utf8')
  } catch (e) {
    console.error(`cannot read ${path}: ${e instanceof Error ? e.message : String(e)}`)
    return null
  }
  const loaded = parse(text)
  if (!loaded.ok) {
    for (const err of loaded.errors) console.error(err.message)
    return null
  }
  return loaded.design
}
