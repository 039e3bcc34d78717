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
  /** where a figure is the median of several rounds: the lowest and highest round, and how many rounds */
  spread?: { low: number; high: number; rounds: number }
  /** value / baseline, where it is better taken round by round (the median of paired ratios) */
  ratio?: number
  /** the ratio to reach (a share of the baseline): on a loaded machine the ratio moves less than the value */
  ratioTarget?: number
}

export type Bench = () => Promise<BenchRow[]>
