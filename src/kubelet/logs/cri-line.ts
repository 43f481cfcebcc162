// One line of a CRI log file (`<time> <stdout|stderr> <F|P>[:tags] <text>`), parsed as the
// kubelet's parseCRILog does: a partial (P) entry loses its newline so the next entry continues
// it; a full (F) entry keeps it. Times parse as RFC3339NanoLenient and print as RFC3339NanoFixed.

export interface CriEntry {
  /** Nanoseconds since the epoch. */
  ns: bigint;
  /** The time as RFC3339NanoFixed prints it: nine fraction digits, Z for UTC. */
  time: string;
  stream: 'stdout' | 'stderr';
  /** The entry's text, with its newline unless it is partial. */
  log: Buffer;
}

const TIME = /^(\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d)(?:\.(\d{1,9}))?(Z|[+-]\d\d:\d\d)$/;

/** An RFC 3339 time (any fraction up to ns) as ns since the epoch; undefined if it is not one. */
export function parseTimeNs(s: string): bigint | undefined {
  const m = TIME.exec(s);
  if (!m) return undefined;
  const ms = Date.parse(`${m[1]}${m[3]}`);
  if (Number.isNaN(ms)) return undefined;
  return BigInt(ms) * 1_000_000n + BigInt((m[2] ?? '').padEnd(9, '0'));
}

/** Go's Format(RFC3339NanoFixed) of a time parsed from s: the zone kept as written, +00:00 as Z. */
export function fixedTime(s: string): string | undefined {
  const m = TIME.exec(s);
  if (!m) return undefined;
  const zone = m[3] === '+00:00' || m[3] === '-00:00' ? 'Z' : m[3];
  return `${m[1]}.${(m[2] ?? '').padEnd(9, '0')}${zone}`;
}

const SP = 0x20;

/** Parses one line (with or without its trailing newline); undefined when it is not CRI format. */
export function parseCriLine(line: Buffer): CriEntry | undefined {
  const a = line.indexOf(SP);
  if (a < 0) return undefined;
  const rawTime = line.subarray(0, a).toString('latin1');
  const ns = parseTimeNs(rawTime);
  const time = fixedTime(rawTime);
  if (ns === undefined || time === undefined) return undefined;
  const b = line.indexOf(SP, a + 1);
  if (b < 0) return undefined;
  const stream = line.subarray(a + 1, b).toString('latin1');
  if (stream !== 'stdout' && stream !== 'stderr') return undefined;
  const c = line.indexOf(SP, b + 1);
  if (c < 0) return undefined;
  const tag = line.subarray(b + 1, c).toString('latin1').split(':')[0];
  let end = line.length;
  if (tag === 'P' && end > c + 1 && line[end - 1] === 0x0a) end -= 1;
  return { ns, time, stream, log: line.subarray(c + 1, end) };
}
