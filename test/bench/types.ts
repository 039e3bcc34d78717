// One figure a bench reports.
export interface BenchRow {
  name: string
  value: number
  unit: string
  /** a figure to compare with (for the engine: a bare loop doing as many look-ups); ratio = value / baseline */
  baseline?: number
  /** the figure to reach */
  target?: number
  /** default 'higher' */
  better?: 'higher' | 'lower'
}

export type Bench = () => Promise<BenchRow[]>
