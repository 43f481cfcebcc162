// Go formatting helpers the printers share: %q, %016x, %x of 64-bit IDs, humanize.Bytes.
import { goQuote } from '../../../../printers/go-quote.js';

export { goQuote };

/** %x of a decimal 64-bit string (signed values print as Go prints int64: with a minus). */
export function hex(id: string | number | undefined): string {
  const n = BigInt(id ?? 0);
  return n < 0n ? `-${(-n).toString(16)}` : n.toString(16);
}

export function hex16(id: string | number | undefined): string {
  return hex(id).padStart(16, '0');
}

/** %16x: padded with spaces. */
export function hexSpace16(id: string | number | undefined): string {
  return hex(id).padStart(16, ' ');
}

export function num(v: string | number | undefined): string {
  return String(v ?? 0);
}

/** Go's %.0f: halves round to even (20.5 → 20). */
function roundHalfEven(v: number): string {
  const floor = Math.floor(v);
  const diff = v - floor;
  if (Math.abs(diff - 0.5) < 1e-9) return String(floor % 2 === 0 ? floor : floor + 1);
  return String(Math.round(v));
}

/** github.com/dustin/go-humanize Bytes (SI units). */
export function humanBytes(size: number): string {
  if (size < 10) return `${size} B`;
  const units = ['B', 'kB', 'MB', 'GB', 'TB', 'PB', 'EB'];
  const e = Math.floor(Math.log(size) / Math.log(1000));
  const val = Math.floor((size / 1000 ** e) * 10 + 0.5) / 10;
  return `${val < 10 ? val.toFixed(1) : roundHalfEven(val)} ${units[e]}`;
}

/** The text of bytes as Go's string(b) prints it. */
export function text(b: Buffer | undefined): string {
  return b === undefined ? '' : b.toString('utf8');
}

/** --hex: every byte as \xNN. */
export function hexBytes(b: Buffer | undefined): string {
  return [...(b ?? Buffer.alloc(0))].map((x) => `\\x${x.toString(16).padStart(2, '0')}`).join('');
}
