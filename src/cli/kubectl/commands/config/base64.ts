// Go's base64.StdEncoding.DecodeString: padding required, '\r' and '\n' skipped, and the same
// `illegal base64 data at input byte N` offsets (encoding/json decodes []byte fields with it).
const ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';
const DECODE = new Map([...ALPHABET].map((c, i) => [c.charCodeAt(0), i]));
const PAD = 0x3d;
const isNewline = (b: number | undefined): boolean => b === 0x0a || b === 0x0d;

export class Base64Error extends Error {
  constructor(readonly offset: number) {
    super(`illegal base64 data at input byte ${offset}`);
  }
}

interface Quantum {
  si: number;
  digits: number[];
  error?: Base64Error;
}

/** After `=` at position j of a quantum: the rest of the padding, then only newlines. */
function afterPad(src: Uint8Array, si: number, j: number): Quantum {
  if (j < 2) throw new Base64Error(si - 1);
  if (j === 2) {
    while (isNewline(src[si])) si++;
    if (si === src.length) throw new Base64Error(src.length);
    if (src[si] !== PAD) throw new Base64Error(si - 1);
    si++;
  }
  while (isNewline(src[si])) si++;
  return { si, digits: [], ...(si < src.length ? { error: new Base64Error(si) } : {}) };
}

function quantum(src: Uint8Array, start: number): Quantum {
  let si = start;
  const digits: number[] = [];
  while (digits.length < 4) {
    if (si === src.length) {
      if (digits.length === 0) return { si, digits };
      throw new Base64Error(si - digits.length);
    }
    const c = src[si++]!;
    const d = DECODE.get(c);
    if (d !== undefined) digits.push(d);
    else if (isNewline(c)) continue;
    else if (c !== PAD) throw new Base64Error(si - 1);
    else return { ...afterPad(src, si, digits.length), digits };
  }
  return { si, digits };
}

function emit(digits: number[], out: number[]): void {
  const val = ((digits[0] ?? 0) << 18) | ((digits[1] ?? 0) << 12) | ((digits[2] ?? 0) << 6) | (digits[3] ?? 0);
  const bytes = [(val >> 16) & 0xff, (val >> 8) & 0xff, val & 0xff];
  out.push(...bytes.slice(0, digits.length - 1));
}

/** Whole quanta with the padding in place and nothing else: what Go and node decode alike. */
const CANONICAL = /^(?:[A-Za-z0-9+/]{4})*(?:[A-Za-z0-9+/]{2}==|[A-Za-z0-9+/]{3}=)?$/;

/** Decodes like Go; throws Base64Error with Go's offset. */
export function decodeBase64(text: string): Uint8Array {
  if (CANONICAL.test(text)) return new Uint8Array(Buffer.from(text, 'base64'));
  const src = new TextEncoder().encode(text);
  const out: number[] = [];
  let si = 0;
  while (si < src.length) {
    const q = quantum(src, si);
    emit(q.digits, out);
    if (q.error) throw q.error;
    si = q.si;
  }
  return Uint8Array.from(out);
}

export function encodeBase64(bytes: Uint8Array): string {
  return Buffer.from(bytes).toString('base64');
}
