// A packet rate as a line's label says it: short enough that the labels of a GWLB's appliances never run into
// each other ("5.0k pkt/s", not "5,029 pkt/s").

export function rateText(perSecond: number): string {
  const n = Math.max(0, perSecond)
  if (n < 999.5) return `${Math.round(n)} pkt/s`
  if (n < 999_500) return `${(n / 1000).toFixed(n < 9_950 ? 1 : 0)}k pkt/s`
  return `${(n / 1_000_000).toFixed(n < 9_950_000 ? 1 : 0)}M pkt/s`
}
