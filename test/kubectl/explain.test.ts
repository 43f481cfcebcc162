// `kubectl explain`: ours against the real one on one live cluster (both read the cluster's
// /openapi/v3 and /openapi/v2 documents), and both against an unreachable server.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { hasRealKubectl, REAL_KUBECTL, run, useCluster, type RunResult, type TestCluster } from '../support/cluster.js';
import type { Case } from './differential.js';
import { runOurs } from './in-process.js';
import { normalise } from './normalise.js';

const e = (...args: string[]): Case => ({ args: ['explain', ...args] });

const FIELDS: Case[] = [
  e('pods'),
  e('pod.spec'),
  e('pod.spec.containers'),
  e('pod.spec.containers.ports'),
  e('pods.spec.volumes.configMap'),
  e('po.spec.containers.resources.limits'),
  e('pods.metadata.labels'),
  e('pods.status.conditions.lastProbeTime'),
  e('deploy'),
  e('deployments.apps.spec.strategy'),
  e('deploy.spec.template.spec'),
  e('deploy.spec.strategy.rollingUpdate'),
  e('svc.spec.type'),
  e('svc.spec.ports.targetPort'),
  e('node.status'),
  e('nodes.status.capacity'),
  e('cronjobs.spec.jobTemplate.spec.template.spec.containers.resources'),
  e('ingress.spec.rules'),
  e('networkpolicy.spec'),
  e('pv.spec.hostPath'),
  e('Pod'),
  e('PODS.spec'),
  e('pods.'),
  e('pods..spec'),
  e('deployments.appsx'),
  e('events.events.k8s.io'),
  e('ev'),
  e('hpa'),
];

const FLAGS: Case[] = [
  e('pod.spec.affinity', '--recursive'),
  e('deploy', '--recursive'),
  e('pods.spec.containers', '--recursive'),
  e('--recursive=false', 'pods'),
  e('--api-version=autoscaling/v1', 'hpa'),
  e('--api-version=apps/v1', 'deploy.spec.strategy'),
  e('--output=plaintext-openapiv2', 'pod.spec'),
  e('-o', 'plaintext-openapiv2', 'pod.spec.containers'),
  e('-o', 'plaintext-openapiv2', 'deploy', '--recursive'),
  e('-o', 'plaintext-openapiv2', 'pods.metadata.labels'),
  e('-o', 'plaintext-openapiv2', 'nodes.status.capacity'),
  e('-o', 'plaintext-openapiv2', 'pods.spec.nodeName.x'),
  e('-o', 'plaintext-openapiv2', '--api-version=autoscaling/v1', 'hpa.spec'),
  e('--help'),
];

const ERRORS: Case[] = [
  e(),
  e('pods', 'svc'),
  e('foo'),
  e('foo.bar'),
  e('Deploy'),
  e(''),
  e('pods.nope'),
  e('pods.nope.spec'),
  e('pods.spec.nodeName.foo'),
  e('deployments.v1.apps'),
  e('pods[0]'),
  e('pods.*'),
  e('po..spec'),
  e('pods', '-o', 'wibble'),
  e('--api-version=v1', 'deploy'),
  e('--api-version=apps/v2', 'deploy'),
  e('--api-version=a/b/c', 'deploy'),
  e('--api-version=apps/v1', 'deployments.apps.spec'),
  e('-o', 'plaintext-openapiv2', 'pods.spec.nope'),
  e('-o', 'plaintext-openapiv2', '--api-version=v2', 'pods'),
];

// Stricter than expectSame: explain prints no ages, so nothing is normalised (trailing blanks in
// descriptions and the tab after field names must match too).
async function expectIdentical(c: TestCluster, k: Case): Promise<void> {
  const real = await c.kubectl(k.args);
  const ours = await runOurs(k.args, c.env);
  const show = (r: RunResult) => ({ code: r.code, stdout: r.stdout, stderr: r.stderr });
  expect(show(ours), `kubectl ${k.args.join(' ')}`).toEqual(show(real));
}

describe.skipIf(!hasRealKubectl)('kubectl explain, ours against the real one', () => {
  const c = useCluster();
  for (const k of [...FIELDS, ...FLAGS, ...ERRORS]) {
    it(k.args.slice(1).join(' ') || '(no args)', async () => {
      await expectIdentical(c, k);
    });
  }
});

describe.skipIf(!hasRealKubectl)('kubectl explain with no server', () => {
  const home = mkdtempSync(join(tmpdir(), 'kubedojo-explain-'));
  writeFileSync(join(home, 'kubeconfig'), '');
  const env = { PATH: process.env.PATH, HOME: home, KUBECONFIG: join(home, 'kubeconfig') };
  afterAll(() => rmSync(home, { recursive: true, force: true }));
  for (const args of [['explain', 'pods'], ['explain', 'pods', '-o', 'plaintext-openapiv2'], ['explain']]) {
    it(args.join(' '), async () => {
      const real = await run(REAL_KUBECTL, args, env);
      const ours = await runOurs(args, env);
      expect({ code: ours.code, stdout: ours.stdout, stderr: normalise(ours.stderr) }).toEqual({ code: real.code, stdout: real.stdout, stderr: normalise(real.stderr) });
    });
  }
});
