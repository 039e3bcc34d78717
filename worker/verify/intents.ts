// Intents: what must hold for every packet between two groups of endpoints, their format (zod, published as JSON
// Schema), the built-in ones from Alibaba Cloud's GWLB guide, and resolving one against a design.
// May not touch: React, the DOM, zustand.
import * as z from 'zod/mini'
import { type Design, parseCidr } from '../../src/model'
import { DISPOSITIONS, type Disposition } from '../engine'

export const INTENTS_FORMAT = 'gwlb-studio/intents'
export const INTENTS_VERSION = 1

/** Groups of endpoints, in the design's words; a list of ids or a CIDR block names them exactly. */
export const GROUPS = ['any', 'internet', 'servers', 'clients', 'appliances', 'instances'] as const

const cidrText = z.string().check(z.refine((s) => parseCidr(s).ok, 'a CIDR block such as 10.0.0.0/16, host bits zero'))

export const endpointsSchema = z.union([
  z.enum(GROUPS),
  z.strictObject({ resources: z.array(z.string().check(z.minLength(1))).check(z.minLength(1)) }),
  z.strictObject({ vpc: z.string().check(z.minLength(1)) }),
  z.strictObject({ cidr: cidrText }),
])
export type Endpoints = z.infer<typeof endpointsSchema>

const portText = z.string().check(
  z.regex(/^\d{1,5}(-\d{1,5})?$/, 'a port (443) or a range (1024-65535)'),
  z.refine((s) => {
    const [a, b = a] = s.split('-').map(Number)
    return a >= 1 && b <= 65535 && a <= b
  }, 'ports from 1 to 65535, the first no greater than the last'),
)

export const intentSchema = z.strictObject({
  /** names the intent in results and errors */
  id: z.string().check(z.regex(/^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$/, 'an id of letters, digits, ".", "_" or "-"')),
  description: z.optional(z.string().check(z.maxLength(512))),
  /** who sends */
  from: endpointsSchema,
  /** to which addresses */
  to: endpointsSchema,
  /** for instances named by `to`: their private addresses, their EIPs, or both (the default) */
  toAddress: z.optional(z.enum(['private', 'eip', 'both'])),
  /** default any */
  protocol: z.optional(z.enum(['tcp', 'udp', 'icmp', 'any'])),
  /** destination ports (TCP and UDP); default all */
  ports: z.optional(portText),
  /**
   * only the packets the destination instance's security groups admit: the sources, protocols and ports the
   * design serves there (a destination no instance holds admits every packet); default every packet
   */
  served: z.optional(z.literal(true)),
  expect: z.strictObject({
    /** delivered: every such packet arrives; blocked: none does */
    reach: z.optional(z.enum(['delivered', 'blocked'])),
    /** every packet that arrives crossed an appliance */
    inspected: z.optional(z.literal(true)),
    /** the answer to every packet that arrives arrives too, through the request's appliance */
    symmetric: z.optional(z.literal(true)),
    /** neither the packet nor its answer ends so */
    never: z.optional(z.array(z.enum(DISPOSITIONS as unknown as [Disposition, ...Disposition[]]))),
  }),
})
export type Intent = z.infer<typeof intentSchema>

export const intentsFileSchema = z.strictObject({
  format: z.literal(INTENTS_FORMAT),
  version: z.literal(INTENTS_VERSION),
  intents: z.array(intentSchema),
})
export type IntentsFile = z.infer<typeof intentsFileSchema>

/** The published JSON Schema (public/intents.schema.json), generated so the two cannot drift. */
export function intentsJsonSchema(): Record<string, unknown> {
  return {
    ...z.toJSONSchema(intentsFileSchema, { target: 'draft-2020-12', unrepresentable: 'any', io: 'input' }),
    $id: 'https://gwlb-studio.example/intents.schema.json',
    title: 'GWLB Studio intents',
    description:
      'What must hold for every packet between two groups of endpoints of a design, checked over every flow class by `verify`. Resource ids are checked against the design, not by this schema.',
  }
}

/**
 * Built in, from Alibaba Cloud's GWLB guide: traffic between the internet and the servers goes through an
 * appliance both ways, through the same one; what the servers serve to the internet arrives (the inspection
 * intents hold vacuously when nothing does: with every appliance stopped, say); nothing is black-holed or loops;
 * the appliances reach the servers only inside Geneve.
 */
export const BUILT_IN_INTENTS: readonly Intent[] = [
  {
    id: 'inbound-inspected',
    description:
      'from the internet to every server EIP: whatever arrives crossed an appliance, and its answer returns through the same one',
    from: 'internet',
    to: 'servers',
    toAddress: 'eip',
    expect: { inspected: true, symmetric: true },
  },
  {
    id: 'inbound-delivered',
    description:
      'from the internet to every server EIP, from the sources and on the ports its security groups admit: delivered',
    from: 'internet',
    to: 'servers',
    toAddress: 'eip',
    served: true,
    expect: { reach: 'delivered' },
  },
  {
    id: 'outbound-inspected',
    description:
      'from every server to the internet: nothing leaves uninspected, and the answer returns through the same appliance',
    from: 'servers',
    to: 'internet',
    expect: { inspected: true, symmetric: true },
  },
  {
    id: 'no-black-hole-or-loop',
    description: 'no packet, and no answer, ends in a black-hole route or a loop',
    from: 'any',
    to: 'any',
    expect: { never: ['BLACKHOLE_ROUTE', 'LOOP'] },
  },
  {
    id: 'appliances-isolated',
    description: "from the appliances: no path to the servers' private addresses except Geneve through the GWLB",
    from: 'appliances',
    to: 'servers',
    toAddress: 'private',
    expect: { reach: 'blocked' },
  },
]

/** A problem in an intents file, or an intent naming what the design does not hold. */
export interface IntentError {
  /** the intent's id, or "" for the file itself */
  intentId: string
  /** JSON path such as intents[2].from.resources[0] */
  path: string
  message: string
}

export type IntentsParse = { ok: true; intents: Intent[] } | { ok: false; errors: IntentError[] }

/** Checks an intents file's text: JSON, the format, each intent's fields. */
export function parseIntents(text: string): IntentsParse {
  let data: unknown
  try {
    data = JSON.parse(text)
  } catch (e) {
    return { ok: false, errors: [{ intentId: '', path: '', message: `not JSON: ${(e as Error).message}` }] }
  }
  const r = z.safeParse(intentsFileSchema, data)
  if (r.success) {
    const seen = new Set<string>()
    const errors: IntentError[] = []
    r.data.intents.forEach((i, n) => {
      if (seen.has(i.id))
        errors.push({ intentId: i.id, path: `intents[${n}].id`, message: `a second intent with id "${i.id}"` })
      seen.add(i.id)
    })
    return errors.length ? { ok: false, errors } : { ok: true, intents: r.data.intents }
  }
  const list = (data as { intents?: { id?: unknown }[] } | null)?.intents
  return {
    ok: false,
    errors: r.error.issues.map((issue) => {
      const path = issue.path
        .map((p) => (typeof p === 'number' ? `[${p}]` : `.${String(p)}`))
        .join('')
        .slice(0)
      const n = issue.path[0] === 'intents' && typeof issue.path[1] === 'number' ? issue.path[1] : -1
      const id = n >= 0 && Array.isArray(list) && typeof list[n]?.id === 'string' ? (list[n].id as string) : ''
      return { intentId: id, path: path.replace(/^\./, ''), message: issue.message }
    }),
  }
}

const ENDPOINT_KINDS = new Set(['ecs', 'appliance', 'internetHost'])

/** Intents that name resources the design does not hold, or a VPC that is none: one error each. */
export function checkNames(design: Design, intents: readonly Intent[]): IntentError[] {
  const byId = new Map(design.resources.map((r) => [r.id, r]))
  const errors: IntentError[] = []
  intents.forEach((intent, n) => {
    for (const side of ['from', 'to'] as const) {
      const e = intent[side]
      if (typeof e !== 'object') continue
      if ('resources' in e)
        e.resources.forEach((id, k) => {
          const r = byId.get(id)
          const path = `intents[${n}].${side}.resources[${k}]`
          if (!r) errors.push({ intentId: intent.id, path, message: `no resource "${id}" in the design` })
          else if (!ENDPOINT_KINDS.has(r.kind))
            errors.push({
              intentId: intent.id,
              path,
              message: `"${id}" is a ${r.kind}; name ECS instances, appliances or internet hosts (or use {"vpc": ...})`,
            })
        })
      if ('vpc' in e && byId.get(e.vpc)?.kind !== 'vpc')
        errors.push({
          intentId: intent.id,
          path: `intents[${n}].${side}.vpc`,
          message: `no VPC "${e.vpc}" in the design`,
        })
    }
  })
  return errors
}
