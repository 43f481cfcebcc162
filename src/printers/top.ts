// `kubectl top`'s tables (k8s.io/kubectl metricsutil.TopCmdPrinter): every value is a tab-ended
// cell through a tabwriter (so lines end in padding), CPU as MilliValue (rounded up) `m`, memory
// as Value()/2^20 `Mi`, node percentages int64(used milli / allocatable milli * 100), nodes
// without metrics last with <unknown>, rows ordered by Go's sort.Sort with kubectl's sorters.
import { parseQuantity } from '../api/validation/quantity.js';
import { goSort } from './go-sort.js';
import { tabwrite } from './tabwriter.js';
import { TAB_OPTIONS } from './table.js';

export interface Usage { cpu?: string; memory?: string }
export interface NodeMetrics { metadata: { name?: string }; usage?: Usage }
export interface ContainerMetrics { name: string; usage?: Usage }
export interface PodMetrics { metadata: { name?: string; namespace?: string }; containers?: ContainerMetrics[] }

type Resource = 'cpu' | 'memory';
const MEASURED: Resource[] = ['cpu', 'memory'];
/** A resource list as exact nano-unit counts; a missing resource is absent. */
type Amounts = Partial<Record<Resource, bigint>>;

const divUp = (a: bigint, b: bigint): bigint => (a % b === 0n ? a / b : a / b + (a < 0n ? -1n : 1n));
const milliValue = (nano: bigint): bigint => divUp(nano, 1_000_000n);
const value = (nano: bigint): bigint => divUp(nano, 1_000_000_000n);

/** The usage as amounts (unparseable or missing quantities count as absent). */
export function amounts(u: Usage | undefined): Amounts {
  const out: Amounts = {};
  for (const r of MEASURED) {
    const q = u?.[r] === undefined ? undefined : parseQuantity(u[r]!);
    if (q) out[r] = q.nano;
  }
  return out;
}

function add(a: Amounts, b: Amounts): Amounts {
  return { cpu: (a.cpu ?? 0n) + (b.cpu ?? 0n), memory: (a.memory ?? 0n) + (b.memory ?? 0n) };
}

/** getPodMetrics: the containers' usage summed (both resources present, from 0). */
export function podTotal(m: PodMetrics): Amounts {
  return (m.containers ?? []).reduce<Amounts>((t, c) => add(t, amounts(c.usage)), { cpu: 0n, memory: 0n });
}

export function usageCell(r: Resource, nano: bigint | undefined): string {
  return r === 'cpu' ? `${milliValue(nano ?? 0n)}m` : `${value(nano ?? 0n) / (1024n * 1024n)}Mi`;
}

/** printMetricsLine: name, then each resource (and its percentage of the available amount, when known). */
function metricsLine(name: string, used: Amounts, available: Amounts | undefined): string[] {
  const cells = [name];
  for (const r of MEASURED) {
    cells.push(usageCell(r, used[r]));
    const total = available?.[r];
    if (total !== undefined) cells.push(`${Math.trunc((Number(milliValue(used[r] ?? 0n)) / Number(milliValue(total))) * 100)}%`);
  }
  return cells;
}

/** Lines of tab-ended cells through kubectl's tabwriter. */
function render(lines: string[][]): string {
  return tabwrite(lines.map((cells) => cells.map((c) => `${c}\t`).join('')).join('\n') + '\n', TAB_OPTIONS);
}

/** The descending order kubectl's sorters give by cpu (MilliValue) or memory (Value); by key otherwise. */
function sortBy<T>(items: T[], by: string, used: (t: T) => Amounts, key: (a: T, b: T) => boolean): void {
  const measure = (t: T): bigint => (by === 'cpu' ? milliValue(used(t).cpu ?? 0n) : value(used(t).memory ?? 0n));
  const less = by === 'cpu' || by === 'memory' ? (a: T, b: T) => measure(a) > measure(b) : key;
  goSort({ len: items.length, less: (i, j) => less(items[i]!, items[j]!), swap: (i, j) => ([items[i], items[j]] = [items[j]!, items[i]!]) });
}

export function nodeMetricsText(metrics: NodeMetrics[], available: Map<string, Usage | undefined>, o: { noHeaders: boolean; sortBy: string }): string {
  if (!metrics.length) return '';
  const items = [...metrics];
  sortBy(items, o.sortBy, (m) => amounts(m.usage), (a, b) => (a.metadata.name ?? '') < (b.metadata.name ?? ''));
  const lines: string[][] = o.noHeaders ? [] : [['NAME', 'CPU(cores)', 'CPU(%)', 'MEMORY(bytes)', 'MEMORY(%)']];
  const left = new Map(available);
  for (const m of items) {
    const name = m.metadata.name ?? '';
    const avail = left.get(name);
    lines.push(metricsLine(name, amounts(m.usage), avail === undefined ? undefined : amounts(avail)));
    left.delete(name);
  }
  for (const name of left.keys()) lines.push([name, '<unknown>', '<unknown>', '<unknown>', '<unknown>']);
  return render(lines);
}

export interface PodTableOptions {
  containers: boolean;
  allNamespaces: boolean;
  noHeaders: boolean;
  sortBy: string;
  sum: boolean;
}

/** printPodResourcesSum: the rule and the total under the usage columns. */
function sumLines(metrics: PodMetrics[], width: number): string[][] {
  const total = metrics.reduce<Amounts>((t, m) => add(t, podTotal(m)), { cpu: 0n, memory: 0n });
  const blank = (n: number) => Array.from({ length: Math.max(0, n) }, () => '');
  return [[...blank(width - 2), '________', '________'], [...blank(width - 3), ...metricsLine('', total, undefined)]];
}

export function podMetricsText(metrics: PodMetrics[], o: PodTableOptions): string {
  if (!metrics.length) return '';
  let width = 3;
  const lines: string[][] = [];
  if (!o.noHeaders) {
    const header = [...(o.allNamespaces ? ['NAMESPACE'] : []), ...(o.containers ? ['POD'] : []), 'NAME', 'CPU(cores)', 'MEMORY(bytes)'];
    width = header.length;
    lines.push(header);
  }
  const items = [...metrics];
  const byName = (a: PodMetrics, b: PodMetrics): boolean => {
    const [na, nb] = [a.metadata.namespace ?? '', b.metadata.namespace ?? ''];
    return o.allNamespaces && na !== nb ? na < nb : (a.metadata.name ?? '') < (b.metadata.name ?? '');
  };
  sortBy(items, o.sortBy, podTotal, byName);
  for (const m of items) {
    const ns = o.allNamespaces ? [m.metadata.namespace ?? ''] : [];
    if (!o.containers) {
      lines.push([...ns, ...metricsLine(m.metadata.name ?? '', podTotal(m), undefined)]);
      continue;
    }
    const cs = [...(m.containers ?? [])];
    sortBy(cs, o.sortBy, (c) => amounts(c.usage), (a, b) => a.name < b.name);
    for (const c of cs) lines.push([...ns, m.metadata.name ?? '', ...metricsLine(c.name, amounts(c.usage), undefined)]);
  }
  if (o.sum) lines.push(...sumLines(items, width));
  return render(lines);
}
