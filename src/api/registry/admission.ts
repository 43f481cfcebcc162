// The admission chain's contract: mutating plugins first, then validating ones, each seeing the
// operation, the resource, the new object and the old one. A CONNECT (pods/exec, attach,
// portforward, proxy) goes only to the plugins that handle it (upstream's Handles(Connect)): the
// webhooks and the policies; its object is the request's options (PodExecOptions...).
import type { KObject } from '../types.js';
import type { ResourceDescriptor } from '../resources/types.js';
import type { RequestContext } from './context.js';

export type Operation = 'CREATE' | 'UPDATE' | 'DELETE' | 'CONNECT';

export interface AdmissionRequest {
  op: Operation;
  d: ResourceDescriptor;
  subresource: string;
  namespace: string | undefined;
  name: string;
  obj: KObject | undefined;
  old: KObject | undefined;
  ctx: RequestContext;
  /** obj's kind when it is not d's: a CONNECT's options (PodExecOptions...), in d's group and version. */
  kind?: string;
}

export interface AdmissionPlugin {
  name: string;
  admit?(req: AdmissionRequest): Promise<void>;
  validate?(req: AdmissionRequest): Promise<void>;
  /** Handles CONNECT too. */
  connect?: boolean;
}

const handles = (p: AdmissionPlugin, req: AdmissionRequest): boolean => req.op !== 'CONNECT' || p.connect === true;

/** The mutating phase: runs before the object is validated. */
export async function runMutating(plugins: AdmissionPlugin[], req: AdmissionRequest): Promise<void> {
  for (const p of plugins) if (p.admit && handles(p, req)) await p.admit(req);
}

/** The validating phase: runs after the object passed validation, right before it is stored. */
export async function runValidating(plugins: AdmissionPlugin[], req: AdmissionRequest): Promise<void> {
  for (const p of plugins) if (p.validate && handles(p, req)) await p.validate(req);
}
