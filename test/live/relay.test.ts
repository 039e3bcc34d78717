// The relay as `npm run relay` starts it: on localhost unless told otherwise (README: Live sessions, Safety).
import { describe, expect, it } from 'vitest'
import { startRelay } from '../../relay/relay'

describe('the relay', () => {
  it('listens on localhost only by default, and on the host it is given', async () => {
    const local = await startRelay({ port: 0, quiet: true })
    const any = await startRelay({ port: 0, quiet: true, host: '0.0.0.0' })
    try {
      expect(local.address).toBe('127.0.0.1')
      expect(local.url).toBe(`ws://127.0.0.1:${local.port}`)
      expect(any.address).toBe('0.0.0.0')
    } finally {
      await local.stop()
      await any.stop()
    }
  })
})
