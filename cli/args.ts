// The command line's shared preamble: one design file, options that take a value, switches that do not,
// and the design file read and loaded through the app's loader (cli/input.ts).
import type { Design } from '../src/model'
import { readDesignInput } from './input'
import { printError } from './terminal'

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

/**
 * Reads and loads a design file (readDesignInput: the caps, a byte-order mark, an exported PNG); on failure
 * prints why, one line each, and returns null. What the loader repaired goes to stderr.
 */
export function loadDesign(path: string): Design | null {
  const input = readDesignInput(path)
  const lines = input.ok ? input.notes : input.lines
  if (lines.length) printError(lines.join('\n'))
  return input.ok ? input.design : null
}
