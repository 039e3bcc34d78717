// The Walk tab's side of a walk request: replays the packet on the design shown (with verification's appliance
// picks, so the walk shows the very outcome that was found) and hands the walk its round trip to play.
import { useEffect, useRef } from 'react'
import type { PacketSpec, RoundTrip } from '../../../worker/engine/types'
import type { Design } from '../../model'
import { useStores } from '../../store/context'
import { walkRequestsFor } from './walkRequest'

export type OpenedWalk = ({ roundTrip: RoundTrip } | { error: string }) & {
  spec: PacketSpec
  design: Design
  /** where the packet comes from, in words */
  label: string
  autoPlay: true
}

export function useWalkRequest(onOpen: (opened: OpenedWalk) => void): void {
  const stores = useStores()
  const latest = useRef(onOpen)
  latest.current = onOpen
  useEffect(() => {
    const requests = walkRequestsFor(stores)
    let live = true
    const open = async (r: NonNullable<ReturnType<typeof requests.getState>['request']>) => {
      const design = stores.design.getState().design
      const base = { spec: r.packet, design, label: r.label, autoPlay: true as const }
      try {
        const a = await stores.engine.replay(design, r.packet, r.picks)
        if (!live || requests.getState().request?.n !== r.n) return
        latest.current(a.ok ? { ...base, roundTrip: a.roundTrip } : { ...base, error: a.message })
      } catch (e) {
        if (live) latest.current({ ...base, error: e instanceof Error ? e.message : String(e) })
      }
    }
    // a request made before the Walk tab was first shown is opened as it mounts
    const pending = requests.getState().request
    if (pending) void open(pending)
    const unsubscribe = requests.subscribe((s, prev) => {
      if (s.request && s.request !== prev.request) void open(s.request)
    })
    return () => {
      live = false
      unsubscribe()
    }
  }, [stores])
}
