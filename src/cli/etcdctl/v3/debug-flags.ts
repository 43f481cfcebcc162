// `--debug`: clientConfigFromCmd prints every flag the command inherits from the root, after the
// ETCDCTL_* variables are applied, as `ETCDCTL_<NAME>=<value>` lines on stderr, sorted by name
// (pflag's VisitAll), each value as pflag's Value.String() prints it.
import type { FlagValue } from '../../shared/pflag.js';
import { goDuration } from '../../../client/go-duration.js';
import type { FlagSpec } from './spec.js';

/** pkg/flags.FlagToEnv: the variable that sets a flag (`--dial-timeout` → ETCDCTL_DIAL_TIMEOUT). */
export function envName(flag: string): string {
  return `ETCDCTL_${flag.toUpperCase().replace(/-/g, '_')}`;
}

/** encoding/csv's rule: a field is quoted if it holds a quote, a comma or a line break, or starts with a space. */
function csvField(field: string): string {
  const quote = field === '\\.' || /["\r\n,]/.test(field) || /^\s/u.test(field);
  return quote ? `"${field.replace(/"/g, '""')}"` : field;
}

/** pflag's Value.String() of a parsed value. */
export function flagValueString(type: FlagSpec['type'], value: FlagValue | undefined): string {
  if (type === 'duration') return goDuration(Number(value ?? 0));
  if (type === 'stringSlice') return `[${((value as string[] | undefined) ?? []).map(csvField).join(',')}]`;
  return String(value ?? '');
}

/** The lines, for the flags (with their values) the command inherits. */
export function debugDump(flags: { name: string; type: FlagSpec['type']; value: FlagValue | undefined }[]): string {
  return [...flags].sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0))
    .map((f) => `${envName(f.name)}=${flagValueString(f.type, f.value)}\n`).join('');
}
