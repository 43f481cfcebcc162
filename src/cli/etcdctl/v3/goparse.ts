// Go's strconv parsing, for the exact error texts etcdctl wraps.
export class ParseError extends Error {}

/** strconv.ParseInt(text, base, 64) as a decimal string. */
export function parseInt64(text: string, base: 10 | 16): string {
  const digits = base === 16 ? /^[+-]?[0-9a-fA-F]+$/ : /^[+-]?[0-9]+$/;
  if (!digits.test(text)) throw new ParseError(`strconv.ParseInt: parsing ${JSON.stringify(text)}: invalid syntax`);
  const neg = text.startsWith('-');
  const body = text.replace(/^[+-]/, '');
  const n = BigInt(base === 16 ? `0x${body}` : body) * (neg ? -1n : 1n);
  if (n > 9223372036854775807n || n < -9223372036854775808n) {
    throw new ParseError(`strconv.ParseInt: parsing ${JSON.stringify(text)}: value out of range`);
  }
  return n.toString();
}

/** strconv.ParseUint(text, base, 64) as a decimal string. */
export function parseUint64(text: string, base: 10 | 16): string {
  const digits = base === 16 ? /^[0-9a-fA-F]+$/ : /^[0-9]+$/;
  if (!digits.test(text)) throw new ParseError(`strconv.ParseUint: parsing ${JSON.stringify(text)}: invalid syntax`);
  const n = BigInt(base === 16 ? `0x${text}` : text);
  if (n > 18446744073709551615n) throw new ParseError(`strconv.ParseUint: parsing ${JSON.stringify(text)}: value out of range`);
  return n.toString();
}
