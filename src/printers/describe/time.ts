// Times as kubectl prints them: metav1.Time decodes into Go's local zone (TZ, else the system's),
// shown as RFC1123Z (`Mon, 02 Jan 2006 15:04:05 -0700`) or time.Time.String()
// (`2006-01-02 15:04:05 -0700 MST`); ages as HumanDuration since now.
import { humanDuration } from '../duration.js';
import { parseTime } from '../columns/timestamps.js';
import { zoneAbbreviation } from './tzif.js';

const DAYS = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'];
const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/** The IANA zone Go's time.Local would use for this TZ value. */
export function localZone(tz: string | undefined): string {
  if (tz === undefined) return Intl.DateTimeFormat().resolvedOptions().timeZone;
  const name = tz.startsWith(':') ? tz.slice(1) : tz;
  if (name === '' || name === 'UTC') return 'UTC';
  try {
    new Intl.DateTimeFormat('en-US', { timeZone: name });
    return name;
  } catch {
    return 'UTC';
  }
}

function offsetMinutes(ms: number, zone: string): number {
  if (zone === 'UTC') return 0;
  const parts = new Intl.DateTimeFormat('en-US', {
    timeZone: zone, hourCycle: 'h23', year: 'numeric', month: 'numeric', day: 'numeric', hour: 'numeric', minute: 'numeric', second: 'numeric',
  }).formatToParts(new Date(ms));
  const get = (type: string): number => Number(parts.find((p) => p.type === type)?.value ?? 0);
  const wall = Date.UTC(get('year'), get('month') - 1, get('day'), get('hour'), get('minute'), get('second'));
  return Math.round((wall - Math.floor(ms / 1000) * 1000) / 60000);
}

const pad = (n: number, w = 2): string => String(n).padStart(w, '0');

function zoneOffset(minutes: number): string {
  const sign = minutes < 0 ? '-' : '+';
  const abs = Math.abs(minutes);
  return `${sign}${pad(Math.trunc(abs / 60))}${pad(abs % 60)}`;
}

function wallClock(ms: number, zone: string): { d: Date; offset: number } {
  const offset = offsetMinutes(ms, zone);
  return { d: new Date(ms + offset * 60000), offset };
}

/** Go's zero time formatted in UTC, for missing timestamps. */
const ZERO_RFC1123Z = 'Mon, 01 Jan 0001 00:00:00 +0000';

/** time.RFC1123Z of a metav1.Time field in the local zone. */
export function rfc1123z(value: unknown, zone: string): string {
  const ms = parseTime(value);
  if (ms === null) return ZERO_RFC1123Z;
  const { d, offset } = wallClock(ms, zone);
  const time = `${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())}:${pad(d.getUTCSeconds())}`;
  return `${DAYS[d.getUTCDay()]}, ${pad(d.getUTCDate())} ${MONTHS[d.getUTCMonth()]} ${d.getUTCFullYear()} ${time} ${zoneOffset(offset)}`;
}

/** Locales whose short zone names follow tzdata's abbreviations for their regions. */
const LOCALES = ['en-US', 'en-GB', 'en-IN', 'en-AU', 'en-NZ', 'en-ZA'];

function abbreviation(ms: number, zone: string, offset: number): string {
  if (zone === 'UTC' || zone === 'Etc/UTC') return 'UTC';
  const fromFile = zoneAbbreviation(zone, ms, offset * 60);
  if (fromFile !== undefined) return fromFile;
  for (const locale of LOCALES) {
    const name = new Intl.DateTimeFormat(locale, { timeZone: zone, timeZoneName: 'short' })
      .formatToParts(new Date(ms)).find((p) => p.type === 'timeZoneName')?.value;
    if (name && /^[A-Z]{2,5}$/.test(name)) return name;
  }
  // tzdata names zones without a letter abbreviation by their offset: `+04`, `+0530`
  return zoneOffset(offset).slice(0, offset % 60 === 0 ? 3 : 5);
}

/** metav1.Time's String() (time.Time.String()): `2006-01-02 15:04:05 -0700 MST`. */
export function goTimeString(value: unknown, zone: string): string {
  const ms = parseTime(value);
  if (ms === null) return '0001-01-01 00:00:00 +0000 UTC';
  const { d, offset } = wallClock(ms, zone);
  const date = `${d.getUTCFullYear()}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())}`;
  const frac = ms % 1000 === 0 ? '' : `.${String(ms % 1000).padStart(3, '0').replace(/0+$/, '')}`;
  const time = `${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())}:${pad(d.getUTCSeconds())}${frac}`;
  return `${date} ${time} ${zoneOffset(offset)} ${abbreviation(ms, zone, offset)}`;
}

/** translateTimestampSince: HumanDuration(now - t), `<unknown>` for a zero time. */
export function since(value: unknown, now: number): string {
  const t = parseTime(value);
  return t === null ? '<unknown>' : humanDuration(now - t);
}
