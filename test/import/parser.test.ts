// The plain-reference shortcut builds the same syntax tree HashiCorp's parser gives (positions aside), and
// leaves everything that is not a plain reference to the parser.
import { describe, expect, it } from 'vitest'
import { type ExprAst, plainReferenceAst, templateLiteral } from '../../src/import/hcl/parser'

/** The tree without positions, and with only the fields the evaluator reads. */
function shape(ast: ExprAst | null | undefined): unknown {
  if (!ast) return ast
  const meta = ast.meta ?? {}
  const traversal = meta.traversal as { type: string; segment: string }[] | undefined
  return {
    type: ast.type,
    value: meta.value,
    traversal: traversal?.map((t) => ({ type: t.type, segment: t.segment })),
    children: ast.children.map(shape),
  }
}

describe('plain references', () => {
  it('have the tree the parser gives them', async () => {
    for (const t of ['${alicloud_vpc.main.id}', '${var.vpc_cidr}', '${module.net-1.vpc_id}', '${local.a_b.c-d.e}']) {
      const direct = await import('@cdktn/hcl2json').then((m) => m.getExpressionAst('x', templateLiteral(t)))
      expect(shape(plainReferenceAst(t)), t).toEqual(shape(direct as ExprAst))
    }
  })

  it('leave indexes, functions and text around a reference to the parser', () => {
    for (const t of [
      '${a.b["k"]}',
      '${a.b[0]}',
      '${upper(a.b)}',
      'x-${a.b}',
      '${a.b}-x',
      '${a.b}${c.d}',
      '${1}',
      'plain',
    ])
      expect(plainReferenceAst(t), t).toBeUndefined()
  })
})
