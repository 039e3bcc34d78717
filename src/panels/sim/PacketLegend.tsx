// What the packets on the diagram mean: their colours, the Geneve frame, the drop cross.
export function PacketLegend() {
  return (
    <ul className="grid shrink-0 grid-cols-2 gap-x-3 text-[11px] text-slate-500" aria-label="Packet legend">
      <li className="flex items-center gap-1">
        <span className="inline-block h-2 w-2 rounded-full bg-sky-600" /> inbound
      </li>
      <li className="flex items-center gap-1">
        <span className="inline-block h-2 w-2 rounded-full bg-amber-500" /> outbound
      </li>
      <li className="flex items-center gap-1">
        <span className="inline-block h-2.5 w-2.5 rounded-full border-2 border-orange-700 bg-white" /> Geneve
      </li>
      <li className="flex items-center gap-1">
        <span className="font-bold text-red-600">✕</span> dropped
      </li>
    </ul>
  )
}
