// `kubectl apply --server-side` end to end: the real kubectl v1.32.4 against our apiserver's
// server-side apply and managedFields. The expected field sets are upstream's encodings (the
// Server-Side Apply page of the Kubernetes docs shows the ConfigMap one; the Deployment ones are
// what a v1.32 cluster records for `kubectl create deployment` and `kubectl scale`), the conflict
// text is kube-apiserver's message followed by kubectl's advice (kubectl/pkg/cmd/apply/apply.go).
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { eventually, hasRealKubectl, useCluster } from '../support/cluster.js';

const c = useCluster();

const configMap = (data: string, labels = '    test-label: test\n'): string =>
  `apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: test-cm\n  namespace: default\n  labels:\n${labels}data:\n${data}`;

const CONFLICT_ADVICE = `Please review the fields above--they currently have other managers. Here
are the ways you can resolve this warning:
* If you intend to manage all of these fields, please re-run the apply
  command with the \`--force-conflicts\` flag.
* If you do not intend to manage all of the fields, please edit your
  manifest to remove references to the fields that should keep their
  current managers.
* You may co-own fields by updating your manifest to match the existing
  value; in this case, you'll become the manager if the other manager(s)
  stop managing the field (remove it from their configuration).
See https://kubernetes.io/docs/reference/using-api/server-side-apply/#conflicts
`;

interface Entry {
  manager: string;
  operation: string;
  apiVersion: string;
  time?: string;
  fieldsType: string;
  fieldsV1: Record<string, unknown>;
  subresource?: string;
}

async function managedFields(kind: string, name: string): Promise<Entry[]> {
  const r = await c.kubectl(['get', kind, name, '-o', 'yaml', '--show-managed-fields']);
  expect(r.code).toBe(0);
  return (parse(r.stdout) as { metadata: { managedFields: Entry[] } }).metadata.managedFields;
}

const rv = async (kind: string, name: string): Promise<string> => (await c.kubectl(['get', kind, name, '-o', 'jsonpath={.metadata.resourceVersion}'])).stdout;
const RFC3339 = /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ$/;

describe.skipIf(!hasRealKubectl)('kubectl apply --server-side', () => {
  it('creates an object owned by the manager `kubectl` (the docs example)', async () => {
    const r = await c.kubectl(['apply', '--server-side', '-f', c.file('cm.yaml', configMap('  key: some value\n'))]);
    expect(r).toEqual({ code: 0, stdout: 'configmap/test-cm serverside-applied\n', stderr: '' });
    const [entry, ...rest] = await managedFields('cm', 'test-cm');
    expect(rest).toEqual([]);
    expect(entry).toEqual({
      apiVersion: 'v1', fieldsType: 'FieldsV1', manager: 'kubectl', operation: 'Apply', time: expect.stringMatching(RFC3339),
      fieldsV1: { 'f:data': { 'f:key': {} }, 'f:metadata': { 'f:labels': { 'f:test-label': {} } } },
    });
  });

  it('hides managedFields unless asked (kubectl strips them client-side)', async () => {
    const plain = await c.kubectl(['get', 'cm', 'test-cm', '-o', 'yaml']);
    expect(plain.stdout).not.toContain('managedFields');
    expect((await c.kubectl(['get', 'cm', 'test-cm', '-o', 'json', '--show-managed-fields'])).stdout).toContain('"managedFields"');
  });

  it('re-applies an unchanged configuration without writing', async () => {
    const before = await rv('cm', 'test-cm');
    const r = await c.kubectl(['apply', '--server-side', '-f', 'cm.yaml']);
    expect(r).toEqual({ code: 0, stdout: 'configmap/test-cm serverside-applied\n', stderr: '' });
    expect(await rv('cm', 'test-cm')).toBe(before);
  });

  it('applies a changed field', async () => {
    const before = await rv('cm', 'test-cm');
    expect((await c.kubectl(['apply', '--server-side', '-f', c.file('cm.yaml', configMap('  key: changed\n'))])).code).toBe(0);
    expect((await c.kubectl(['get', 'cm', 'test-cm', '-o', 'jsonpath={.data.key}'])).stdout).toBe('changed');
    expect(await rv('cm', 'test-cm')).not.toBe(before);
  });

  it('fails on a field another manager owns with a different value: exit 1 and the conflict text', async () => {
    const other = c.file('other.yaml', configMap('  key: mine\n', '    test-label: test\n'));
    const r = await c.kubectl(['apply', '--server-side', '--field-manager=other', '-f', other]);
    expect(r).toEqual({ code: 1, stdout: '', stderr: `error: Apply failed with 1 conflict: conflict with "kubectl": .data.key\n${CONFLICT_ADVICE}` });
    expect((await c.kubectl(['get', 'cm', 'test-cm', '-o', 'jsonpath={.data.key}'])).stdout).toBe('changed');
  });

  it('takes the field with --force-conflicts: ownership moves, co-owned fields stay shared', async () => {
    const r = await c.kubectl(['apply', '--server-side', '--field-manager=other', '--force-conflicts', '-f', 'other.yaml']);
    expect(r).toEqual({ code: 0, stdout: 'configmap/test-cm serverside-applied\n', stderr: '' });
    const byManager = Object.fromEntries((await managedFields('cm', 'test-cm')).map((e) => [e.manager, e.fieldsV1]));
    expect(byManager).toEqual({
      kubectl: { 'f:metadata': { 'f:labels': { 'f:test-label': {} } } },
      other: { 'f:data': { 'f:key': {} }, 'f:metadata': { 'f:labels': { 'f:test-label': {} } } },
    });
  });

  it('removes fields a manager stops applying that nobody else owns', async () => {
    const both = configMap('  key: mine\n  extra: x\n', '    test-label: test\n    gone: soon\n');
    expect((await c.kubectl(['apply', '--server-side', '--field-manager=other', '-f', c.file('other.yaml', both)])).code).toBe(0);
    expect((await c.kubectl(['apply', '--server-side', '--field-manager=other', '-f', c.file('other.yaml', configMap('  key: mine\n', '    team: blue\n'))])).code).toBe(0);
    const r = await c.kubectl(['get', 'cm', 'test-cm', '-o', 'jsonpath={.data} {.metadata.labels}']);
    // test-label stays: `kubectl` still applies it.
    expect(r.stdout).toBe('{"key":"mine"} {"team":"blue","test-label":"test"}');
  });

  it('does not persist with --dry-run=server', async () => {
    const dry = c.file('dry.yaml', configMap('  key: v\n').replace('test-cm', 'dry-cm'));
    const r = await c.kubectl(['apply', '--server-side', '--dry-run=server', '-f', dry]);
    expect(r).toEqual({ code: 0, stdout: 'configmap/dry-cm serverside-applied (server dry run)\n', stderr: '' });
    expect((await c.kubectl(['get', 'cm', 'dry-cm'])).stderr).toBe('Error from server (NotFound): configmaps "dry-cm" not found\n');
  });
});

/** What a v1.32 cluster records for `kubectl create deployment web --image=nginx`. */
const CREATE_FIELDS = {
  'f:metadata': { 'f:labels': { '.': {}, 'f:app': {} } },
  'f:spec': {
    'f:progressDeadlineSeconds': {}, 'f:replicas': {}, 'f:revisionHistoryLimit': {}, 'f:selector': {},
    'f:strategy': { 'f:rollingUpdate': { '.': {}, 'f:maxSurge': {}, 'f:maxUnavailable': {} }, 'f:type': {} },
    'f:template': {
      'f:metadata': { 'f:labels': { '.': {}, 'f:app': {} } },
      'f:spec': {
        'f:containers': { 'k:{"name":"nginx"}': { '.': {}, 'f:image': {}, 'f:imagePullPolicy': {}, 'f:name': {}, 'f:resources': {}, 'f:terminationMessagePath': {}, 'f:terminationMessagePolicy': {} } },
        'f:dnsPolicy': {}, 'f:restartPolicy': {}, 'f:schedulerName': {}, 'f:securityContext': {}, 'f:terminationGracePeriodSeconds': {},
      },
    },
  },
};

const webApply = (replicas: number): string => `apiVersion: apps/v1
kind: Deployment
metadata:
  name: web
spec:
  replicas: ${replicas}
  selector:
    matchLabels: {app: web}
  template:
    metadata:
      labels: {app: web}
    spec:
      containers:
      - {name: nginx, image: nginx}
`;

describe.skipIf(!hasRealKubectl)('managedFields of every write', () => {
  it('records the creator and the controllers by their User-Agent', async () => {
    expect((await c.kubectl(['create', 'deployment', 'web', '--image=nginx'])).code).toBe(0);
    const create = (await managedFields('deploy', 'web')).find((e) => e.manager === 'kubectl-create');
    expect(create).toEqual({ apiVersion: 'apps/v1', fieldsType: 'FieldsV1', manager: 'kubectl-create', operation: 'Update', time: expect.stringMatching(RFC3339), fieldsV1: CREATE_FIELDS });
    await eventually(c, ['get', 'deploy', 'web', '-o', 'jsonpath={.status.readyReplicas}'], (out) => out === '1', 60_000);
    const status = (await managedFields('deploy', 'web')).find((e) => e.subresource === 'status');
    expect(status).toMatchObject({ manager: 'kube-controller-manager', operation: 'Update', apiVersion: 'apps/v1', subresource: 'status' });
    expect(Object.keys(status!.fieldsV1)).toContain('f:status');
    const pod = (await c.kubectl(['get', 'pod', '-l', 'app=web', '-o', 'name'])).stdout.trim();
    const podManagers = (await managedFields('pod', pod.replace('pod/', ''))).map((e) => [e.manager, e.operation, e.subresource ?? '']);
    expect(podManagers).toEqual([['kube-controller-manager', 'Update', ''], ['kubelet', 'Update', 'status']]);
  });

  it('conflicts on replicas with the creator, as "<manager>" using <apiVersion>', async () => {
    const r = await c.kubectl(['apply', '--server-side', '-f', c.file('web.yaml', webApply(2))]);
    expect(r.code).toBe(1);
    expect(r.stderr).toBe(`error: Apply failed with 1 conflict: conflict with "kubectl-create" using apps/v1: .spec.replicas\n${CONFLICT_ADVICE}`);
  });

  it('records kubectl scale under the scale subresource', async () => {
    expect((await c.kubectl(['scale', 'deploy', 'web', '--replicas=2'])).code).toBe(0);
    const entries = await managedFields('deploy', 'web');
    expect(entries.find((e) => e.subresource === 'scale')).toEqual({ apiVersion: 'apps/v1', fieldsType: 'FieldsV1', fieldsV1: { 'f:spec': { 'f:replicas': {} } }, manager: 'kubectl', operation: 'Update', subresource: 'scale' });
    expect((entries.find((e) => e.manager === 'kubectl-create')!.fieldsV1['f:spec'] as Record<string, unknown>)['f:replicas']).toBeUndefined();
  });

  it('names the manager after the User-Agent without --field-manager, and rejects one over 128 bytes', async () => {
    expect((await c.kubectl(['create', 'configmap', 'ua', '--from-literal=a=b', '--field-manager='])).code).toBe(0);
    expect((await managedFields('cm', 'ua')).map((e) => e.manager)).toEqual(['kubectl']);
    const r = await c.kubectl(['create', 'configmap', 'long', '--from-literal=a=b', `--field-manager=${'m'.repeat(129)}`]);
    expect(r).toEqual({ code: 1, stdout: '', stderr: 'error: failed to create configmap: CreateOptions.meta.k8s.io "" is invalid: fieldManager: Too long: may not be more than 128 bytes\n' });
  });

  it('upgrades an object made by client-side apply to server-side apply', async () => {
    const file = c.file('csa.yaml', webApply(1).replace(/web/g, 'csa'));
    expect((await c.kubectl(['apply', '-f', file])).code).toBe(0);
    expect((await managedFields('deploy', 'csa')).map((e) => e.manager)).toContain('kubectl-client-side-apply');
    const r = await c.kubectl(['apply', '--server-side', '-f', c.file('csa.yaml', webApply(3).replace(/web/g, 'csa'))]);
    expect(r).toEqual({ code: 0, stdout: 'deployment.apps/csa serverside-applied\n', stderr: '' });
    const managers = (await managedFields('deploy', 'csa')).map((e) => `${e.manager} ${e.operation}`);
    expect(managers).not.toContain('kubectl-client-side-apply Update');
    expect(managers).toContain('kubectl Apply');
    expect((await c.kubectl(['get', 'deploy', 'csa', '-o', 'jsonpath={.spec.replicas}'])).stdout).toBe('3');
  });
});
