// What a control-plane component writes to its container's log, as klog formats it:
// `I1123 07:25:20.535237       1 leaderelection.go:271] successfully acquired lease kube-system/kube-scheduler`
// (severity, local month/day and time to the microsecond, the PID — 1 in a container — padded to 7,
// the call site). The daemon's own messages stay in the daemon's log; the ones upstream's components
// print too are written with upstream's call site (client-go v0.32 tools/leaderelection).
import type { ComponentLine } from '../../kubelet/static-pods/types.js';

export type Severity = 'I' | 'W' | 'E';

const pad = (n: number, w = 2): string => String(n).padStart(w, '0');

/** Microseconds within the millisecond, from the high-resolution clock (klog prints six digits). */
const subMillis = (): number => Math.floor((performance.timeOrigin + performance.now()) * 1000) % 1000;

export function klogLine(sev: Severity, at: number, site: string, msg: string, micros = subMillis()): string {
  const d = new Date(at);
  const time = `${pad(d.getHours())}:${pad(d.getMinutes())}:${pad(d.getSeconds())}.${pad(d.getMilliseconds() * 1000 + micros, 6)}`;
  return `${sev}${pad(d.getMonth() + 1)}${pad(d.getDate())} ${time} ${String(1).padStart(7)} ${site}] ${msg}`;
}

/** A klog line as the component's container log holds it (klog writes to stderr). */
export function klogEntry(sev: Severity, at: number, site: string, msg: string): ComponentLine {
  return { at, stream: 'stderr', text: klogLine(sev, at, site, msg) };
}

/** Messages our components log that upstream's print too, with upstream's severity and call site. */
const KNOWN: { re: RegExp; sev: Severity; site: string }[] = [
  { re: /^attempting to acquire leader lease \S+\.\.\.$/, sev: 'I', site: 'leaderelection.go:257' },
  { re: /^successfully acquired lease \S+$/, sev: 'I', site: 'leaderelection.go:271' },
  { re: /^failed to renew lease \S+: /, sev: 'I', site: 'leaderelection.go:297' },
];

/** The container log line for one of the component's messages, if upstream's component prints it. */
export function upstreamLine(at: number, msg: string): ComponentLine | undefined {
  const k = KNOWN.find((x) => x.re.test(msg));
  return k ? klogEntry(k.sev, at, k.site, msg) : undefined;
}

/**
 * A start that failed, as the component's process ends: a flag error is printed by cobra's caller
 * as `Error: …` (component-base cli.Run, before logging is set up; the usage text cobra prints
 * before it is not reproduced), any later error is klog's `"command failed" err="…"` (run.go:72).
 */
export function startFailureLines(at: number, error: string): ComponentLine[] {
  if (error.startsWith('Error: ')) return [{ at, stream: 'stderr', text: error }];
  return [klogEntry('E', at, 'run.go:72', `"command failed" err=${JSON.stringify(goError(error))}`)];
}

/** A missing --kubeconfig fails client-go's loader at its os.Stat. */
function goError(error: string): string {
  const missing = /^ENOENT: no such file or directory, (?:open|stat) '(.*)'$/.exec(error);
  return missing ? `stat ${missing[1]}: no such file or directory` : error;
}
