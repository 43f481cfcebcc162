// Bodies the real kubectl v1.32.4 sent (scripts/protobuf-capture.mjs): each must decode to the very
// JSON, key order included, that the same command prints with --dry-run=client -o json (Go's
// encoding/json of the same object).
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { decodeKubernetesProtobuf } from './index.js';

const DIR = join(import.meta.dirname, 'testdata');
const read = (name: string): Buffer => readFileSync(join(DIR, name));
const paired = readdirSync(DIR).filter((f) => f.endsWith('.json')).map((f) => f.slice(0, -'.json'.length));

describe('bodies captured from kubectl', () => {
  it('has captures', () => {
    expect(paired.length).toBeGreaterThan(10);
  });

  for (const name of paired) {
    it(`decodes ${name} as kubectl --dry-run=client -o json prints it`, () => {
      const expected = JSON.parse(read(`${name}.json`).toString('utf8')) as Record<string, unknown>;
      const got = decodeKubernetesProtobuf(read(`${name}.pb`));
      expect(got.object).toEqual(expected);
      expect(JSON.stringify(got.object)).toBe(JSON.stringify(expected));
      expect([got.apiVersion, got.kind]).toEqual([expected.apiVersion, expected.kind]);
    });
  }

  it('decodes kubectl create token builder --duration=1h --audience=api', () => {
    expect(decodeKubernetesProtobuf(read('token.pb'))).toEqual({
      apiVersion: 'authentication.k8s.io/v1',
      kind: 'TokenRequest',
      object: {
        kind: 'TokenRequest',
        apiVersion: 'authentication.k8s.io/v1',
        metadata: { creationTimestamp: null },
        spec: { audiences: ['api'], expirationSeconds: 3600, boundObjectRef: null },
        status: { token: '', expirationTimestamp: null },
      },
    });
  });

  it('decodes kubectl certificate approve csr1 (a PUT of the object it read, with times and bytes)', () => {
    const { object } = decodeKubernetesProtobuf(read('csr-approve.pb'));
    const status = object.status as { conditions: Record<string, unknown>[] };
    expect(status.conditions[0]!.lastUpdateTime).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ$/);
    status.conditions[0]!.lastUpdateTime = 'NOW';
    expect(JSON.stringify(object)).toBe(JSON.stringify({
      kind: 'CertificateSigningRequest',
      apiVersion: 'certificates.k8s.io/v1',
      metadata: { name: 'csr1', uid: 'u-csr1', creationTimestamp: '2026-01-02T03:04:05Z' },
      spec: { request: 'LS0tLS1CRUdJTg==', signerName: 'kubernetes.io/kube-apiserver-client', usages: ['client auth'], username: 'jane' },
      status: {
        conditions: [{
          type: 'Approved', status: 'True', reason: 'KubectlApprove', message: 'This CSR was approved by kubectl certificate approve.',
          lastUpdateTime: 'NOW', lastTransitionTime: null,
        }],
      },
    }));
  });

  it('decodes kubectl auth can-i create deployments.apps -n dev', () => {
    const { object } = decodeKubernetesProtobuf(read('can-i.pb'));
    expect(JSON.stringify(object)).toBe(JSON.stringify({
      kind: 'SelfSubjectAccessReview',
      apiVersion: 'authorization.k8s.io/v1',
      metadata: { creationTimestamp: null },
      spec: { resourceAttributes: { namespace: 'dev', verb: 'create', group: 'apps', resource: 'deployments' } },
      status: { allowed: false },
    }));
  });
});
