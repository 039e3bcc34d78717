// `npm run relay`: starts the live-session relay.
//   npm run relay                      ws://127.0.0.1:1234
//   npm run relay -- --port 4000       or RELAY_PORT=4000
//   npm run relay -- --host 0.0.0.0    or RELAY_HOST: listen beyond this machine (put TLS in front, see README)
//   REDIS_URL=redis://10.0.0.5:6379    several relays as one, through Redis
import { parseArgs } from 'node:util'
import { startRelay } from './relay'

const { values } = parseArgs({
  options: { port: { type: 'string' }, host: { type: 'string' }, redis: { type: 'string' } },
})
const port = Number(values.port ?? process.env.RELAY_PORT ?? 1234)
if (!Number.isInteger(port) || port < 0 || port > 65535) {
  console.error(`relay: --port expects a port number (0 to 65535), got ${values.port ?? process.env.RELAY_PORT}`)
  process.exit(2)
}
const redisUrl = values.redis ?? process.env.REDIS_URL
let redis: { host: string; port: number } | undefined
if (redisUrl) {
  const u = new URL(redisUrl)
  redis = { host: u.hostname, port: Number(u.port || 6379) }
}

const relay = await startRelay({ port, host: values.host ?? process.env.RELAY_HOST, redis })
const stop = async () => {
  await relay.stop()
  process.exit(0)
}
process.on('SIGINT', stop)
process.on('SIGTERM', stop)
