// Field selectors (`metadata.name=x,status.phase!=Running`): parsed, checked against the fields a
// resource supports (upstream's error for others), and matched.
import { badRequest } from '../errors.js';

export interface FieldRequirement {
  field: string;
  op: '=' | '!=';
  value: string;
}

export function parseFieldSelector(s: string | undefined): FieldRequirement[] {
  if (!s || !s.trim()) return [];
  return s.split(',').map((part) => {
    const m = /^([^=!]+?)\s*(==|=|!=)\s*(.*)$/.exec(part.trim());
    if (!m) throw badRequest(`invalid selector: '${s}'; can't understand '${part}'`);
    return { field: m[1]!, op: m[2] === '!=' ? '!=' : '=', value: m[3]! };
  });
}

/** Throws upstream's BadRequest for fields the resource cannot be selected by. */
export function checkFields(reqs: FieldRequirement[], supported: Set<string>): void {
  for (const r of reqs) {
    if (!supported.has(r.field)) throw badRequest(`field label not supported: ${r.field}`);
  }
}

export function matchesFields(reqs: FieldRequirement[], fields: Record<string, string>): boolean {
  return reqs.every((r) => (r.op === '=' ? fields[r.field] === r.value : fields[r.field] !== r.value));
}
