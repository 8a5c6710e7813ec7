/**
 * Runs concurrent merges step by step in a chosen order: each request waits at every merge checkpoint
 * (ServiceDeps.mergeCheckpoint) until the schedule lets it pass. `order` lists request indexes; a
 * request that has finished is skipped; after the order, everything runs freely.
 */
import type { MergeStep, ServiceDeps } from '#functions/services/deps';

export interface ScheduledRun<T> {
  results: PromiseSettledResult<T>[];
  /** The steps as they were released, e.g. `1:rows-written`. */
  trace: string[];
}

export async function runInOrder<T>(
  deps: ServiceDeps,
  requests: ((deps: ServiceDeps) => Promise<T>)[],
  order: readonly number[],
  /** Called before each release, while every request stands still at a checkpoint or has finished. */
  onPause?: () => Promise<void>,
): Promise<ScheduledRun<T>> {
  const waiting = new Map<number, { step: MergeStep; release: () => void }>();
  const finished = new Set<number>();
  const trace: string[] = [];
  let free = false;
  let wake: () => void = () => undefined;
  const changed = () => wake();
  const nextChange = () => new Promise<void>((resolve) => (wake = resolve));

  const running = requests.map((request, index) =>
    request({
      ...deps,
      mergeCheckpoint: (step) =>
        free
          ? Promise.resolve()
          : new Promise<void>((release) => {
              waiting.set(index, { step, release });
              changed();
            }),
    }).finally(() => {
      finished.add(index);
      changed();
    }),
  );
  const settled = Promise.allSettled(running);

  /** Waits until request `index` stands at a checkpoint or has finished. */
  const arrival = async (index: number) => {
    while (!waiting.has(index) && !finished.has(index)) await nextChange();
  };
  /** Waits until every request stands still (at a checkpoint or finished). */
  const allStill = async () => {
    while (requests.some((_, i) => !waiting.has(i) && !finished.has(i))) await nextChange();
  };

  for (const index of order) {
    await allStill();
    await arrival(index);
    const pause = waiting.get(index);
    if (!pause) continue;
    if (onPause) await onPause();
    waiting.delete(index);
    trace.push(`${index}:${pause.step}`);
    pause.release();
  }
  free = true;
  for (const [index, pause] of waiting) {
    waiting.delete(index);
    trace.push(`${index}:${pause.step}`);
    pause.release();
  }
  return { results: await settled, trace };
}

/** Every order of `counts[i]` steps of request i (multiset permutations), in lexicographic order. */
export function allInterleavings(counts: readonly number[]): number[][] {
  const out: number[][] = [];
  const left = [...counts];
  const current: number[] = [];
  const total = counts.reduce((a, b) => a + b, 0);
  const walk = () => {
    if (current.length === total) {
      out.push([...current]);
      return;
    }
    for (let i = 0; i < left.length; i++) {
      if (left[i] === 0) continue;
      left[i]--;
      current.push(i);
      walk();
      current.pop();
      left[i]++;
    }
  };
  walk();
  return out;
}
