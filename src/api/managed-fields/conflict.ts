// An apply's conflicts as the 409 the apiserver sends (NewConflictError): one cause per field,
// type FieldManagerConflict, and the message kubectl prints after "error: ".
import { StatusError, type StatusCause } from '../errors.js';
import { parseIdentifier } from './managed.js';
import { pathString, type Path } from './path-element.js';
import type { Conflicts } from './updater.js';

/** printManager: `"kubectl"`, `"x" with subresource "status"`, `"x" using apps/v1` for updates. */
export function printManager(id: string): string {
  let e;
  try {
    e = parseIdentifier(id);
  } catch {
    return JSON.stringify(id);
  }
  let s = JSON.stringify(e.manager ?? '');
  if (e.subresource) s += ` with subresource ${JSON.stringify(e.subresource)}`;
  if (e.operation === 'Update') s += e.time ? ` using ${e.apiVersion ?? ''} at ${e.time}` : ` using ${e.apiVersion ?? ''}`;
  return s;
}

/** The conflicts, managers in identifier order, each manager's fields in set order. */
export function conflictList(c: Conflicts): { manager: string; path: Path }[] {
  const ids = [...c.byManager.keys()].sort();
  return ids.flatMap((id) => c.byManager.get(id)!.paths().map((path) => ({ manager: id, path })));
}

/** getConflictMessage. */
export function conflictMessage(list: { manager: string; path: Path }[]): string {
  if (list.length === 1) return `Apply failed with 1 conflict: conflict with ${printManager(list[0]!.manager)}: ${pathString(list[0]!.path)}`;
  const lines: string[] = [];
  for (const id of [...new Set(list.map((x) => x.manager))].sort()) {
    lines.push(`conflicts with ${printManager(id)}:`);
    for (const x of list) if (x.manager === id) lines.push(`- ${pathString(x.path)}`);
  }
  return `Apply failed with ${list.length} conflicts: ${lines.join('\n')}`;
}

/** errors.NewApplyConflict. */
export function conflictError(c: Conflicts): StatusError {
  const list = conflictList(c);
  const causes: StatusCause[] = list.map((x) => ({ reason: 'FieldManagerConflict', message: `conflict with ${printManager(x.manager)}`, field: pathString(x.path) }));
  return new StatusError({
    kind: 'Status',
    apiVersion: 'v1',
    metadata: {},
    status: 'Failure',
    message: conflictMessage(list),
    reason: 'Conflict',
    details: { causes },
    code: 409,
  });
}
