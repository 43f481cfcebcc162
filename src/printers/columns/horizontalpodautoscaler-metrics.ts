// printers.go's formatHPAMetrics over autoscaling/v2-shaped metrics (the internal shape): one
// `current/target` per spec metric, matched to status.currentMetrics by position, at most 2 shown.
import { at, optNum, rec, recs, str, type Fields } from './fields.js';
import { quantityPtr } from './quantity.js';

const MAX = 2;
const UNKNOWN = '<unknown>';

type Render = (source: Fields, current: Fields | null) => string;

/** Object and External: an AverageValue target prints `(avg)`. */
function valueOrAverage(source: Fields, current: Fields | null): string {
  const target = rec(source.target);
  const now = current === null ? null : rec(current.current);
  if (target.averageValue !== undefined && target.averageValue !== null) {
    const value = now !== null && now.averageValue !== undefined && now.averageValue !== null;
    return `${value ? quantityPtr(now.averageValue) : UNKNOWN}/${quantityPtr(target.averageValue)} (avg)`;
  }
  return `${now === null ? UNKNOWN : quantityPtr(now.value)}/${quantityPtr(target.value)}`;
}

function pods(source: Fields, current: Fields | null): string {
  const now = current === null ? UNKNOWN : quantityPtr(at(current, 'current', 'averageValue'));
  return `${now}/${quantityPtr(at(source, 'target', 'averageValue'))}`;
}

/** Resource and ContainerResource: `name: current/target`, utilisation as a percentage. */
function resource(source: Fields, current: Fields | null): string {
  const target = rec(source.target);
  const name = str(source.name);
  if (target.averageValue !== undefined && target.averageValue !== null) {
    const now = current === null ? UNKNOWN : quantityPtr(at(current, 'current', 'averageValue'));
    return `${name}: ${now}/${quantityPtr(target.averageValue)}`;
  }
  const used = current === null ? undefined : optNum(at(current, 'current', 'averageUtilization'));
  const wanted = optNum(target.averageUtilization);
  return `${name}: ${used === undefined ? UNKNOWN : `${used}%`}/${wanted === undefined ? '<auto>' : `${wanted}%`}`;
}

const KINDS: Record<string, [string, Render]> = {
  External: ['external', valueOrAverage],
  Pods: ['pods', pods],
  Object: ['object', valueOrAverage],
  Resource: ['resource', resource],
  ContainerResource: ['containerResource', resource],
};

function metricText(spec: Fields, status: Fields | undefined): string {
  const kind = KINDS[str(spec.type)];
  if (kind === undefined) return '<unknown type>';
  const [field, render] = kind;
  const current = status === undefined || status[field] === undefined || status[field] === null ? null : rec(status[field]);
  return render(rec(spec[field]), current);
}

/** The TARGETS cell: `<none>` without metrics, else up to 2 joined by ", " and ` + N more...`. */
export function formatHPAMetrics(specs: unknown, statuses: unknown): string {
  const all = recs(specs);
  if (all.length === 0) return '<none>';
  const current = recs(statuses);
  const list = all.map((spec, i) => metricText(spec, current[i]));
  const text = list.slice(0, MAX).join(', ');
  return list.length > MAX ? `${text} + ${list.length - MAX} more...` : text;
}
