// The simulator bar's words for times and counts, one place so the clock, the log and Step say them alike.

export const seconds = (ms: number) => `${(ms / 1000).toFixed(1)} s`
export const count = (n: number) => n.toLocaleString('en-US')

/** A step's amount as the button says it: "+5 s", "+0.25 s", never rounded to a different amount. */
export function stepText(ms: number): string {
  return `+${Number((ms / 1000).toFixed(3))} s`
}
