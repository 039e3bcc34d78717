import { describe, expect, it } from 'vitest'
import { splitArgs } from '../../cli/args'

const known = { options: ['--from', '--to'], switches: ['--json'] }

describe('the command line’s arguments', () => {
  it('takes one design file, valued options and switches in any order', () => {
    const split = splitArgs(['--from', 'ecs-1', 'd.json', '--json', '--to', '10.0.0.1'], known)
    expect(split).toEqual({
      file: 'd.json',
      options: new Map([
        ['--from', 'ecs-1'],
        ['--to', '10.0.0.1'],
      ]),
      switches: new Set(['--json']),
    })
  })

  it('names what is wrong: an unknown option, an option without its value, not one file', () => {
    expect(splitArgs(['d.json', '--form', 'x'], known)).toBe('unknown option --form')
    expect(splitArgs(['d.json', '--to'], known)).toBe('--to needs a value')
    expect(splitArgs(['a.json', 'b.json'], known)).toBe('give one design file')
    expect(splitArgs(['--json'], known)).toBe('give one design file')
  })
})
