// The Prometheus text exposition format (0.0.4) as Go's client library writes it: families sorted
// by name, `# HELP` and `# TYPE` before the samples, labels sorted, values in strconv's shortest
// %g form (1.44658432e+08, 20000, +Inf).
import { goFloat } from '../../printers/gofloat.js';

export type MetricType = 'gauge' | 'counter';

export interface Sample {
  labels?: Record<string, string>;
  value: number;
}

export interface Family {
  name: string;
  help: string;
  type: MetricType;
  samples: Sample[];
}

export const CONTENT_TYPE = 'text/plain; version=0.0.4; charset=utf-8';


function escapeHelp(text: string): string {
  return text.replace(/\\/g, '\\\\').replace(/\n/g, '\\n');
}

function escapeLabel(text: string): string {
  return escapeHelp(text).replace(/"/g, '\\"');
}

function sampleLine(name: string, s: Sample): string {
  const labels = Object.entries(s.labels ?? {}).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  const set = labels.length === 0 ? '' : `{${labels.map(([k, v]) => `${k}="${escapeLabel(v)}"`).join(',')}}`;
  return `${name}${set} ${goFloat(s.value)}\n`;
}

export function render(families: Family[]): string {
  const sorted = [...families].sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  let out = '';
  for (const f of sorted) {
    out += `# HELP ${f.name} ${escapeHelp(f.help)}\n# TYPE ${f.name} ${f.type}\n`;
    for (const s of f.samples) out += sampleLine(f.name, s);
  }
  return out;
}

/** A family of one unlabelled sample. */
export function single(name: string, type: MetricType, help: string, value: number): Family {
  return { name, help, type, samples: [{ value }] };
}

export { goFloat };
