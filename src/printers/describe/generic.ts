// genericDescriber: any other kind, from its unstructured content — fields sorted, names made
// readable (`apiVersion` → `API Version`), maps and lists nested by level.
import type { Obj } from '../../client/types.js';
import { apiPath, getObject, type DescribeEnv, type Describer } from './context.js';
import { eventsFor, maybeEvents, refOf } from './events.js';
import { goValue } from './gofmt.js';
import { printAnnotations, printLabels } from './meta.js';
import { LEVEL_0, tabbed, type Writer } from './writer.js';

const ACRONYMS = new Set(['API', 'URL', 'UID', 'OSB', 'GUID']);
const SKIP = ['.metadata.managedFields', '.metadata.name', '.metadata.namespace', '.metadata.labels', '.metadata.annotations'];

function charClass(ch: string): number {
  if (/\p{Ll}/u.test(ch)) return 1;
  if (/\p{Lu}/u.test(ch)) return 2;
  if (/\p{Nd}/u.test(ch)) return 3;
  return 4;
}

/** github.com/fatih/camelcase Split. */
export function camelSplit(src: string): string[] {
  const runs: string[][] = [];
  let last = 0;
  for (const ch of src) {
    const cls = charClass(ch);
    if (cls === last) runs[runs.length - 1]!.push(ch);
    else runs.push([ch]);
    last = cls;
  }
  for (let i = 0; i < runs.length - 1; i++) {
    const cur = runs[i]!;
    const next = runs[i + 1]!;
    if (charClass(cur[0] ?? '') === 2 && charClass(next[0] ?? '') === 1) next.unshift(cur.pop()!);
  }
  return runs.filter((r) => r.length > 0).map((r) => r.join(''));
}

/** smartLabelFor. */
export function smartLabel(field: string): string {
  if ([...field].some((ch) => !/\p{L}/u.test(ch) && ch !== '-')) return field;
  return camelSplit(field)
    .filter((part) => part !== '_')
    .map((part) => (ACRONYMS.has(part.toUpperCase()) ? part.toUpperCase() : part.charAt(0).toUpperCase() + part.slice(1)))
    .join(' ');
}

function isMap(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

/** printUnstructuredContent. */
export function printContent(w: Writer, level: number, content: Record<string, unknown>, skipPrefix: string): void {
  for (const field of Object.keys(content).sort()) {
    const value = content[field];
    const path = `${skipPrefix}.${field}`;
    if (SKIP.includes(path)) continue;
    if (isMap(value)) {
      w.write(level, `${smartLabel(field)}:\n`);
      printContent(w, level + 1, value, path);
    } else if (Array.isArray(value)) {
      w.write(level, `${smartLabel(field)}:\n`);
      for (const child of value) {
        if (isMap(child)) printContent(w, level + 1, child, path);
        else w.write(level + 1, `${goValue(child)}\n`);
      }
    } else {
      w.write(level, `${smartLabel(field)}:\t${goValue(value)}\n`);
    }
  }
}

export function describeUnstructured(obj: Obj, events: Obj[] | undefined, now: number): string {
  return tabbed((w) => {
    w.write(LEVEL_0, `Name:\t${obj.metadata.name ?? ''}\n`);
    w.write(LEVEL_0, `Namespace:\t${obj.metadata.namespace ?? ''}\n`);
    printLabels(w, 'Labels', obj.metadata.labels);
    printAnnotations(w, 'Annotations', obj.metadata.annotations);
    printContent(w, LEVEL_0, obj as Record<string, unknown>, '');
    maybeEvents(events, w, now);
  });
}

export interface Mapping {
  group: string;
  version: string;
  resource: string;
  kind: string;
  namespaced: boolean;
}

export function genericDescriber(m: Mapping): Describer {
  return async (env: DescribeEnv, namespace: string, name: string) => {
    const gv = m.group === '' ? m.version : `${m.group}/${m.version}`;
    const obj = await getObject(env, apiPath(gv, m.resource, m.namespaced ? namespace : undefined, name));
    const events = await eventsFor(env, refOf(obj, obj.kind ?? m.kind));
    return describeUnstructured(obj, events, env.now);
  };
}
