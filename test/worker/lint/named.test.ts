// A resource in a linter message is named once: "Server 1 (ecs-1)", not "Server Server 1 (ecs-1)".
import { describe, expect, it } from 'vitest'
import { lint } from '../../../worker/lint'
import { named } from '../../../worker/lint/lookup'
import { loadExample } from '../../helpers'

describe('named', () => {
  it('says the kind only when the name does not', () => {
    expect(named('Server', { id: 'ecs-1', name: 'Server 1' })).toBe('Server 1 (ecs-1)')
    expect(named('Server', { id: 'ecs-1', name: 'Web server 1' })).toBe('Web server 1 (ecs-1)')
    expect(named('Route table', { id: 'rtb-g', name: 'Gateway route table' })).toBe('Gateway route table (rtb-g)')
    expect(named('GWLBe', { id: 'gwlbe-h', name: 'GWLBe H' })).toBe('GWLBe H (gwlbe-h)')
    expect(named('Appliance', { id: 'fw-1', name: 'Firewall 1' })).toBe('Appliance Firewall 1 (fw-1)')
    expect(named('Server', { id: 'ecs-1' })).toBe('Server ecs-1')
  })

  it('no message of the reference designs, broken a little, repeats a word twice in a row', () => {
    const design = loadExample('two-zones')
    const broken = {
      ...design,
      resources: design.resources.map((r) =>
        r.kind === 'ecs'
          ? { ...r, name: 'Server 1' }
          : r.kind === 'gwlbEndpoint'
            ? { ...r, connectionStatus: 'Disconnected' as const }
            : r,
      ),
    }
    const messages = lint(broken).map((p) => p.message)
    expect(messages.length).toBeGreaterThanOrEqual(2)
    for (const m of messages) expect(m).not.toMatch(/\b(\w+) \1\b/i)
  })
})
