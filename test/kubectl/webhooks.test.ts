// Admission webhooks called by the apiserver, against a real HTTPS webhook on loopback: the real
// kubectl and ours on one cluster see the same denials, warnings, mutations and call failures
// (failurePolicy Fail and Ignore, a dead URL, a Service that is missing or unreachable, a bad
// answer, a 500, an exec denied or rewritten at CONNECT), and the webhook receives upstream's
// AdmissionReview (operation, user, namespace, options, old object on DELETE, a CONNECT's options);
// a configuration whose matchConditions do not compile is refused.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hasRealKubectl, useCluster } from '../support/cluster.js';
import { deadPort } from '../support/ports.js';
import { respond, startWebhookServer, type Review, type WebhookServer } from '../support/webhook-server.js';
import { expectSame, type Case } from './differential.js';

const command = (r: Review): string[] => (r.body.request as { object?: { command?: string[] } }).object?.command ?? [];

function answer(r: Review): unknown {
  const req = r.body.request as { object?: { metadata?: { labels?: Record<string, string> } } };
  const labels = req.object?.metadata?.labels ?? {};
  switch (r.path.replace(/\?.*/, '')) {
    case '/validate':
      return respond(r, labels.team ? { allowed: true, warnings: ['checked by the team webhook'] } : { allowed: false, warnings: ['checked by the team webhook'], status: { code: 403, message: 'pods must have a team label' } });
    case '/mutate': {
      const patch = [{ op: 'add', path: '/metadata/annotations', value: { mutated: 'yes' } }];
      return respond(r, { allowed: true, patchType: 'JSONPatch', patch: Buffer.from(JSON.stringify(patch)).toString('base64') });
    }
    case '/bad-uid': return { ...respond(r, { allowed: true }), response: { uid: 'not-the-request', allowed: true } };
    case '/500': return [500, 'webhook broke\n'];
    case '/deny-forbidden': return respond(r, { allowed: false, status: { code: 403, reason: 'Forbidden', message: 'not today' } });
    case '/deny-bare': return respond(r, { allowed: false });
    case '/exec': return respond(r, command(r)[0] === 'rm' ? { allowed: false, status: { code: 403, reason: 'Forbidden', message: 'no rm in pods' } } : { allowed: true });
    case '/exec-rewrite': {
      if (command(r)[0] !== 'patchme') return respond(r, { allowed: true });
      const patch = [{ op: 'replace', path: '/command', value: ['echo', 'patched'] }];
      return respond(r, { allowed: true, patchType: 'JSONPatch', patch: Buffer.from(JSON.stringify(patch)).toString('base64') });
    }
    default: return respond(r, { allowed: true });
  }
}

interface Hook { name: string; path?: string; url?: string; service?: object; resources?: string[]; operations?: string[]; selector?: Record<string, string>; failurePolicy?: string; sideEffects?: string; namespaceSelector?: Record<string, string>; conditions?: string[] }

function config(kind: 'Validating' | 'Mutating', name: string, hooks: Hook[], wh: WebhookServer): string {
  const lines = [`apiVersion: admissionregistration.k8s.io/v1`, `kind: ${kind}WebhookConfiguration`, `metadata: {name: ${name}}`, 'webhooks:'];
  for (const h of hooks) {
    const client = h.service ? { service: h.service } : { url: h.url ?? wh.url(h.path ?? '/'), caBundle: wh.caBundle };
    lines.push(`- name: ${h.name}`, `  clientConfig: ${JSON.stringify(client)}`,
      `  rules: [{operations: ${JSON.stringify(h.operations ?? ['CREATE'])}, apiGroups: [""], apiVersions: [v1], resources: ${JSON.stringify(h.resources ?? ['configmaps'])}}]`,
      `  sideEffects: ${h.sideEffects ?? 'None'}`, '  admissionReviewVersions: [v1]');
    if (h.selector) lines.push(`  objectSelector: {matchLabels: ${JSON.stringify(h.selector)}}`);
    if (h.namespaceSelector) lines.push(`  namespaceSelector: {matchLabels: ${JSON.stringify(h.namespaceSelector)}}`);
    if (h.failurePolicy) lines.push(`  failurePolicy: ${h.failurePolicy}`);
    if (h.conditions) lines.push('  matchConditions:', ...h.conditions.map((e, i) => `  - {name: c${i}, expression: ${JSON.stringify(e)}}`));
  }
  return `${lines.join('\n')}\n`;
}

const cm = (name: string, labels: Record<string, string>, ns = 'default'): string =>
  `apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: ${name}\n  namespace: ${ns}\n  labels: ${JSON.stringify(labels)}\ndata: {a: b}\n`;

describe.skipIf(!hasRealKubectl)('admission webhooks, ours against the real kubectl (skipped: no /usr/bin/kubectl)', () => {
  const c = useCluster('webhooks');
  let wh: WebhookServer;
  beforeAll(async () => {
    wh = await startWebhookServer(answer);
    const dead = `https://127.0.0.1:${await deadPort()}/x`;
    c.file('validating.yaml', config('Validating', 'a-checks', [
      { name: 'team.example.com', path: '/validate', resources: ['pods'], namespaceSelector: { webhook: 'on' } },
      { name: 'dead-ignore.example.com', url: dead, selector: { down: 'ignore' }, failurePolicy: 'Ignore' },
      { name: 'dead-fail.example.com', url: dead, selector: { down: 'fail' } },
      { name: 'svc-missing.example.com', service: { namespace: 'default', name: 'nohooks', path: '/v' }, selector: { svc: 'missing' } },
      { name: 'svc-refused.example.com', service: { namespace: 'default', name: 'hooks', path: '/v' }, selector: { svc: 'refused' } },
      { name: 'bad-uid.example.com', path: '/bad-uid', selector: { bad: 'uid' } },
      { name: 'err500.example.com', path: '/500', selector: { bad: '500' } },
      { name: 'forbidden.example.com', path: '/deny-forbidden', selector: { deny: 'forbidden' } },
      { name: 'bare.example.com', path: '/deny-bare', selector: { deny: 'bare' } },
      { name: 'dry-run.example.com', path: '/allow', selector: { dry: 'some' }, sideEffects: 'NoneOnDryRun' },
      { name: 'protect.example.com', path: '/deny-forbidden', operations: ['DELETE'], selector: { protect: 'yes' } },
      { name: 'conditions.example.com', path: '/deny-forbidden', selector: { cond: 'yes' }, conditions: ["object.metadata.name.startsWith('mc-')", "object.data.a == 'b'"] },
      { name: 'exec.example.com', path: '/exec', resources: ['pods/exec'], operations: ['CONNECT'] },
      // an object selector never matches a CONNECT's options (they have no labels)
      { name: 'exec-selected.example.com', path: '/deny-forbidden', resources: ['pods/exec'], operations: ['CONNECT'], selector: { any: 'thing' } },
    ], wh));
    c.file('mutating.yaml', config('Mutating', 'annotate', [
      { name: 'annotate.example.com', path: '/mutate', selector: { mutate: 'yes' } },
      { name: 'exec-rewrite.example.com', path: '/exec-rewrite', resources: ['pods/exec'], operations: ['CONNECT'] },
    ], wh));
    const files: Record<string, string> = {
      'ignore.yaml': cm('ignore', { down: 'ignore' }), 'fail.yaml': cm('fail', { down: 'fail' }),
      'missing.yaml': cm('missing', { svc: 'missing' }), 'refused.yaml': cm('refused', { svc: 'refused' }),
      'bad-uid.yaml': cm('bad-uid', { bad: 'uid' }), '500.yaml': cm('five', { bad: '500' }),
      'forbidden.yaml': cm('forbidden', { deny: 'forbidden' }), 'bare.yaml': cm('bare', { deny: 'bare' }),
      'some.yaml': cm('some', { dry: 'some' }), 'mc-deny.yaml': cm('mc-deny', { cond: 'yes' }), 'other.yaml': cm('other', { cond: 'yes' }),
      'mc-broken.yaml': cm('mc-broken', { cond: 'yes' }).replace('data: {a: b}', 'data: {c: d}'), 'mutate.yaml': cm('mutated', { mutate: 'yes' }),
    };
    for (const [name, text] of Object.entries(files)) c.file(name, text);
    c.file('uncompiled.yaml', config('Validating', 'uncompiled', [{ name: 'params.example.com', path: '/allow', conditions: ['params.x == 1', 'object.metadata.name.startsWith('] }], wh));
    for (const args of [['create', 'namespace', 'whtest'], ['label', 'namespace', 'whtest', 'webhook=on'], ['create', 'service', 'clusterip', 'hooks', '--tcp=443:8443'],
      ['create', 'configmap', 'keep', '--from-literal=a=b'], ['label', 'configmap', 'keep', 'protect=yes'],
      ['run', 'execme', '--image=busybox', '--', 'sleep', '3600'], ['wait', '--for=condition=Ready', 'pod/execme', '--timeout=60s'],
      ['create', '-f', 'validating.yaml'], ['create', '-f', 'mutating.yaml']]) {
      expect((await c.kubectl(args)).code, args.join(' ')).toBe(0);
    }
    // the apiserver sees new configurations through a watch: wait until the webhook is called
    for (let i = 0; i < 100 && !wh.reviews.some((r) => r.path.startsWith('/mutate')); i++) {
      await c.kubectl(['create', '-f', 'mutate.yaml', '--dry-run=server']);
    }
  }, 120_000);
  afterAll(async () => {
    await wh?.close();
  });

  const deleteAfter = (...names: string[]) => [['delete', 'configmap', ...names]];
  const cases = (): Case[] => [
    // denied, with the webhook's warning; allowed in a namespace the selector leaves out
    { args: ['-n', 'whtest', 'run', 'p1', '--image=nginx'] },
    { args: ['-n', 'whtest', 'run', 'p2', '--image=nginx', '--labels=team=a'], undo: [['-n', 'whtest', 'delete', 'pod', 'p2', '--now']] },
    { args: ['run', 'p3', '--image=nginx'], undo: [['delete', 'pod', 'p3', '--now']] },
    // a JSON patch from a mutating webhook
    { args: ['create', '-f', 'mutate.yaml', '-o', 'jsonpath={.metadata.annotations}'], undo: deleteAfter('mutated') },
    // calls that fail: ignored, or the request fails (500)
    { args: ['create', '-f', 'ignore.yaml'], undo: deleteAfter('ignore') },
    { args: ['create', '-f', 'fail.yaml'] },
    { args: ['create', '-f', 'missing.yaml'] },
    { args: ['create', '-f', 'refused.yaml'] },
    { args: ['create', '-f', 'bad-uid.yaml'] },
    { args: ['create', '-f', '500.yaml'] },
    // rejections with and without the webhook's status
    { args: ['create', '-f', 'forbidden.yaml'] },
    { args: ['create', '-f', 'bare.yaml'] },
    { args: ['apply', '-f', 'forbidden.yaml'] },
    // a dry run (v1 webhooks have no side effects, or none on dry runs); a DELETE judged on the old object
    { args: ['create', '-f', 'some.yaml', '--dry-run=server'] },
    { args: ['create', '-f', 'some.yaml'], undo: deleteAfter('some') },
    { args: ['delete', 'configmap', 'keep'] },
    // matchConditions: all true calls it, a false one skips it, an error (and no false) forbids
    { args: ['create', '-f', 'mc-deny.yaml'] },
    { args: ['create', '-f', 'other.yaml'], undo: deleteAfter('other') },
    { args: ['create', '-f', 'mc-broken.yaml'] },
    // CONNECT: exec allowed, denied, or its command rewritten by a mutating webhook
    { args: ['exec', 'execme', '--', 'echo', 'hi'] },
    { args: ['exec', 'execme', '--', 'rm', '-rf', '/tmp'] },
    { args: ['exec', 'execme', '--', 'patchme'] },
    // matchConditions that do not compile: a webhook has no params; a syntax error
    { args: ['create', '-f', 'uncompiled.yaml'] },
  ];

  it('answers as the real kubectl does', async () => {
    for (const k of cases()) await expectSame(c, k);
  }, 180_000);

  it('calls them: what each case above gets', async () => {
    const err = async (file: string) => (await c.ourKubectl(['create', '-f', file, '--dry-run=server'])).stderr;
    expect(await err('fail.yaml')).toMatch(/^Error from server \(InternalError\): error when creating "fail.yaml": Internal error occurred: failed calling webhook "dead-fail.example.com": failed to call webhook: Post "https:\/\/127.0.0.1:\d+\/x\?timeout=10s": dial tcp 127.0.0.1:\d+: connect: connection refused\n$/);
    expect(await err('missing.yaml')).toContain('failed calling webhook "svc-missing.example.com": failed to call webhook: Post "https://nohooks.default.svc:443/v?timeout=10s": service "nohooks" not found\n');
    expect(await err('refused.yaml')).toMatch(/Post "https:\/\/hooks.default.svc:443\/v\?timeout=10s": dial tcp 10\.\d+\.\d+\.\d+:443: connect: connection refused\n$/);
    expect(await err('bad-uid.yaml')).toMatch(/received invalid webhook response: expected response.uid="[0-9a-f-]{36}", got "not-the-request"\n$/);
    expect(await err('500.yaml')).toContain('failed to call webhook: an error on the server ("webhook broke") has prevented the request from succeeding\n');
    expect(await err('forbidden.yaml')).toBe('Error from server (Forbidden): error when creating "forbidden.yaml": admission webhook "forbidden.example.com" denied the request: not today\n');
    expect(await err('bare.yaml')).toBe('Error from server: error when creating "bare.yaml": admission webhook "bare.example.com" denied the request without explanation\n');
    expect(await err('ignore.yaml')).toBe('');
    expect(await err('mc-deny.yaml')).toBe('Error from server (Forbidden): error when creating "mc-deny.yaml": admission webhook "conditions.example.com" denied the request: not today\n');
    expect(await err('other.yaml')).toBe('');
    expect(await err('mc-broken.yaml')).toBe('Error from server (Forbidden): error when creating "mc-broken.yaml": configmaps "mc-broken" is forbidden: expression \'object.data.a == \'b\'\' resulted in error: no such key: a\n');
    const denied = await c.ourKubectl(['-n', 'whtest', 'run', 'p9', '--image=nginx', '--dry-run=server']);
    expect(denied.stderr).toBe('Warning: checked by the team webhook\nError from server: admission webhook "team.example.com" denied the request: pods must have a team label\n');
    expect((await c.ourKubectl(['create', '-f', 'mutate.yaml', '--dry-run=server', '-o', 'jsonpath={.metadata.annotations.mutated}'])).stdout).toBe('yes');
    const rm = await c.ourKubectl(['exec', 'execme', '--', 'rm', '-rf', '/tmp']);
    expect([rm.code, rm.stderr]).toEqual([1, 'Error from server (Forbidden): admission webhook "exec.example.com" denied the request: no rm in pods\n']);
    expect((await c.ourKubectl(['exec', 'execme', '--', 'patchme'])).stdout).toBe('patched\n');
    expect((await c.ourKubectl(['create', '-f', 'uncompiled.yaml'])).stderr).toBe([
      'The ValidatingWebhookConfiguration "uncompiled" is invalid: ',
      "* webhooks[0].matchConditions[0].expression: Invalid value: \"params.x == 1\": compilation failed: ERROR: <input>:1:1: undeclared reference to 'params' (in container '')",
      ' | params.x == 1',
      ' | ^',
      '* webhooks[0].matchConditions[1].expression: Invalid value: "object.metadata.name.startsWith(": compilation failed: ERROR: <input>:1:33: Syntax error: unexpected token: EOF',
      ' | object.metadata.name.startsWith(',
      ' | ................................^', ''].join('\n'));
  });

  it('sends upstream\'s AdmissionReview', async () => {
    const before = wh.reviews.length;
    expect((await c.kubectl(['create', '-f', 'mutate.yaml', '--dry-run=server'])).code).toBe(0);
    const create = wh.reviews.slice(before).find((r) => r.path.startsWith('/mutate'))!;
    expect(create.path).toBe('/mutate?timeout=10s');
    const req = create.body.request as Record<string, unknown>;
    expect(create.body).toMatchObject({ apiVersion: 'admission.k8s.io/v1', kind: 'AdmissionReview' });
    expect(req).toMatchObject({
      kind: { group: '', version: 'v1', kind: 'ConfigMap' }, resource: { group: '', version: 'v1', resource: 'configmaps' },
      requestKind: { group: '', version: 'v1', kind: 'ConfigMap' }, name: 'mutated', namespace: 'default', operation: 'CREATE',
      userInfo: { username: 'kubernetes-admin', groups: ['kubeadm:cluster-admins', 'system:authenticated'] },
      oldObject: null, dryRun: true, options: { kind: 'CreateOptions', apiVersion: 'meta.k8s.io/v1', dryRun: ['All'] },
    });
    expect((req.object as { metadata: { labels: object } }).metadata.labels).toEqual({ mutate: 'yes' });
    const del = wh.reviews.find((r) => r.path.startsWith('/deny-forbidden') && (r.body.request as unknown as { operation: string }).operation === 'DELETE')!;
    expect(del.body.request).toMatchObject({ name: 'keep', object: null, options: { kind: 'DeleteOptions' } });
    expect((del.body.request as unknown as { oldObject: { metadata: { labels: object } } }).oldObject.metadata.labels).toEqual({ protect: 'yes' });
    expect((await c.kubectl(['exec', 'execme', '--', 'echo', 'hi'])).stdout).toBe('hi\n');
    const exec = wh.reviews.filter((r) => r.path.startsWith('/exec?')).at(-1)!;
    expect(exec.body.request).toMatchObject({
      kind: { group: '', version: 'v1', kind: 'PodExecOptions' }, resource: { group: '', version: 'v1', resource: 'pods' }, subResource: 'exec',
      requestKind: { group: '', version: 'v1', kind: 'PodExecOptions' }, requestSubResource: 'exec', name: 'execme', namespace: 'default',
      operation: 'CONNECT', oldObject: null, dryRun: false, options: null,
      object: { kind: 'PodExecOptions', apiVersion: 'v1', stdout: true, stderr: true, container: 'execme', command: ['echo', 'hi'] },
    });
    // the validating webhook sees the command the mutating one wrote
    expect(wh.reviews.filter((r) => r.path.startsWith('/exec?')).map(command)).toContainEqual(['echo', 'patched']);
  });
});
