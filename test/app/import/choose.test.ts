// Which files of a folder go to the importer (as the CLI chooses them), the limits checked before a byte is
// read, and the words of the notices.
import { describe, expect, it } from 'vitest'
import { checkSizes, chooseFromFolder, isHidden } from '../../../src/app/import/choose'
import { describe as describeInput, errorLine, errorLines } from '../../../src/app/import/messages'
import { IMPORT_LIMITS } from '../../../src/import'

const files = (...paths: string[]) => paths.map((path) => ({ path }))

describe('choosing a folder’s files', () => {
  it('takes the .tf and .tfvars files, sorted, never under a hidden folder', () => {
    const chosen = chooseFromFolder(
      files(
        'infra/variables.tf',
        'infra/README.md',
        'infra/.terraform/modules/x/main.tf',
        'infra/terraform.tfvars',
        'infra/modules/net/main.tf',
        'infra/state.json',
      ),
    )
    expect(chosen?.map((f) => f.path)).toEqual([
      'infra/modules/net/main.tf',
      'infra/terraform.tfvars',
      'infra/variables.tf',
    ])
  })

  it('takes the JSON when there is no configuration, and nothing from a folder of neither', () => {
    expect(chooseFromFolder(files('out/plan.json', 'out/notes.txt'))?.map((f) => f.path)).toEqual(['out/plan.json'])
    expect(chooseFromFolder(files('docs/a.md', 'docs/.git/config'))).toBeNull()
  })

  it('knows hidden paths and macOS’s zip extras', () => {
    expect(isHidden('infra/.terraform/x.tf')).toBe(true)
    expect(isHidden('__MACOSX/infra/main.tf')).toBe(true)
    expect(isHidden('infra/main.tf')).toBe(false)
  })
})

describe('the limits before reading', () => {
  it('refuses too many files, and too many bytes naming the largest file', () => {
    const many = Array.from({ length: IMPORT_LIMITS.files + 1 }, (_, i) => ({ path: `f${i}.tf`, size: 1 }))
    expect(checkSizes(many)?.[0]).toBe(
      `${IMPORT_LIMITS.files + 1} files: at most ${IMPORT_LIMITS.files} are imported at once.`,
    )
    const big = [
      { path: 'a.tf', size: 1000 },
      { path: 'terraform.tfstate', size: IMPORT_LIMITS.bytes },
    ]
    expect(checkSizes(big)?.[1]).toBe('The largest file is terraform.tfstate (64 MB).')
    expect(checkSizes([{ path: 'a.tf', size: 10 }])).toBeNull()
  })
})

describe('the words of the notices', () => {
  it('says the input in a few words', () => {
    expect(describeInput(['plan.json'])).toBe('plan.json')
    expect(describeInput(['infra/main.tf', 'infra/modules/net/main.tf'])).toBe('infra (2 files)')
    expect(describeInput(['a.tf', 'b.tf', 'c.tf', 'd.tf'])).toBe('a.tf, b.tf, c.tf and 1 more')
  })

  it('writes file:line: what; expected what, without saying "expected" twice', () => {
    expect(
      errorLine({
        file: 'bad.tf',
        line: 2,
        message: 'Invalid expression',
        expected: 'Expected the start of an expression',
      }),
    ).toBe('bad.tf:2: Invalid expression; expected the start of an expression')
    expect(errorLine({ file: 'state.json', message: 'not valid JSON', expected: 'complete JSON' })).toBe(
      'state.json: not valid JSON; expected complete JSON',
    )
    const many = Array.from({ length: 10 }, (_, i) => ({ file: `f${i}.tf`, message: 'm', expected: 'e' }))
    expect(errorLines(many).at(-1)).toBe('… and 2 more')
  })
})
