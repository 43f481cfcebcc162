// kubectl certificate approve|deny: ours against the real kubectl on one live cluster.
import { beforeAll, describe, it } from 'vitest';
import { makeRequest } from '../../src/controllers/certificates/testdata.js';
import { hasRealKubectl, useCluster } from '../support/cluster.js';
import { expectSame, type Case } from './differential.js';

function csrManifest(name: string, request: string): string {
  return `apiVersion: certificates.k8s.io/v1\nkind: CertificateSigningRequest\nmetadata:\n  name: ${name}\nspec:\n  request: ${request}\n  signerName: kubernetes.io/kube-apiserver-client\n  usages: [client auth]\n`;
}

describe.skipIf(!hasRealKubectl)('kubectl certificate, ours against the real one', () => {
  const c = useCluster();
  let request = '';
  const recreate = (name: string): string[][] => [['delete', 'csr', name, '--ignore-not-found'], ['create', '-f', `${name}.yaml`]];
  beforeAll(async () => {
    request = await makeRequest('CN=jane');
    for (const n of ['fresh', 'approved', 'denied']) c.file(`${n}.yaml`, csrManifest(n, request));
    for (const n of ['fresh', 'approved', 'denied']) await c.kubectl(['create', '-f', `${n}.yaml`]);
    await c.kubectl(['certificate', 'approve', 'approved']);
    await c.kubectl(['certificate', 'deny', 'denied']);
  }, 60_000);
  const cases = (): Case[] => [
    { args: ['certificate', 'approve', 'fresh'], undo: recreate('fresh') },
    { args: ['certificate', 'deny', 'fresh'], undo: recreate('fresh') },
    { args: ['certificate', 'approve', 'approved'] },
    { args: ['certificate', 'deny', 'approved'] },
    { args: ['certificate', 'approve', 'denied'] },
    { args: ['certificate', 'approve', 'denied', '--force'] },
    { args: ['certificate', 'approve', 'nope', 'approved'] },
    { args: ['certificate', 'approve'] },
    { args: ['certificate'] },
    // -f: the builder reads the CSRs from files (a missing one is the builder's error)
    { args: ['certificate', 'approve', '-f', 'fresh.yaml'], undo: recreate('fresh') },
    { args: ['certificate', 'approve', '-f', 'nope.yaml'] },
    { args: ['certificate', 'deny', 'denied', 'nope', '-f', 'approved.yaml'] },
  ];
  it.each(cases().map((k) => [k.args.join(' '), k] as const))('%s', async (_name, k) => {
    await expectSame(c, k);
  });
});
