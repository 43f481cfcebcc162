// TokenRequest (serviceaccounts/token): a signed token for the service account, as
// `kubectl create token` asks for.
import type { Call } from './server-context.js';
import { writeJson } from './respond.js';
import { parseBody, readBody } from './body.js';
import { invalid } from '../errors.js';
import { rfc3339 } from '../registry/context.js';

interface TokenRequestSpec {
  audiences?: string[];
  expirationSeconds?: number;
  boundObjectRef?: { kind?: string; apiVersion?: string; name?: string; uid?: string };
}

export async function issueToken(c: Call): Promise<void> {
  const body = (parseBody(await readBody(c.req), c.req.headers['content-type'], { apiVersion: 'authentication.k8s.io/v1', kind: 'TokenRequest' }) ?? {}) as { spec?: TokenRequestSpec };
  const spec = body.spec ?? {};
  const sa = await c.s.registry.get(c.d, c.info.namespace, c.info.name);
  const exp = spec.expirationSeconds ?? 3600;
  if (exp < 600) {
    throw invalid('TokenRequest.authentication.k8s.io', 'authentication.k8s.io', 'TokenRequest', c.info.name, [
      { type: 'Invalid', field: 'spec.expirationSeconds', badValue: exp, detail: 'may not specify a duration less than 10 minutes' },
    ]);
  }
  const audiences = spec.audiences?.length ? spec.audiences : ['https://kubernetes.default.svc.cluster.local'];
  const now = c.s.gen.now();
  const { token, expiresAt } = await c.s.tokens.issue({
    namespace: c.info.namespace,
    serviceAccount: { name: c.info.name, uid: sa.metadata.uid ?? '' },
    audiences,
    expirationSeconds: exp,
  }, now);
  writeJson(c.res, 201, {
    kind: 'TokenRequest',
    apiVersion: 'authentication.k8s.io/v1',
    metadata: { name: c.info.name, namespace: c.info.namespace, creationTimestamp: rfc3339(now) },
    spec: { audiences, expirationSeconds: exp, boundObjectRef: spec.boundObjectRef ?? null },
    status: { token, expirationTimestamp: rfc3339(expiresAt) },
  });
}
