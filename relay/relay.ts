// The live-session relay: Hocuspocus (a maintained Yjs websocket server) with our room check in its authentication
// hook. It passes Yjs updates and presence between the people in a room and keeps each room's document in memory
// while someone is in it; it never parses or stores designs. Node only; imports of ours: the room keys.
import { type Extension, Server } from '@hocuspocus/server'
import { authorize, LEAVING } from '../src/live/roomKeys'

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
  /**
   * Hocuspocus extensions of the embedder's own (a store that keeps rooms' documents, a logger); they run after
   * Redis's. A store's load may take a while: an editor let in is counted as in the room meanwhile.
   */
  extensions?: Extension[]
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
  /**
   * how long a room whose last editor's connection dropped still counts as having one, in milliseconds: the
   * editor's page reconnects by itself (after 1, 2, 4 s…), and a follower arriving meanwhile waits for the
   * presenter instead of being told no session is open
   */
  editorReturnMs: number
}

export const DEFAULT_LIMITS: RelayLimits = {
  perRoom: 300,
  rooms: 500,
  maxPayload: 8 * 1024 * 1024,
  refusalsPerMinute: 30,
  editorReturnMs: 10_000,
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

/** how long an editor let in counts as in the room while its connection is set up (a store may load slowly) */
const ARRIVAL_MS = 30_000

class Refused extends Error {
  constructor(readonly reason: Refusal) {
    super(reason)
  }
}

/**
 * Who may enter which room: the authentication hook, and what it remembers — refusals per address this minute, and
 * rooms counted as having an editor while none is connected. `stop` ends its minute's timer.
 */
function admission(limits: RelayLimits) {
  /** refusals per address in the current minute */
  let refusals = new Map<string, number>()
  /**
   * Rooms an editor was let into and whose connection is not set up yet, or whose editor's connection just dropped,
   * and until when that counts: Hocuspocus tells the editor it is in before it loads the room's document and adds the
   * connection to it, so a follower who arrives in between would otherwise find no editor and be turned away from a
   * session that is starting; and an editor whose network blinks is back within seconds (`editorReturnMs`).
   */
  const editorArriving = new Map<string, number>()
  const minute = setInterval(() => {
    refusals = new Map()
    const now = Date.now()
    for (const [room, until] of editorArriving) if (until < now) editorArriving.delete(room)
  }, 60_000)
  minute.unref()
  const hooks: Pick<Extension, 'onAuthenticate' | 'connected' | 'onDisconnect' | 'onStateless'> = {
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
      const editorIn =
        room?.getConnections().some((c) => c.context?.role === 'editor') ||
        (editorArriving.get(documentName) ?? 0) >= Date.now()
      if (role === 'follower' && !editorIn) throw new Refused('no-session')
      if (!room && instance.getDocumentsCount() >= limits.rooms) throw new Refused('relay-full')
      if (room && room.getConnectionsCount() >= limits.perRoom) throw new Refused('room-full')
      // a follower's token reads: Hocuspocus drops every document update it sends (presence still goes through)
      connectionConfig.readOnly = role === 'follower'
      if (role === 'editor') editorArriving.set(documentName, Date.now() + ARRIVAL_MS)
      return { role }
    },
    async connected({ documentName, context }) {
      if (context?.role === 'editor') editorArriving.delete(documentName)
    },
    async onDisconnect({ documentName, context }) {
      // an editor still in the room counts anyway; otherwise this one may be on its way back, unless it said it left
      if (context?.role !== 'editor' || context.leaving) return
      const until = Math.max(editorArriving.get(documentName) ?? 0, Date.now() + limits.editorReturnMs)
      editorArriving.set(documentName, until)
    },
    async onStateless({ connection, documentName, payload }) {
      if (payload !== LEAVING || connection.context?.role !== 'editor') return
      connection.context.leaving = true
      // in case the connection's end was heard first
      editorArriving.delete(documentName)
    },
  }
  return { hooks, stop: () => clearInterval(minute) }
}

export async function startRelay(options: RelayOptions): Promise<Relay> {
  const limits = { ...DEFAULT_LIMITS, ...options.limits }
  const host = options.host ?? '127.0.0.1'
  const extensions: Extension[] = []
  if (options.redis) {
    // loaded only when asked for: a single relay needs no Redis client
    const { Redis } = await import('@hocuspocus/extension-redis')
    extensions.push(new Redis({ host: options.redis.host, port: options.redis.port }))
  }
  extensions.push(...(options.extensions ?? []))
  const door = admission(limits)
  const server = new Server(
    { port: options.port, address: host, quiet: true, stopOnSignals: false, extensions, ...door.hooks },
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
      door.stop()
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
