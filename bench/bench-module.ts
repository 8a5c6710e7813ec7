/** What a benchmark module gives the runner (bench/run.ts). */
export interface BenchCheck {
  /** What is measured against which target, e.g. `10,000 rows: validation throughput`. */
  name: string;
  measured: string;
  target: string;
  pass: boolean;
}

export interface BenchRunOptions {
  /** Row counts asked for on the command line (`--rows 1000,10000`); a module may ignore them. */
  rows?: number[];
  /** Progress and result lines, printed as they come. */
  log(line: string): void;
}

export interface BenchModule {
  /** Short name, used by `--only NAME`. */
  name: string;
  description: string;
  run(options: BenchRunOptions): Promise<BenchCheck[]>;
}
