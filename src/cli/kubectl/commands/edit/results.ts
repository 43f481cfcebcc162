// editResults: what one save of the editor produced — objects to edit again (invalid), retryable
// failures, objects gone from the server — and the header reasons for the next round.
import { existsSync } from 'node:fs';
import { ApiError } from '../../../../client/types.js';
import type { OutStream } from '../../../shared/io.js';
import type { Info } from '../mutate/info.js';
import type { EditReason } from './text.js';

export class EditResults {
  reasons: EditReason[] = [];
  retryable = 0;
  notfound = 0;
  edit: Info[] = [];

  constructor(readonly file = '') {}

  /** addError: the line printed at once, the counters and reasons updated. */
  addError(err: unknown, info: Info): string {
    const m = info.mapping!;
    const resource = m.group ? `${m.resource}.${m.group}` : m.resource;
    if (err instanceof ApiError && err.status.reason === 'Invalid') {
      this.edit.push(info);
      const causes = err.status.details?.causes ?? [];
      this.reasons.push({ head: `${resource} ${JSON.stringify(info.name)} was not valid`, other: causes.map((c) => `${c.field ?? ''}: ${c.message ?? ''}`) });
      return `error: ${resource} ${JSON.stringify(info.name)} is invalid`;
    }
    if (err instanceof ApiError && err.status.reason === 'NotFound') {
      this.notfound++;
      return `error: ${resource} ${JSON.stringify(info.name)} could not be found on the server`;
    }
    this.retryable++;
    return `error: ${resource} ${JSON.stringify(info.name)} could not be patched: ${(err as Error).message}`;
  }
}

/** preservedFile: where the changes were kept, then the error itself. */
export function preserved(err: unknown, file: string, out: OutStream): Error {
  if (file !== '' && existsSync(file)) out.write(`A copy of your changes has been stored to ${JSON.stringify(file)}\n`);
  return err instanceof Error ? err : new Error(String(err));
}
