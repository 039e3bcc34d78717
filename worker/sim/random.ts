// Seeded pseudo-random numbers for the simulator. May not touch: Math.random, wall time, anything but its seed.
import { fmix32, stringKey } from '../engine/hash'

/** A draw in [0, 1). */
export type Random = () => number

/** mulberry32: small, fast, and good enough to place arrivals and probe phases; the same seed gives the same run. */
export function mulberry32(seed: number): Random {
  let a = seed >>> 0
  return () => {
    a = (a + 0x6d2b79f5) >>> 0
    let t = a
    t = Math.imul(t ^ (t >>> 15), t | 1)
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
}

/** An independent stream per purpose, so adding a flow to a scenario does not shift the health checks' phases. */
export function stream(seed: number, purpose: string): Random {
  return mulberry32(fmix32((seed >>> 0) ^ stringKey(purpose)))
}

/** An exponential draw with the given mean: the gap between Poisson arrivals. */
export function exponential(rng: Random, mean: number): number {
  return -Math.log(1 - rng()) * mean
}
