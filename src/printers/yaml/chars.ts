// Character classes of go-yaml v2's emitter (yamlprivateh.go), on Unicode code points.
// The emitter runs with unicode output on, so only these decide what must be escaped.

export const NEL = 0x85;
export const LS = 0x2028;
export const PS = 0x2029;
export const BOM = 0xfeff;

/** Printable in go-yaml's sense: LF, ASCII graphic + space, U+00A0..U+D7FF, U+E000..U+FFFD but
 * not the BOM. Everything outside the BMP counts as not printable, so emoji are escaped. */
export function isPrintable(cp: number): boolean {
  return (
    cp === 0x0a ||
    (cp >= 0x20 && cp <= 0x7e) ||
    (cp >= 0xa0 && cp <= 0xd7ff) ||
    (cp >= 0xe000 && cp <= 0xfffd && cp !== BOM)
  );
}

export function isBreak(cp: number | undefined): boolean {
  return cp === 0x0d || cp === 0x0a || cp === NEL || cp === LS || cp === PS;
}

export function isSpace(cp: number | undefined): boolean {
  return cp === 0x20;
}

export function isBlank(cp: number | undefined): boolean {
  return cp === 0x20 || cp === 0x09;
}

/** Blank, break, or the end of the text (go-yaml reads a NUL there). */
export function isBlankOrEnd(cp: number | undefined): boolean {
  return cp === undefined || cp === 0 || isBlank(cp) || isBreak(cp);
}

/** The code points of a string, lone surrogates replaced by U+FFFD as Go's JSON decoding does. */
export function codePoints(s: string): number[] {
  const out: number[] = [];
  for (const ch of s) {
    const cp = ch.codePointAt(0) ?? 0xfffd;
    out.push(cp >= 0xd800 && cp <= 0xdfff ? 0xfffd : cp);
  }
  return out;
}

export function utf8Length(cps: readonly number[]): number {
  let n = 0;
  for (const cp of cps) n += cp < 0x80 ? 1 : cp < 0x800 ? 2 : cp < 0x10000 ? 3 : 4;
  return n;
}
