// CronJob schedules as robfig/cron's ParseStandard reads them: five fields, the @yearly…@hourly
// descriptors and @every <duration>, an optional `CRON_TZ=<zone>` / `TZ=<zone>` prefix. The
// field arithmetic (ranges, steps, names, day-of-month OR day-of-week) is cron-parser's.
import { CronExpressionParser } from 'cron-parser';
import { durationMs } from '../framework/controller.js';

export interface Schedule {
  /** The first activation strictly after t (ms since the epoch). */
  next(t: number): number;
}

const DESCRIPTORS: Record<string, string> = {
  '@yearly': '0 0 1 1 *', '@annually': '0 0 1 1 *', '@monthly': '0 0 1 * *', '@weekly': '0 0 * * 0',
  '@daily': '0 0 * * *', '@midnight': '0 0 * * *', '@hourly': '0 * * * *',
};

/** Whether zone names a time zone (time.LoadLocation; "" and "UTC" mean UTC, "Local" the host's). */
export function validTimeZone(zone: string): boolean {
  if (zone === '' || zone === 'UTC' || zone === 'Local') return true;
  try {
    new Intl.DateTimeFormat('en-US', { timeZone: zone });
    return true;
  } catch {
    return false;
  }
}

const tzOption = (zone: string): string | undefined => (zone === '' ? 'UTC' : zone === 'Local' ? undefined : zone);

function splitZone(spec: string): { zone: string; rest: string } {
  if (!spec.startsWith('TZ=') && !spec.startsWith('CRON_TZ=')) return { zone: '', rest: spec };
  const sp = spec.indexOf(' ');
  const zone = spec.slice(spec.indexOf('=') + 1, sp < 0 ? undefined : sp);
  if (!validTimeZone(zone)) throw new Error(`provided bad location ${zone}: unknown time zone ${zone}`);
  return { zone, rest: sp < 0 ? '' : spec.slice(sp).trim() };
}

function every(arg: string): Schedule {
  const ms = durationMs(arg, NaN);
  if (Number.isNaN(ms)) throw new Error(`failed to parse duration @every ${arg}: time: invalid duration "${arg}"`);
  const delay = Math.max(1000, Math.floor(ms / 1000) * 1000);
  return { next: (t) => t - (t % 1000) + delay };
}

/** cron.ParseStandard; throws with robfig's wording for a spec it rejects. */
export function parseSchedule(spec: string): Schedule {
  if (spec === '') throw new Error('empty spec string');
  const { zone, rest } = splitZone(spec);
  if (rest.startsWith('@every ')) return every(rest.slice('@every '.length).trim());
  const expr = rest.startsWith('@') ? DESCRIPTORS[rest] : rest;
  if (expr === undefined) throw new Error(`unrecognized descriptor: ${rest}`);
  const fields = expr.trim().split(/\s+/);
  if (fields.length !== 5) throw new Error(`expected exactly 5 fields, found ${fields.length}: [${fields.join(' ')}]`);
  const tz = tzOption(zone);
  CronExpressionParser.parse(fields.join(' '), { currentDate: new Date(0), ...(tz ? { tz } : {}) });
  return {
    next: (t) => CronExpressionParser.parse(fields.join(' '), { currentDate: new Date(t), ...(tz ? { tz } : {}) }).next().getTime(),
  };
}

/** formatSchedule: spec.timeZone becomes a TZ= prefix unless the schedule carries its own. */
export function effectiveSchedule(schedule: string, timeZone: string | undefined): string {
  if (schedule.includes('TZ')) return schedule;
  if (timeZone !== undefined && validTimeZone(timeZone)) return `TZ=${timeZone} ${schedule}`;
  return schedule;
}

/** t as RFC 3339 in zone (Go's time.Format(time.RFC3339): `Z` for a zero offset). */
export function rfc3339In(t: number, zone: string | undefined): string {
  const tz = tzOption(zone ?? '');
  const parts = Object.fromEntries(new Intl.DateTimeFormat('en-US', {
    ...(tz ? { timeZone: tz } : {}), hourCycle: 'h23', year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', second: '2-digit',
  }).formatToParts(new Date(t)).map((p) => [p.type, p.value]));
  const wall = Date.UTC(+parts.year!, +parts.month! - 1, +parts.day!, +parts.hour!, +parts.minute!, +parts.second!);
  const offMin = Math.round((wall - (t - (t % 1000))) / 60_000);
  const abs = Math.abs(offMin);
  const off = offMin === 0 ? 'Z' : `${offMin < 0 ? '-' : '+'}${String(Math.floor(abs / 60)).padStart(2, '0')}:${String(abs % 60).padStart(2, '0')}`;
  return `${parts.year}-${parts.month}-${parts.day}T${parts.hour}:${parts.minute}:${parts.second}${off}`;
}

const DAYS = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'];
const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/** t in UTC as Go's time.RFC1123Z: `Mon, 02 Jan 2006 15:04:05 +0000`. */
export function rfc1123z(t: number): string {
  const d = new Date(t);
  const p2 = (n: number) => String(n).padStart(2, '0');
  return `${DAYS[d.getUTCDay()]}, ${p2(d.getUTCDate())} ${MONTHS[d.getUTCMonth()]} ${d.getUTCFullYear()} ${p2(d.getUTCHours())}:${p2(d.getUTCMinutes())}:${p2(d.getUTCSeconds())} +0000`;
}
