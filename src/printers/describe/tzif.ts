// The time zone abbreviation Go prints (`CET`, `JST`, `+04`), read as Go reads it: the zone's
// TZif file under /usr/share/zoneinfo — the type of the last transition at or before the time,
// or, past the last transition, the standard or daylight name of the file's POSIX TZ footer.
import { readFileSync } from 'node:fs';

interface Zone {
  transitions: number[];
  types: number[];
  infos: { offset: number; abbr: string }[];
  footer: { std: string; dst?: string; stdOffset: number } | undefined;
}

const cache = new Map<string, Zone | null>();

function footerOf(text: string): Zone['footer'] {
  const m = /^(<[^>]+>|[A-Za-z]+)([-+]?\d+(?::\d+){0,2})(<[^>]+>|[A-Za-z]+)?/.exec(text);
  if (!m) return undefined;
  const strip = (s: string): string => s.replace(/^<|>$/g, '');
  const [h = '0', mi = '0'] = (m[2] ?? '0').replace(/^[-+]/, '').split(':');
  const sign = (m[2] ?? '').startsWith('-') ? 1 : -1; // POSIX offsets are west-positive
  return { std: strip(m[1] ?? ''), ...(m[3] ? { dst: strip(m[3]) } : {}), stdOffset: sign * (Number(h) * 3600 + Number(mi) * 60) };
}

function parse(buf: Buffer): Zone | null {
  if (buf.toString('latin1', 0, 4) !== 'TZif') return null;
  const counts = (at: number): number[] => [0, 1, 2, 3, 4, 5].map((i) => buf.readUInt32BE(at + 20 + i * 4));
  let [isut = 0, isstd = 0, leap = 0, timecnt = 0, typecnt = 0, charcnt = 0] = counts(0);
  let at = 44;
  let size = 4;
  if (buf[4] !== 0) {
    at += timecnt * 5 + typecnt * 6 + charcnt + leap * 8 + isstd + isut;
    [isut = 0, isstd = 0, leap = 0, timecnt = 0, typecnt = 0, charcnt = 0] = counts(at);
    at += 44;
    size = 8;
  }
  const transitions = Array.from({ length: timecnt }, (_, i) => Number(size === 8 ? buf.readBigInt64BE(at + i * 8) : BigInt(buf.readInt32BE(at + i * 4))));
  at += timecnt * size;
  const types = Array.from({ length: timecnt }, (_, i) => buf[at + i] ?? 0);
  at += timecnt;
  const chars = buf.toString('latin1', at + typecnt * 6, at + typecnt * 6 + charcnt);
  const infos = Array.from({ length: typecnt }, (_, i) => {
    const idx = buf[at + i * 6 + 5] ?? 0;
    return { offset: buf.readInt32BE(at + i * 6), abbr: chars.slice(idx, chars.indexOf('\0', idx)) };
  });
  at += typecnt * 6 + charcnt + leap * (size + 4) + isstd + isut;
  const tail = buf.toString('latin1', at).split('\n')[1] ?? '';
  return { transitions, types, infos, footer: footerOf(tail) };
}

function load(zone: string): Zone | null {
  if (!cache.has(zone)) {
    let z: Zone | null = null;
    try {
      z = parse(readFileSync(zone.startsWith('/') ? zone : `/usr/share/zoneinfo/${zone}`));
    } catch {
      z = null;
    }
    cache.set(zone, z);
  }
  return cache.get(zone) ?? null;
}

/** The abbreviation of the zone at ms (with the offset in force then), undefined when unknown. */
export function zoneAbbreviation(zone: string, ms: number, offsetSeconds: number): string | undefined {
  const z = load(zone);
  if (!z) return undefined;
  const t = Math.floor(ms / 1000);
  const last = z.transitions.length - 1;
  if (z.footer && (last < 0 || t >= (z.transitions[last] ?? 0))) {
    return offsetSeconds === z.footer.stdOffset || !z.footer.dst ? z.footer.std : z.footer.dst;
  }
  let i = last;
  while (i >= 0 && (z.transitions[i] ?? 0) > t) i--;
  const info = z.infos[i < 0 ? 0 : (z.types[i] ?? 0)];
  return info?.abbr;
}
