// The workload models of `check perf` and `check datascale` (ctlv3/command/check.go) and their
// --load aliases, plus the Go number formats their verdict lines use.
import { ExitError } from '../../../shared/exit.js';
import type { CommandContext } from '../context.js';
import { EXIT } from '../exit-codes.js';

export interface PerfLoad {
  /** writes per second */
  limit: number;
  clients: number;
  /** seconds */
  duration: number;
}

export interface DatascaleLoad {
  /** key-value pairs written */
  limit: number;
  /** bytes per key-value (key and value half each) */
  kvSize: number;
  clients: number;
}

export const PERF_LOADS: Record<string, PerfLoad> = {
  s: { limit: 150, clients: 50, duration: 60 },
  m: { limit: 1000, clients: 200, duration: 60 },
  l: { limit: 8000, clients: 500, duration: 60 },
  xl: { limit: 15000, clients: 1000, duration: 60 },
};

export const DATASCALE_LOADS: Record<string, DatascaleLoad> = {
  s: { limit: 10_000, kvSize: 1024, clients: 50 },
  m: { limit: 100_000, kvSize: 1024, clients: 200 },
  l: { limit: 1_000_000, kvSize: 1024, clients: 500 },
  xl: { limit: 3_000_000, kvSize: 1024, clients: 1000 },
};

const ALIASES = new Map([
  ['s', 's'], ['small', 's'],
  ['m', 'm'], ['medium', 'm'],
  ['l', 'l'], ['large', 'l'],
  ['xl', 'xl'], ['xLarge', 'xl'],
]);

/** The model --load names; an unknown name is ExitBadFeature, before anything is dialed. */
export function loadModel<T>(ctx: CommandContext, models: Record<string, T>): T {
  const load = ctx.str('load');
  const model = ALIASES.get(load);
  if (model === undefined) throw new ExitError(EXIT.badFeature, `unknown load option ${load}`);
  return models[model]!;
}

/**
 * Go's %.<prec>f (strconv 'f'): correctly rounded, an exact tie rounds to even (JavaScript's
 * toFixed rounds it up); NaN and infinities as Go spells them.
 */
export function goFixed(v: number, prec: number): string {
  if (Number.isNaN(v)) return 'NaN';
  if (!Number.isFinite(v)) return v > 0 ? '+Inf' : '-Inf';
  const exact = v.toFixed(Math.min(100, prec + 60));
  const dot = exact.indexOf('.');
  if (dot < 0) return v.toFixed(prec);
  const rest = exact.slice(dot + 1 + prec);
  if (!/^50*$/.test(rest)) return v.toFixed(prec);
  const kept = exact.slice(0, dot + 1 + prec).replace(/\.$/, '');
  const last = Number(kept.at(-1));
  return last % 2 === 0 ? kept : v.toFixed(prec);
}
