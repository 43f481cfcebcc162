// Go's strconv.Quote (fmt's %q of a string), shared by every place that prints Go-quoted text:
// validation and RBAC messages, etcdctl's printers, klog's structured values.

const SHORT_ESCAPES: Record<string, string> = {
  '\x07': '\\a',
  '\b': '\\b',
  '\f': '\\f',
  '\n': '\\n',
  '\r': '\\r',
  '\t': '\\t',
  '\v': '\\v',
  '\\': '\\\\',
  '"': '\\"',
};

function hex(code: number, width: number): string {
  return code.toString(16).padStart(width, '0');
}

/** One rune as strconv.Quote writes it: printable runes as they are, others escaped. */
function escapeRune(ch: string): string {
  const short = SHORT_ESCAPES[ch];
  if (short !== undefined) return short;
  if (ch === ' ' || !/[\p{C}\p{Z}]/u.test(ch)) return ch;
  const code = ch.codePointAt(0) ?? 0;
  if (code < 0x80) return `\\x${hex(code, 2)}`;
  return code > 0xffff ? `\\U${hex(code, 8)}` : `\\u${hex(code, 4)}`;
}

/** strconv.Quote(s) for valid UTF-8 text. */
export function goQuote(s: string): string {
  let out = '"';
  for (const ch of s) out += escapeRune(ch);
  return `${out}"`;
}
