// The live-session relay: Hocuspocus (a maintained Yjs websocket server) with our room check in its authentication
// hook. It passes Yjs updates and presence between the people in a room and keeps each room's document in memory
// while someone is in it; it never parses or stores designs. Node only; imports of ours: the room keys.
import { Server } from '@hocuspocus/server'
import { authorize } from '../src/live/roomKeys'

export interface RelayOptions {
  /** 0: any free port (tests) */
  port: number
  /** the address to listen on; localhost by default, so a relay started for a class is not open to the network */
  host?: string
  /** Redis, to run several relays as one (see README: Live sessions) */
  redis?: { host: string; port: number }
  limits?: Partial<RelayLimits>
  /** no start line on stdout */
  quiet?: boolean
}

export interface RelayLimits {
  /** people in one room: a class and its trainer, with room to spare */
  perRoom: number
  /** rooms open at once on this relay */
  rooms: number
  /** the largest message, in bytes: a design is at most 5 MB as text, its Yjs update about as much */
  maxPayload: number
  /** refused tokens an address may present per minute before it is refused outright */
  refusalsPerMinute: number
}

export const DEFAULT_LIMITS: RelayLimits = {
  perRoom: 300,
  rooms: 500,
  maxPayload: 8 * 1024 * 1024,
  refusalsPerMinute: 30,
}

/** Why a connection was turned away: the provider hands the reason to the page, which says it in words. */
export type Refusal = 'bad-token' | 'no-session' | 'room-full' | 'relay-full' | 'too-many-attempts'

export interface Relay {
  url: string
  port: number
  /** the address it listens on, as the operating system has it */
  address: string
  /** how many rooms are open now */
  rooms(): number
  stop(): Promise<void>
}

class Refused extends Error {
  constructor(readonly reason: Refusal) {
    super(reason)
  }
}

export async function startRelay(options: RelayOptions): Promise<Relay> {
  const limits = { ...DEFAULT_LIMITS, ...options.limits }
  const host = options.host ?? '127.0.0.1'
  /** refusals per address in the current minute */
  let refusals = new Map<string, number>()
  const minute = setInterval(() => {
    refusals = new Map()
  }, 60_000)
  minute.unref()

  const extensions = []
  if (options.redis) {
    // loaded only when asked for: a single relay needs no Redis client
    const { Redis } = await import('@hocuspocus/extension-redis')
    extensions.push(new Redis({ host: options.redis.host, port: options.redis.port }))
  }

  const server = new Server(
    {
      port: options.port,
      address: host,
      quiet: true,
      stopOnSignals: false,
      extensions,
      async onAuthenticate({ token, documentName, instance, request, connectionConfig }) {
        const from = request?.socket?.remoteAddress ?? 'unknown'
        if ((refusals.get(from) ?? 0) >= limits.refusalsPerMinute) throw new Refused('too-many-attempts')
        const role = await authorize(documentName, token ?? '')
        if (!role) {
          refusals.set(from, (refusals.get(from) ?? 0) + 1)
          throw new Refused('bad-token')
        }
        const room = instance.documents.get(documentName)
        // any well-formed class code names a room: a follower is let in only where an editor is, so a mistyped
        // code says so instead of waiting in an empty room
        const editorIn = room?.getConnections().some((c) => c.context?.role === 'editor')
        if (role === 'follower' && !editorIn) throw new Refused('no-session')
        if (!room && instance.getDocumentsCount() >= limits.rooms) throw new Refused('relay-full')
        if (room && room.getConnectionsCount() >= limits.perRoom) throw new Refused('room-full')
        // a follower's token reads: Hocuspocus drops every document update it sends (presence still goes through)
        connectionConfig.readOnly = role === 'follower'
        return { role }
      },
    },
    { maxPayload: limits.maxPayload },
  )
  listenOn(server, host)
  await server.listen()
  const port = server.address.port
  const url = `ws://${host.includes(':') ? `[${host}]` : host}:${port}`
  if (!options.quiet) console.log(`GWLB Studio relay: listening on ${url}${options.redis ? ' (with Redis)' : ''}`)
  return {
    url,
    port,
    address: server.address.address,
    rooms: () => server.hocuspocus.getDocumentsCount(),
    async stop() {
      clearInterval(minute)
      await server.destroy()
    },
  }
}

/**
 * Hocuspocus 3.4 hands its `address` to Node's listen() as `address`, which Node does not read (it reads `host`):
 * left alone, the relay listens on every interface whatever it was given. Its server is told the host here.
 */
function listenOn(server: Server, host: string) {
  const http = server.httpServer
  const listen = http.listen.bind(http) as (options: object, done?: () => void) => typeof http
  http.listen = ((options: object, done?: () => void) => listen({ ...options, host }, done)) as typeof http.listen
}
