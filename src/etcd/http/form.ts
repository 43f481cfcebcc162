// Request forms read as Go's net/http reads them (Request.ParseForm): the urlencoded body of a
// POST, PUT or PATCH first, then the query; the first value of a name wins; a bad escape or a `;`
// is an error whose text etcd echoes back, so the wording here is Go's.
import type http from 'node:http';

export type Form = Map<string, string[]>;

const MAX_FORM_BYTES = 10 << 20;

/** Go's url.QueryUnescape: `+` is a space, %XX a byte; the bytes are read as UTF-8. */
function queryUnescape(s: string): string {
  const bytes: number[] = [];
  for (let i = 0; i < s.length; i++) {
    const ch = s[i]!;
    if (ch === '%') {
      const hex = s.slice(i + 1, i + 3);
      if (!/^[0-9a-fA-F]{2}$/.test(hex)) throw new Error(`invalid URL escape ${JSON.stringify(s.slice(i, i + 3))}`);
      bytes.push(parseInt(hex, 16));
      i += 2;
    } else if (ch === '+') bytes.push(0x20);
    else bytes.push(...Buffer.from(ch));
  }
  return Buffer.from(bytes).toString('utf8');
}

/** Go's url.ParseQuery into form (appending); returns the first error's text, if any. */
export function parseQuery(query: string, form: Form): string | undefined {
  let firstErr: string | undefined;
  for (const part of query.split('&')) {
    if (part === '') continue;
    if (part.includes(';')) {
      firstErr ??= 'invalid semicolon separator in query';
      continue;
    }
    const eq = part.indexOf('=');
    const [rawKey, rawValue] = eq === -1 ? [part, ''] : [part.slice(0, eq), part.slice(eq + 1)];
    try {
      const key = queryUnescape(rawKey);
      const value = queryUnescape(rawValue);
      form.set(key, [...(form.get(key) ?? []), value]);
    } catch (err) {
      firstErr ??= (err as Error).message;
    }
  }
  return firstErr;
}

/** The body, or undefined past Go's 10 MB form limit. */
function readBody(req: http.IncomingMessage): Promise<string | undefined> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (c: Buffer) => {
      size += c.length;
      if (size <= MAX_FORM_BYTES) chunks.push(c);
    });
    req.on('end', () => resolve(size > MAX_FORM_BYTES ? undefined : Buffer.concat(chunks).toString('utf8')));
    req.on('error', reject);
  });
}

function isUrlencoded(req: http.IncomingMessage): boolean {
  const type = (req.headers['content-type'] ?? '').split(';')[0]!.trim().toLowerCase();
  return type === 'application/x-www-form-urlencoded';
}

export interface ParsedForm {
  form: Form;
  /** Go's ParseForm error text, when the body or query did not parse. */
  error?: string;
}

/** The request's form: body values (POST/PUT/PATCH, urlencoded) before the query's. */
export async function parseForm(req: http.IncomingMessage, rawQuery: string): Promise<ParsedForm> {
  const form: Form = new Map();
  let error: string | undefined;
  const method = req.method ?? 'GET';
  if ((method === 'POST' || method === 'PUT' || method === 'PATCH') && isUrlencoded(req)) {
    const body = await readBody(req);
    error = body === undefined ? 'http: POST too large' : parseQuery(body, form);
  } else {
    req.resume();
  }
  const queryErr = parseQuery(rawQuery, form);
  return error ?? queryErr ? { form, error: error ?? queryErr } : { form };
}

export function formValue(form: Form, name: string): string {
  return form.get(name)?.[0] ?? '';
}

/** Go's strconv.ParseBool. */
export function goParseBool(s: string): boolean | undefined {
  if (['1', 't', 'T', 'TRUE', 'true', 'True'].includes(s)) return true;
  if (['0', 'f', 'F', 'FALSE', 'false', 'False'].includes(s)) return false;
  return undefined;
}

/** Go's strconv.ParseUint(s, 10, 64), as a number (exact up to 2^53). */
export function goParseUint(s: string): number | undefined {
  if (!/^[0-9]+$/.test(s)) return undefined;
  const n = BigInt(s);
  return n < 2n ** 64n ? Number(n) : undefined;
}
