// cmdutil.AddSourceToErr: `error when <verb> "<file>": <message>` for objects read from a source;
// an API Status keeps its reason and code with the message rewritten.
import { ApiError } from '../../../../client/types.js';

export function withSource(verb: string, source: string | undefined, err: unknown): Error {
  if (!(err instanceof Error)) return new Error(String(err));
  if (!source) return err;
  const prefix = `error when ${verb} ${JSON.stringify(source)}: `;
  if (err instanceof ApiError) return new ApiError({ ...err.status, message: prefix + (err.status.message ?? '') });
  return new Error(prefix + err.message);
}
