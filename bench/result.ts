/** One measured value of a benchmark and the target it must meet. */
export interface BenchResult {
  name: string;
  value: number;
  unit: string;
  target: number;
  higherIsBetter: boolean;
}
