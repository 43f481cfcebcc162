// Printing objects (not Tables): -o name, json, yaml, jsonpath, custom-columns. Several objects,
// or a list asked for, print as one `kind: List`; server objects print with sorted keys, and
// JSON and YAML without managedFields (--show-managed-fields keeps them).
import type { Obj } from '../../../client/types.js';
import { toKubectlJson } from '../../../printers/json.js';
import { toKubectlYaml } from '../../../printers/yaml.js';
import type { OutputFormat } from './format.js';
import { printTemplated } from './templated.js';

export interface ObjectPrintOptions {
  /** one object was asked for by name: print it alone, not in a List */
  single: boolean;
  sortBy?: string;
  noHeaders?: boolean;
  showManagedFields?: boolean;
  /** generated objects (dry-run=client) keep their field order */
  generated?: boolean;
  cwd?: string;
  /** --allow-missing-template-keys (true unless given false) */
  allowMissingKeys?: boolean;
}

export function nameOf(o: Obj): string {
  const apiVersion = o.apiVersion ?? '';
  const group = apiVersion.includes('/') ? apiVersion.slice(0, apiVersion.indexOf('/')) : '';
  const kind = (o.kind ?? '').toLowerCase();
  return `${group ? `${kind}.${group}` : kind}/${o.metadata.name ?? ''}`;
}

/** An object without metadata.managedFields (a copy when it had them). */
export function withoutManagedFields(o: Obj): Obj {
  if (o.metadata?.managedFields === undefined) return o;
  const { managedFields: _drop, ...metadata } = o.metadata;
  return { ...o, metadata };
}

/** OmitManagedFieldsPrinter: an object's, or each of a list's items', managedFields dropped. */
export function omitManagedFields(o: Obj): Obj {
  const items = (o as unknown as { items?: unknown }).items;
  return Array.isArray(items) ? ({ ...o, items: (items as Obj[]).map(withoutManagedFields) } as unknown as Obj) : withoutManagedFields(o);
}

export function asList(objects: Obj[]): Obj {
  return { apiVersion: 'v1', items: objects, kind: 'List', metadata: { resourceVersion: '' } } as unknown as Obj;
}

export function printObjects(objects: Obj[], out: OutputFormat, o: ObjectPrintOptions): string {
  // only the JSON and YAML printers drop managedFields (JSONYamlPrintFlags' OmitManagedFieldsPrinter)
  const shown = o.showManagedFields || (out.kind !== 'json' && out.kind !== 'yaml') ? objects : objects.map(withoutManagedFields);
  if (out.kind === 'name') return shown.map((x) => `${nameOf(x)}\n`).join('');
  const value: Obj = o.single && shown.length === 1 ? shown[0]! : asList(shown);
  if (out.kind === 'json') return toKubectlJson(value, { sortKeys: !o.generated });
  if (out.kind === 'yaml') return toKubectlYaml(value);
  return printTemplated(shown, value, out, o);
}
