// The apiserver decodes create/update bodies into the kind's Go struct: a wrongly typed field is a
// 400 BadRequest with encoding/json's UnmarshalTypeError text (sigs.k8s.io/json decode.go,
// apiserver handlers/rest.go transformDecodeError), driven through the REAL kubectl v1.32.4.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hasRealKubectl, useCluster } from '../support/cluster.js';

const NS = 'type-errors';

const DEPLOY = `apiVersion: apps/v1
kind: Deployment
metadata: {name: web, namespace: ${NS}}
spec:
  selector: {matchLabels: {app: web}}
  template:
    metadata: {labels: {app: web}}
    spec:
      containers:
      - name: web
        image: nginx
        env: [{name: PORT, value: 8080}]
`;

const FILES: Record<string, string> = {
  'deploy.yaml': DEPLOY,
  'deploy-ok.yaml': DEPLOY.replace('value: 8080', 'value: "8080"'),
  'pod.json': JSON.stringify({ apiVersion: 'v1', kind: 'Pod', metadata: { name: 'p', labels: { env: true } }, spec: { containers: [{ name: 'c', image: 'nginx' }] } }),
  'pod.yaml': `apiVersion: v1\nkind: Pod\nmetadata: {name: p, namespace: ${NS}, labels: {env: true}}\nspec: {containers: [{name: c, image: nginx}]}\n`,
  'svc.yaml': `apiVersion: v1\nkind: Service\nmetadata: {name: s, namespace: ${NS}}\nspec: {ports: [{port: "80x"}]}\n`,
  'cm.yaml': `apiVersion: v1\nkind: ConfigMap\nmetadata: {name: c, namespace: ${NS}}\ndata: {a: 1}\n`,
};

// Captured from kubectl v1.32.4 against kube-apiserver v1.32 (`kubectl apply -f deploy.yaml`):
// Error from server (BadRequest): error when creating "deploy.yaml": Deployment in version "v1"
// cannot be handled as a Deployment: json: cannot unmarshal number into Go struct field
// EnvVar.spec.template.spec.containers.env.value of type string
const cases: { name: string; args: string[]; stderr: string }[] = [
  {
    name: 'a number into an env value (apply)',
    args: ['apply', '-f', 'deploy.yaml'],
    stderr: 'Error from server (BadRequest): error when creating "deploy.yaml": Deployment in version "v1" cannot be handled as a Deployment: json: cannot unmarshal number into Go struct field EnvVar.spec.template.spec.containers.env.value of type string\n',
  },
  {
    name: 'a string into an int32 (create)',
    args: ['create', '-f', 'svc.yaml'],
    stderr: 'Error from server (BadRequest): error when creating "svc.yaml": Service in version "v1" cannot be handled as a Service: json: cannot unmarshal string into Go struct field ServicePort.spec.ports.port of type int32\n',
  },
  {
    name: 'a number into a map of strings (apply)',
    args: ['apply', '-f', 'cm.yaml'],
    stderr: 'Error from server (BadRequest): error when creating "cm.yaml": ConfigMap in version "v1" cannot be handled as a ConfigMap: json: cannot unmarshal number into Go struct field ConfigMap.data of type string\n',
  },
  {
    // kubectl's own builder decodes metadata into ObjectMeta first (metadataValidatingDecoder)
    name: 'a bool label (apply: refused by kubectl itself)',
    args: ['apply', '-f', 'pod.yaml'],
    stderr: 'error: unable to decode "pod.yaml": json: cannot unmarshal bool into Go struct field ObjectMeta.metadata.labels of type string\n',
  },
  {
    name: 'a bool label (raw POST: refused by the apiserver)',
    args: ['create', '--raw', `/api/v1/namespaces/${NS}/pods`, '-f', 'pod.json'],
    stderr: 'Error from server (BadRequest): Pod in version "v1" cannot be handled as a Pod: json: cannot unmarshal bool into Go struct field ObjectMeta.metadata.labels of type string\n',
  },
];

describe.skipIf(!hasRealKubectl)('wrongly typed fields, through the real kubectl', () => {
  const c = useCluster();
  beforeAll(async () => {
    for (const [name, text] of Object.entries(FILES)) c.file(name, text);
    await c.kubectl(['create', 'namespace', NS]);
  });
  afterAll(async () => {
    await c.kubectl(['delete', 'namespace', NS, '--wait=false']);
  });

  it.each(cases)('$name', async ({ args, stderr }) => {
    const r = await c.kubectl(args);
    expect({ stderr: r.stderr, code: r.code, stdout: r.stdout }).toEqual({ stderr, code: 1, stdout: '' });
  });

  it('stores nothing from a rejected body', async () => {
    const r = await c.kubectl(['-n', NS, 'get', 'deploy,svc,cm,pods', '--ignore-not-found', '-o', 'name']);
    expect(r.stdout.split('\n').filter((l) => l !== '' && l !== 'configmap/kube-root-ca.crt')).toEqual([]);
  });

  it('a correctly typed manifest is still created', async () => {
    const r = await c.kubectl(['apply', '-f', 'deploy-ok.yaml']);
    expect({ stdout: r.stdout, stderr: r.stderr, code: r.code }).toEqual({ stdout: 'deployment.apps/web created\n', stderr: '', code: 0 });
  });

  it('a merge patch whose result does not decode is 422 Invalid', async () => {
    const r = await c.kubectl(['-n', NS, 'patch', 'deploy', 'web', '--type', 'merge', '-p', '{"spec":{"replicas":"3"}}']);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/^The request is invalid: patch: Invalid value: ".*": json: cannot unmarshal string into Go struct field DeploymentSpec\.spec\.replicas of type int32\n$/);
  });
});
