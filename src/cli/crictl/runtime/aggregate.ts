// errorUtils.AggregateGoroutines: run the functions together; their errors form one aggregate.
import { AggregateError } from '../errors.js';

export async function aggregateGoroutines(funcs: (() => Promise<void>)[]): Promise<void> {
  const results = await Promise.allSettled(funcs.map((f) => f()));
  const errors = results.flatMap((r) => (r.status === 'rejected' ? [r.reason instanceof Error ? r.reason : new Error(String(r.reason))] : []));
  if (errors.length > 0) throw new AggregateError(errors);
}
