// cobra's default usage text (`Usage:` + pflag's FlagUsages), which etcdctl shows only where it
// runs its commands through a bare cobra root: for a bad request line in `txn`.
import type { FlagSpec } from './spec.js';

const TYPE_NAMES: Record<string, string> = { string: 'string', int: 'int', duration: 'duration', stringSlice: 'strings', bool: '' };

function defaultText(f: FlagSpec): string {
  if (f.type === 'bool' ? f.def === 'false' : f.def === '' || f.def === '0' || f.def === '[]') return '';
  return f.type === 'string' ? ` (default ${JSON.stringify(f.def)})` : ` (default ${f.def})`;
}

export function flagUsages(flags: FlagSpec[]): string {
  const heads = flags.map((f) => {
    const lead = f.short !== undefined ? `  -${f.short}, --${f.name}` : `      --${f.name}`;
    const type = TYPE_NAMES[f.type] ?? '';
    return type === '' ? lead : `${lead} ${type}`;
  });
  const width = Math.max(...heads.map((h) => h.length));
  return flags.map((f, i) => `${heads[i]!}${' '.repeat(width - heads[i]!.length + 1)}  ${f.usage}${defaultText(f)}\n`).join('');
}

export function cobraUsage(use: string, flags: FlagSpec[]): string {
  return `Usage:\n   ${use}\n\nFlags:\n${flagUsages(flags)}\n`;
}
