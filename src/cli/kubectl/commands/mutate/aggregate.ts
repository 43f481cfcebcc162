// apimachinery's utilerrors.Aggregate as the resource builder nests it, and kubectl's checkErr
// on top: an aggregate of one is unwrapped once; what is still an aggregate prints one error a
// line with no `error: ` prefix (MultipleErrors), a nested aggregate as `[a, b]`.
import { PrintedError, standardErrorMessage } from '../../errors.js';

export class Aggregate extends Error {
  constructor(readonly errors: Error[]) {
    super(aggregateMessage(errors));
  }
}

/** Aggregate.Error(): one message alone, several as `[a, b]`, repeats dropped. */
function aggregateMessage(errors: Error[]): string {
  const seen = new Set<string>();
  const msgs: string[] = [];
  for (const e of errors) {
    if (seen.has(e.message)) continue;
    seen.add(e.message);
    msgs.push(e.message);
  }
  return msgs.length === 1 ? msgs[0]! : `[${msgs.join(', ')}]`;
}

/** utilerrors.NewAggregate: undefined for none. */
export function aggregate(errors: Error[]): Aggregate | undefined {
  return errors.length === 0 ? undefined : new Aggregate(errors);
}

/** utilerrors.FilterOut: drops matching errors, also inside aggregates. */
export function filterOut(err: Error | undefined, drop: (e: Error) => boolean): Error | undefined {
  if (err === undefined) return undefined;
  if (err instanceof Aggregate) {
    const kept = err.errors.map((e) => filterOut(e, drop)).filter((e): e is Error => e !== undefined);
    return aggregate(kept);
  }
  return drop(err) ? undefined : err;
}

const messageForError = (e: Error): string => standardErrorMessage(e) ?? e.message;

/** The error as kubectl's checkErr would print it, ready for the framework's sink. */
export function reportable(err: Error): Error {
  let e = err;
  if (e instanceof Aggregate && e.errors.length === 1) e = e.errors[0]!;
  if (e instanceof Aggregate) return new PrintedError(e.errors.map((x) => `${messageForError(x)}\n`).join(''));
  return e;
}
