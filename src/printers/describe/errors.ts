// err.Error() of what a describer failed with, as Go prints it inside a sentence.
import { ApiError } from '../../client/types.js';

export function errorText(err: unknown): string {
  if (err instanceof ApiError) return err.status.message ?? err.message;
  return err instanceof Error ? err.message : String(err);
}
