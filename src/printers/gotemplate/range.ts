// {{range}}: over slices (index, element) and maps (keys in sorted order; not over integers: that
// came with Go 1.24, after kubectl v1.32's Go 1.23), with
// {{else}} when nothing was visited and {{break}}/{{continue}}.
import { BreakSignal, ContinueSignal } from './markers.js';
import { sprint } from './fmt.js';
import type { BranchNode, Node, PipeNode } from './nodes.js';
import { concrete, Iface, int, INVALID, isGoMap, norm, sortedKeys } from './values.js';

/** What a range needs of the executor. */
export interface State {
  vars: { name: string; value: unknown }[];
  at(n: Node): void;
  errorf(msg: string): never;
  setVar(name: string, value: unknown): void;
  walk(dot: unknown, n: Node): void;
  withVars<T>(f: () => T): T;
  evalPipeline(dot: unknown, pipe: PipeNode): unknown;
}

function entries(s: State, val: unknown, n: BranchNode): [unknown, unknown][] {
  if (val === INVALID) return [];
  if (Array.isArray(val)) return val.map((el, i) => [int(i), new Iface(norm(el))]);
  if (isGoMap(val)) return sortedKeys(val).map((k) => [k, new Iface(norm(val[k]))]);
  void n;
  s.errorf(`range can't iterate over ${sprint([val])}`);
}

function oneIteration(s: State, n: BranchNode, index: unknown, elem: unknown): boolean {
  const decl = n.pipe.decl;
  if (decl.length > 0) {
    if (n.pipe.isAssign) s.setVar(decl[0]!.name, decl.length > 1 ? index : elem);
    else s.vars[s.vars.length - 1]!.value = elem;
  }
  if (decl.length > 1) {
    if (n.pipe.isAssign) s.setVar(decl[1]!.name, elem);
    else s.vars[s.vars.length - 2]!.value = index;
  }
  const mark = s.vars.length;
  try {
    s.walk(elem, n.list);
  } catch (err) {
    if (err instanceof BreakSignal) return false;
    if (!(err instanceof ContinueSignal)) throw err;
  } finally {
    s.vars.length = mark;
  }
  return true;
}

export function walkRange(s: State, dot: unknown, n: BranchNode): void {
  s.at(n);
  s.withVars(() => {
    const val = concrete(s.evalPipeline(dot, n.pipe));
    const items = entries(s, val, n);
    for (const [index, elem] of items) if (!oneIteration(s, n, index, elem)) break;
    if (items.length === 0 && n.elseList !== null) s.walk(dot, n.elseList);
  });
}
