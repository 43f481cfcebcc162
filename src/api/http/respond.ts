// Writing responses: JSON bodies and Status errors with the headers the apiserver sends.
import type { ServerResponse } from 'node:http';
import { StatusError, internalError } from '../errors.js';

export function writeJson(res: ServerResponse, code: number, body: unknown, warnings: string[] = []): void {
  const data = Buffer.from(JSON.stringify(body) + '\n');
  const headers: Record<string, string | number | string[]> = {
    'Content-Type': 'application/json',
    'Content-Length': data.length,
    'Cache-Control': 'no-cache, private',
  };
  if (warnings.length) headers.Warning = warnings.map((w) => `299 - ${JSON.stringify(w)}`);
  res.writeHead(code, headers);
  res.end(data);
}

export function writeText(res: ServerResponse, code: number, text: string, type = 'text/plain; charset=utf-8'): void {
  res.writeHead(code, { 'Content-Type': type, 'Content-Length': Buffer.byteLength(text), 'Cache-Control': 'no-cache, private', 'X-Content-Type-Options': 'nosniff' });
  res.end(text);
}

/** The warnings a request has gathered, sent with its error too (as the apiserver's warning recorder does). */
const requestWarnings = new WeakMap<ServerResponse, string[]>();
export const recordWarnings = (res: ServerResponse, warnings: string[]): void => void requestWarnings.set(res, warnings);

export function writeError(res: ServerResponse, err: unknown): void {
  const withStatus = err as { toStatus?: () => StatusError['status'] };
  const se = err instanceof StatusError ? err : typeof withStatus?.toStatus === 'function' ? new StatusError(withStatus.toStatus()) : internalError(err);
  if (res.headersSent) {
    res.destroy();
    return;
  }
  writeJson(res, se.code, se.status, requestWarnings.get(res));
}
