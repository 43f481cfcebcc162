// A catalog log line, `<stdout|stderr> <text>`, with its time placeholders filled in each
// program's own format.
import type { Stream } from './cri-log.js';

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
const DAYS = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'];
const p2 = (n: number) => String(n).padStart(2, '0');

function parts(ms: number) {
  const d = new Date(ms);
  return { y: d.getUTCFullYear(), mo: d.getUTCMonth(), d: d.getUTCDate(), h: p2(d.getUTCHours()), mi: p2(d.getUTCMinutes()), s: p2(d.getUTCSeconds()), ms: String(d.getUTCMilliseconds()).padStart(3, '0'), wd: d.getUTCDay() };
}

export function timeFormats(ms: number): Record<string, string> {
  const t = parts(ms);
  const hms = `${t.h}:${t.mi}:${t.s}`;
  return {
    nginxTime: `${t.y}/${p2(t.mo + 1)}/${p2(t.d)} ${hms}`,
    redisTime: `${p2(t.d)} ${MONTHS[t.mo]} ${t.y} ${hms}.${t.ms}`,
    mysqlTime: `${t.y}-${p2(t.mo + 1)}-${p2(t.d)} ${hms}+00:00`,
    pgTime: `${t.y}-${p2(t.mo + 1)}-${p2(t.d)} ${hms}.${t.ms} UTC`,
    httpdTime: `${DAYS[t.wd]} ${MONTHS[t.mo]} ${p2(t.d)} ${hms}.${t.ms}000 ${t.y}`,
    klogTime: `${p2(t.mo + 1)}${p2(t.d)} ${hms}.${t.ms}000`,
  };
}

export function renderLine(line: string, ctx: { now: number; podIP: string }): { stream: Stream; text: string } {
  const sp = line.indexOf(' ');
  const stream: Stream = line.slice(0, sp < 0 ? line.length : sp) === 'stderr' ? 'stderr' : 'stdout';
  const vars: Record<string, string> = { ...timeFormats(ctx.now), podIP: ctx.podIP };
  const text = (sp < 0 ? '' : line.slice(sp + 1)).replace(/\{(\w+)\}/g, (m, k: string) => vars[k] ?? m);
  return { stream, text };
}
