// Named, switchable assumptions where the cloud's documents are silent (docs/cloud.md section 9). May not touch: React, the DOM, zustand.

export interface AssumptionInfo<V extends string> {
  values: readonly V[]
  default: V
  /** what the documents say and why the default was chosen */
  basis: string
  /** one line per value: what the engine does under it */
  meaning: Record<V, string>
}

export const ASSUMPTIONS = {
  routeSelection: {
    values: ['longestPrefix', 'entryOrder'],
    default: 'longestPrefix',
    basis: 'docs/cloud.md 9.6: Alibaba does not word it; AWS states longest-prefix match (/32 beats /24).',
    meaning: {
      longestPrefix: 'the most specific matching route entry wins',
      entryOrder: 'the first matching entry wins, Local entries first, then custom entries in the order listed',
    },
  } satisfies AssumptionInfo<'longestPrefix' | 'entryOrder'>,
  allUnhealthy: {
    values: ['drop', 'awsRandomTarget'],
    default: 'drop',
    basis: 'docs/cloud.md 9.1: Alibaba unconfirmed; AWS GWLB picks a target per new flow and keeps it (no fail-open).',
    meaning: {
      drop: 'with no healthy appliance the GWLB drops new flows',
      awsRandomTarget:
        'with no healthy appliance the GWLB hashes the flow over every registered appliance and keeps it there',
    },
  } satisfies AssumptionInfo<'drop' | 'awsRandomTarget'>,
  geneveOptions: {
    values: ['awsTlvs', 'gwlbeIdOnly'],
    default: 'awsTlvs',
    basis:
      'docs/cloud.md 9.2: Alibaba documents the 64-bit GWLBe id and a 68-byte overhead; the AWS layout (class 0x0108: GWLBe id, attachment id, flow cookie) adds up to 68.',
    meaning: {
      awsTlvs: 'options: GWLBe id, attachment id and flow cookie (class 0x0108); overhead 68 bytes',
      gwlbeIdOnly: 'options: the GWLBe id only; overhead 48 bytes (contradicts the documented 68, for what-ifs)',
    },
  } satisfies AssumptionInfo<'awsTlvs' | 'gwlbeIdOnly'>,
  symmetricHash: {
    values: ['sortedEndpoints', 'directional'],
    default: 'sortedEndpoints',
    basis:
      'docs/cloud.md 2.2: Alibaba says only "same flow, same appliance"; a direction-independent key (sorted endpoints) is our inference.',
    meaning: {
      sortedEndpoints:
        "the hash and the flow table key sort the two endpoints, so a reply lands on the request's appliance",
      directional: 'source first: a reply is hashed as a new flow and may land on another appliance',
    },
  } satisfies AssumptionInfo<'sortedEndpoints' | 'directional'>,
  routeTargetProbeInterval: {
    values: ['5s', '2s', '10s'],
    default: '5s',
    basis:
      'docs/cloud.md 6.4: Alibaba documents 3 failed probes to mark a route target group member Unhealthy, 3 good ones to mark it Healthy, and failover within 30 s, but not the probe interval; 3 probes within 30 s means at most 10 s, and 5 s is the middle of that range.',
    meaning: {
      '5s': 'route target group members are probed every 5 s: a failed active member is failed over 10 to 15 s after it fails',
      '2s': 'route target group members are probed every 2 s: failover 4 to 6 s after the active member fails',
      '10s': 'route target group members are probed every 10 s: failover 20 to 30 s after the active member fails',
    },
  } satisfies AssumptionInfo<'5s' | '2s' | '10s'>,
  viaLocal: {
    values: ['required', 'notRequired'],
    default: 'required',
    basis:
      'docs/cloud.md 9.5: moving a gateway route from one ECS/ENI next hop to another goes through Local first; unconfirmed for GWLBe. It governs edits, never forwarding, so no trace cites it.',
    meaning: {
      required: 'an editor changes a GWLBe next hop to another GWLBe through Local',
      notRequired: 'an editor may change a GWLBe next hop directly',
    },
  } satisfies AssumptionInfo<'required' | 'notRequired'>,
} as const

export type AssumptionId = keyof typeof ASSUMPTIONS
export type AssumptionValues = { [K in AssumptionId]: (typeof ASSUMPTIONS)[K]['values'][number] }

export const DEFAULT_ASSUMPTIONS: AssumptionValues = {
  routeSelection: ASSUMPTIONS.routeSelection.default,
  allUnhealthy: ASSUMPTIONS.allUnhealthy.default,
  geneveOptions: ASSUMPTIONS.geneveOptions.default,
  symmetricHash: ASSUMPTIONS.symmetricHash.default,
  routeTargetProbeInterval: ASSUMPTIONS.routeTargetProbeInterval.default,
  viaLocal: ASSUMPTIONS.viaLocal.default,
}

export interface EngineOptions {
  assumptions?: Partial<AssumptionValues>
  /** hops before a trace is declared a LOOP; default 64 (the longest loop-free path has about a dozen) */
  maxHops?: number
}

export function assumptionText<K extends AssumptionId>(id: K, value: AssumptionValues[K]): string {
  const info = ASSUMPTIONS[id] as AssumptionInfo<string>
  const meaning = info.meaning[value]
  // the command line checks the values it is given; an engine option typed around that check ends here
  if (meaning === undefined)
    throw new RangeError(`assumption ${id} has no value ${value}: expected ${info.values.join(' or ')}`)
  return meaning
}
