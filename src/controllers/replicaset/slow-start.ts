// slowStartBatch: run fn count times in batches of 1, 2, 4, … so a failing create (quota, a
// webhook, a bad template) fails once instead of count times. Stops after the first batch with
// an error and reports how many calls succeeded.
export const SLOW_START_INITIAL_BATCH_SIZE = 1;

export interface BatchResult {
  successes: number;
  error?: unknown;
}

export async function slowStartBatch(count: number, initial: number, fn: () => Promise<void>): Promise<BatchResult> {
  let remaining = count;
  let successes = 0;
  for (let size = Math.min(remaining, initial); size > 0; size = Math.min(2 * size, remaining)) {
    const results = await Promise.allSettled(Array.from({ length: size }, () => fn()));
    const failed = results.filter((r): r is PromiseRejectedResult => r.status === 'rejected');
    successes += size - failed.length;
    if (failed[0]) return { successes, error: failed[0].reason };
    remaining -= size;
  }
  return { successes };
}
