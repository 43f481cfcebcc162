// Printing what a generator made or the server returned, as cli-runtime's printers do: the
// `<kind>/<name> created` line, -o name, -o json (a typed object keeps its Go field order, an
// unstructured one is sorted), -o yaml (with `---` before every object after the first one the
// printer wrote) and the template printers; managedFields left out unless asked for.
import type { Obj } from '../../../../client/types.js';
import { toKubectlJson } from '../../../../printers/json.js';
import { toKubectlYaml } from '../../../../printers/yaml.js';
import { nameOf, printObjects, withoutManagedFields } from '../../output/objects.js';
import { goIndentJson } from './go-json.js';
import type { Printer } from './options.js';

/** An object to print: `typed` when kubectl holds it as a Go struct (field order kept). */
export interface Printable {
  obj: Obj;
  typed: boolean;
}


/** The text of one object; `printed` counts the objects this printer already wrote. */
export function renderObject(p: Printer, item: Printable, printed = 0): string {
  const { format } = p;
  if (format === undefined) return `${nameOf(item.obj)} ${p.operation}\n`;
  if (format.kind === 'name') return `${nameOf(item.obj)}\n`;
  const obj = p.showManagedFields ? item.obj : withoutManagedFields(item.obj);
  if (format.kind === 'json') return item.typed ? goIndentJson(obj) : toKubectlJson(obj);
  if (format.kind === 'yaml') return `${printed > 0 ? '---\n' : ''}${toKubectlYaml(obj)}`;
  return printObjects([obj], format, { single: true, generated: item.typed, showManagedFields: p.showManagedFields, ...p.templates });
}

export function printObject(out: { write(s: string): unknown }, p: Printer, item: Printable): void {
  out.write(renderObject(p, item));
}
