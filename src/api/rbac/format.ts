// Go's text formatting as RBAC messages use it: %q quoting (strconv.Quote) and the message of
// apimachinery's utilerrors.Aggregate.

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

function escapeRune(ch: string): string {
  const short = SHORT_ESCAPES[ch];
  if (short !== undefined) return short;
  if (ch === ' ' || !/[\p{C}\p{Z}]/u.test(ch)) return ch;
  const code = ch.codePointAt(0) ?? 0;
  if (code < 0x80) return `\\x${hex(code, 2)}`;
  return code > 0xffff ? `\\U${hex(code, 8)}` : `\\u${hex(code, 4)}`;
}

/** Go's %q of a string. */
export function goQuote(s: string): string {
  let out = '"';
  for (const ch of s) out += escapeRune(ch);
  return `${out}"`;
}

/**
 * utilerrors.NewAggregate(errs).Error(): nested aggregates are flattened, one message is
 * itself, several are de-duplicated and wrapped as "[a, b]". Undefined when there are none.
 */
export function aggregateMessage(messages: readonly string[]): string | undefined {
  if (messages.length === 0) return undefined;
  const seen = [...new Set(messages)];
  if (seen.length === 1) return seen[0];
  return `[${seen.join(', ')}]`;
}
