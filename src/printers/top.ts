// `kubectl top`'s tables: CPU in millicores and memory in Mi from metrics.k8s.io, node
// percentages of allocatable, nodes without metrics last as <unknown>.
import { parseQuantity, type Quantity } from '../api/validation/quantity.js';
import { alignRows } from './table.js';

export interface Usage { cpu?: string; memory?: string }
export interface NodeMetrics { metadata: { name?: string }; usage?: Usage }
export interface PodMetrics { metadata: { name?: string; namespace?: string }; containers?: { name: string; usage?: Usage }[] }

function nano(q: string | undefined): bigint {
  const parsed: Quantity | undefined = q ? parseQuantity(q) : undefined;
  return parsed ? parsed.nano : 0n;
}

/** MilliValue (rounded up) and Value in Mi, as the top printer writes them. */
export function cpuCell(q: string | undefined): string {
  const n = nano(q);
  return `${(n + 999_999n) / 1_000_000n}m`;
}

export function memoryCell(q: string | undefined): string {
  const bytes = (nano(q) + 999_999_999n) / 1_000_000_000n;
  return `${bytes / (1024n * 1024n)}Mi`;
}

function percent(used: string | undefined, total: string | undefined): string {
  const t = nano(total);
  return t === 0n ? '<unknown>' : `${(nano(used) * 100n) / t}%`;
}

export function nodeTable(metrics: NodeMetrics[], allocatable: Map<string, Usage>, missing: string[], noHeaders: boolean): string {
  const rows = metrics.map((m) => {
    const a = allocatable.get(m.metadata.name ?? '') ?? {};
    return [m.metadata.name ?? '', cpuCell(m.usage?.cpu), percent(m.usage?.cpu, a.cpu), memoryCell(m.usage?.memory), percent(m.usage?.memory, a.memory)];
  });
  for (const name of missing) rows.push([name, '<unknown>', '<unknown>', '<unknown>', '<unknown>']);
  const header = ['NAME', 'CPU(cores)', 'CPU(%)', 'MEMORY(bytes)', 'MEMORY(%)'];
  return alignRows(noHeaders ? rows : [header, ...rows]);
}

function sum(values: (string | undefined)[], cell: (q: string | undefined) => string): string {
  return cell(`${values.reduce((acc, v) => acc + nano(v), 0n)}n`);
}

export function podTable(metrics: PodMetrics[], o: { allNamespaces: boolean; containers: boolean; noHeaders: boolean }): string {
  const rows: string[][] = [];
  for (const m of metrics) {
    const ns = o.allNamespaces ? [m.metadata.namespace ?? ''] : [];
    if (o.containers) {
      for (const c of m.containers ?? []) rows.push([...ns, m.metadata.name ?? '', c.name, cpuCell(c.usage?.cpu), memoryCell(c.usage?.memory)]);
      continue;
    }
    const cs = m.containers ?? [];
    rows.push([...ns, m.metadata.name ?? '', sum(cs.map((c) => c.usage?.cpu), cpuCell), sum(cs.map((c) => c.usage?.memory), memoryCell)]);
  }
  const header = [...(o.allNamespaces ? ['NAMESPACE'] : []), ...(o.containers ? ['POD', 'NAME'] : ['NAME']), 'CPU(cores)', 'MEMORY(bytes)'];
  return alignRows(o.noHeaders ? rows : [header, ...rows]);
}
