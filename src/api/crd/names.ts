// The status the naming and establishing controllers give a CRD (apiextensions-apiserver
// pkg/controller/status and establish, v0.32): each requested name is accepted unless another
// CRD of the group already has it; once every name is accepted the CRD is Established.
import type { KObject } from '../types.js';
import { crdSpec, crdStatus, type CrdNames, type CrdStatus } from './descriptors.js';

type Condition = NonNullable<CrdStatus['conditions']>[number];

const inUse = (name: string): string => `"${name}" is already in use`;

/** equalToAcceptedOrFresh: undefined when the name may be taken. */
function conflict(requested: string, accepted: string, used: Set<string>): string | undefined {
  if (requested === accepted || !used.has(requested)) return undefined;
  return inUse(requested);
}

/** The names, in Go's field order, with omitempty ones left out when empty. */
function ordered(n: CrdNames): CrdNames {
  const out: CrdNames = { plural: n.plural ?? '' };
  if (n.singular) out.singular = n.singular;
  if (n.shortNames?.length) out.shortNames = n.shortNames;
  out.kind = n.kind ?? '';
  if (n.listKind) out.listKind = n.listKind;
  if (n.categories?.length) out.categories = n.categories;
  return out;
}

/** SetCRDCondition: replaces the condition of that type, keeping lastTransitionTime if the status is unchanged. */
export function setCondition(conds: Condition[], c: Condition, now: string): Condition[] {
  const prev = conds.find((x) => x.type === c.type);
  const next: Condition = { type: c.type, status: c.status, lastTransitionTime: prev && prev.status === c.status ? prev.lastTransitionTime! : now };
  if (c.reason) next.reason = c.reason;
  if (c.message) next.message = c.message;
  return prev ? conds.map((x) => (x === prev ? next : x)) : [...conds, next];
}

function acceptNames(crd: KObject, all: KObject[]): { names: CrdNames; accepted: Condition } {
  const spec = crdSpec(crd);
  const resources = new Set<string>();
  const kinds = new Set<string>();
  for (const o of all) {
    if (o.metadata.name === crd.metadata.name || crdSpec(o).group !== spec.group) continue;
    const n = crdStatus(o).acceptedNames ?? {};
    for (const r of [n.plural, n.singular, ...(n.shortNames ?? [])]) if (r) resources.add(r);
    for (const k of [n.kind, n.listKind]) if (k) kinds.add(k);
  }
  const want = spec.names ?? {};
  const had = crdStatus(crd).acceptedNames ?? {};
  const names: CrdNames = { ...had };
  let failed: { reason: string; message: string } | undefined;
  const take = (field: 'plural' | 'singular' | 'kind' | 'listKind', reason: string, used: Set<string>) => {
    const err = conflict(want[field] ?? '', had[field] ?? '', used);
    if (err) failed = { reason, message: err };
    else names[field] = want[field];
  };
  take('plural', 'PluralConflict', resources);
  take('singular', 'SingularConflict', resources);
  if (JSON.stringify(want.shortNames ?? []) !== JSON.stringify(had.shortNames ?? [])) {
    const errs = (want.shortNames ?? []).filter((s) => !(had.shortNames ?? []).includes(s)).map((s) => conflict(s, '', resources)).filter((e) => e !== undefined);
    if (errs.length) failed = { reason: 'ShortNamesConflict', message: errs.length === 1 ? errs[0]! : `[${errs.join(', ')}]` };
    else names.shortNames = want.shortNames;
  }
  take('kind', 'KindConflict', kinds);
  take('listKind', 'ListKindConflict', kinds);
  names.categories = want.categories;
  const accepted = failed ? { type: 'NamesAccepted', status: 'False', ...failed } : { type: 'NamesAccepted', status: 'True', reason: 'NoConflicts', message: 'no conflicts found' };
  return { names: ordered(names), accepted };
}

/** The CRD's status once the naming and establishing controllers have run. */
export function namedStatus(crd: KObject, all: KObject[], now: string): CrdStatus {
  const st = crdStatus(crd);
  const { names, accepted } = acceptNames(crd, all);
  let conds = setCondition(st.conditions ?? [], accepted, now);
  const established = (st.conditions ?? []).find((c) => c.type === 'Established');
  if (accepted.status === 'True') {
    if (established?.status !== 'True') conds = setCondition(conds, { type: 'Established', status: 'True', reason: 'InitialNamesAccepted', message: 'the initial names have been accepted' }, now);
  } else if (!established) {
    conds = setCondition(conds, { type: 'Established', status: 'False', reason: 'NotAccepted', message: 'not all names are accepted' }, now);
  }
  return { conditions: conds, acceptedNames: names, storedVersions: st.storedVersions ?? [] };
}

/** apiextensions v1 SetDefaults_CustomResourceDefinitionSpec: singular, listKind, conversion. */
export function defaultCrd(crd: KObject): void {
  const spec = (crd.spec ??= {}) as { names?: CrdNames; conversion?: { strategy?: string; webhook?: { clientConfig?: { service?: { port?: number } } } } };
  const names = (spec.names ??= {});
  if (!names.singular && names.kind) names.singular = names.kind.toLowerCase();
  if (!names.listKind && names.kind) names.listKind = `${names.kind}List`;
  spec.conversion ??= { strategy: 'None' };
  const service = spec.conversion.webhook?.clientConfig?.service;
  if (service) service.port ??= 443;
}
