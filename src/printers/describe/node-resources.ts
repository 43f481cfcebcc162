// describeNodeResource: the node's non-terminated pods with their requests and limits as shares
// of allocatable, then the totals (`Allocated resources`), hugepages and extended resources.
import type { Obj } from '../../client/types.js';
import { rec } from '../columns/fields.js';
import { podLimits, podRequests, quantityOf } from './pod-resources.js';
import { Quantity, percent, resourceList, type ResourceList } from './quantity.js';
import { since } from './time.js';
import { LEVEL_0, LEVEL_1, type Writer } from './writer.js';

const STANDARD = new Set(['cpu', 'memory', 'ephemeral-storage']);
const isHugePages = (name: string): boolean => name.startsWith('hugepages-');

function share(q: Quantity, whole: bigint, milli: boolean): string {
  return `${q.toString()} (${percent(milli ? q.milliValue() : q.value(), whole)}%)`;
}

function sum(lists: ResourceList[]): ResourceList {
  const out: ResourceList = new Map();
  for (const list of lists) for (const [name, q] of list) out.set(name, out.has(name) ? out.get(name)!.add(q) : q);
  return out;
}

function podRows(pods: Obj[], alloc: ResourceList, w: Writer, now: number): void {
  const cpu = quantityOf(alloc, 'cpu').milliValue();
  const mem = quantityOf(alloc, 'memory').value();
  for (const pod of pods) {
    const req = podRequests(pod);
    const lim = podLimits(pod);
    const cells = [
      share(quantityOf(req, 'cpu'), cpu, true), share(quantityOf(lim, 'cpu'), cpu, true),
      share(quantityOf(req, 'memory'), mem, false), share(quantityOf(lim, 'memory'), mem, false),
    ];
    w.write(LEVEL_1, `${pod.metadata.namespace ?? ''}\t${pod.metadata.name ?? ''}\t\t${cells.join('\t')}\t${since(pod.metadata.creationTimestamp, now)}\n`);
  }
}

function totalLine(name: string, req: Quantity, lim: Quantity, whole: bigint, milli: boolean): string {
  const pct = (q: Quantity): string => (whole !== 0n ? percent(milli ? q.milliValue() : q.value(), whole) : '0');
  return `${name}\t${req.toString()} (${pct(req)}%)\t${lim.toString()} (${pct(lim)}%)\n`;
}

export function describeNodeResource(pods: Obj[], node: Obj, w: Writer, now: number): void {
  w.write(LEVEL_0, `Non-terminated Pods:\t(${pods.length} in total)\n`);
  w.write(LEVEL_1, 'Namespace\tName\t\tCPU Requests\tCPU Limits\tMemory Requests\tMemory Limits\tAge\n');
  w.write(LEVEL_1, '---------\t----\t\t------------\t----------\t---------------\t-------------\t---\n');
  const status = rec(node.status);
  const capacity = resourceList(status.capacity);
  const allocatable = resourceList(status.allocatable);
  const alloc = allocatable.size > 0 ? allocatable : capacity;
  podRows(pods, alloc, w, now);
  w.write(LEVEL_0, 'Allocated resources:\n  (Total limits may be over 100 percent, i.e., overcommitted.)\n');
  w.write(LEVEL_1, 'Resource\tRequests\tLimits\n');
  w.write(LEVEL_1, '--------\t--------\t------\n');
  const reqs = sum(pods.map(podRequests));
  const limits = sum(pods.map(podLimits));
  const total = (name: string, whole: bigint, milli: boolean): string => totalLine(name, quantityOf(reqs, name), quantityOf(limits, name), whole, milli);
  w.write(LEVEL_1, total('cpu', quantityOf(alloc, 'cpu').milliValue(), true));
  w.write(LEVEL_1, total('memory', quantityOf(alloc, 'memory').value(), false));
  w.write(LEVEL_1, total('ephemeral-storage', quantityOf(alloc, 'ephemeral-storage').value(), false));
  const names = [...alloc.keys()];
  for (const name of names.filter(isHugePages).sort()) w.write(LEVEL_1, total(name, quantityOf(alloc, name).value(), false));
  for (const name of names.filter((n) => !isHugePages(n) && !STANDARD.has(n) && n !== 'pods').sort()) {
    w.write(LEVEL_1, `${name}\t${quantityOf(reqs, name).toString()}\t${quantityOf(limits, name).toString()}\n`);
  }
}
