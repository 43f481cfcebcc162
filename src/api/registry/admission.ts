// The admission chain's contract: mutating plugins first, then validating ones, each seeing the
// operation, the resource, the new object and the old one.
import type { KObject } from '../types.js';
import type { ResourceDescriptor } from '../resources/types.js';
import type { RequestContext } from './context.js';

export type Operation = 'CREATE' | 'UPDATE' | 'DELETE';

export interface AdmissionRequest {
  op: Operation;
  d: ResourceDescriptor;
  subresource: string;
  namespace: string | undefined;
  name: string;
  obj: KObject | undefined;
  old: KObject | undefined;
  ctx: RequestContext;
}

export interface AdmissionPlugin {
  name: string;
  admit?(req: AdmissionRequest): Promise<void>;
  validate?(req: AdmissionRequest): Promise<void>;
}

/** The mutating phase: runs before the object is validated. */
export async function runMutating(plugins: AdmissionPlugin[], req: AdmissionRequest): Promise<void> {
  for (const p of plugins) if (p.admit) await p.admit(req);
}

/** The validating phase: runs after the object passed validation, right before it is stored. */
export async function runValidating(plugins: AdmissionPlugin[], req: AdmissionRequest): Promise<void> {
  for (const p of plugins) if (p.validate) await p.validate(req);
}
