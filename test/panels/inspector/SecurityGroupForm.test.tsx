import { act, fireEvent, render, screen } from '@testing-library/react'
import { describe, expect, it } from 'vitest'
import { Inspector } from '../../../src/panels/inspector/Inspector'
import { createStores, type Stores, StoresProvider } from '../../../src/store/context'
import { compile, trace } from '../../../worker/engine'
import { loadExample } from '../../helpers'

function setup(select: string) {
  const stores = createStores(loadExample('two-zones'))
  stores.ui.getState().select(select)
  render(
    <StoresProvider stores={stores}>
      <Inspector />
    </StoresProvider>,
  )
  return stores
}

const group = (stores: Stores, id: string) => {
  const g = stores.design.getState().design.resources.find((r) => r.id === id)
  if (g?.kind !== 'securityGroup') throw new Error(`no security group ${id}`)
  return g
}
const ssh = { source: 'ecs-web-1', destination: '10.0.2.10', protocol: 'tcp', destinationPort: 22 } as const
const sshOutcome = (stores: Stores) => trace(compile(stores.design.getState().design), ssh).disposition

describe('the security group inspector', () => {
  it('shows the type, the internal access policy and the members', () => {
    setup('sg-web')
    expect((screen.getByLabelText('Security group type') as HTMLSelectElement).value).toBe('basic')
    expect((screen.getByLabelText('Internal access policy') as HTMLSelectElement).value).toBe('Accept')
    expect(screen.getByText('Web server 1, Web server 2')).toBeTruthy()
  })

  it('sets the policy to Drop, and the members no longer reach each other without a rule', () => {
    const stores = setup('sg-web')
    expect(sshOutcome(stores)).toBe('DELIVERED')
    fireEvent.change(screen.getByLabelText('Internal access policy'), { target: { value: 'Drop' } })
    expect(group(stores, 'sg-web').innerAccessPolicy).toBe('Drop')
    expect(sshOutcome(stores)).toBe('SECURITY_GROUP_DENIED')
  })

  it('makes the group enterprise in one edit, dropping the policy the loader would refuse; and back to basic with Accept', () => {
    const stores = setup('sg-web')
    fireEvent.change(screen.getByLabelText('Security group type'), { target: { value: 'enterprise' } })
    expect(screen.queryByRole('alert')).toBeNull()
    const g = group(stores, 'sg-web')
    expect(g.securityGroupType).toBe('enterprise')
    expect('innerAccessPolicy' in g).toBe(false)
    expect(screen.queryByLabelText('Internal access policy')).toBeNull()
    expect(screen.getByText('Isolation (members reach each other only through a rule)')).toBeTruthy()
    fireEvent.change(screen.getByLabelText('Security group type'), { target: { value: 'basic' } })
    expect(group(stores, 'sg-web')).toMatchObject({ securityGroupType: 'basic', innerAccessPolicy: 'Accept' })
  })

  it('refuses a type that leaves an instance with groups of both types, saying why, and keeps the design', () => {
    const stores = setup('sg-web')
    // put Web server 1 in a second, basic group, then try to make sg-web enterprise
    const extra = {
      kind: 'securityGroup' as const,
      id: 'sg-extra',
      vpcId: 'vpc-service',
      securityGroupType: 'basic' as const,
      innerAccessPolicy: 'Accept' as const,
      rules: [],
    }
    act(() =>
      stores.design.getState().edit('add a group', (d) => ({
        ...d,
        resources: [
          ...d.resources.map((r) =>
            r.id === 'ecs-web-1' && r.kind === 'ecs'
              ? { ...r, securityGroupIds: [...r.securityGroupIds, 'sg-extra'] }
              : r,
          ),
          extra,
        ],
      })),
    )
    fireEvent.change(screen.getByLabelText('Security group type'), { target: { value: 'enterprise' } })
    expect(screen.getByRole('alert').textContent).toMatch(/basic or all enterprise/)
    expect(group(stores, 'sg-web').securityGroupType).toBe('basic')
  })
})
