// encoding/json's Indent: the JSON text re-indented token by token (strings copied as they are,
// `{}` and `[]` kept compact), leading whitespace dropped, trailing whitespace kept.

function skipString(src: string, i: number): number {
  let j = i + 1;
  while (j < src.length && src[j] !== '"') j += src[j] === '\\' ? 2 : 1;
  return j + 1;
}

function nextNonSpace(src: string, i: number): string | undefined {
  let j = i;
  while (j < src.length && /\s/.test(src[j]!)) j++;
  return src[j];
}

export function goJsonIndent(src: string, indent: string): string {
  const body = src.replace(/^\s+/, '');
  const end = body.replace(/\s+$/, '').length;
  let out = '';
  let depth = 0;
  const newline = (): string => `\n${indent.repeat(depth)}`;
  for (let i = 0; i < end; i++) {
    const c = body[i]!;
    if (c === '"') {
      const j = skipString(body, i);
      out += body.slice(i, j);
      i = j - 1;
    } else if (c === '{' || c === '[') {
      const close = c === '{' ? '}' : ']';
      if (nextNonSpace(body, i + 1) === close) {
        out += c + close;
        i = body.indexOf(close, i + 1);
      } else {
        depth++;
        out += c + newline();
      }
    } else if (c === '}' || c === ']') {
      depth--;
      out += newline() + c;
    } else if (c === ',') {
      out += c + newline();
    } else if (c === ':') {
      out += ': ';
    } else if (!/\s/.test(c)) {
      out += c;
    }
  }
  return out + body.slice(end);
}
