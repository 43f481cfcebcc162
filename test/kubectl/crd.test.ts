// CustomResourceDefinitions and custom resources: the real kubectl and ours against one live
// cluster — CRD status, discovery, server-side Tables from additionalPrinterColumns, the generic
// describer, schema validation, pruning and defaulting, and the patch types a CR accepts.
import { beforeAll, describe, expect, it } from 'vitest';
import { hasRealKubectl, useCluster } from '../support/cluster.js';
import { expectSame, type Case } from './differential.js';

const CRD = `apiVersion: apiextensions.k8s.io/v1
kind: CustomResourceDefinition
metadata:
  name: crontabs.stable.example.com
spec:
  group: stable.example.com
  versions:
    - name: v1
      served: true
      storage: true
      schema:
        openAPIV3Schema:
          type: object
          properties:
            spec:
              type: object
              properties:
                cronSpec:
                  type: string
                  pattern: '^(\\d+|\\*)(/\\d+)?(\\s+(\\d+|\\*)(/\\d+)?){4}$'
                image:
                  type: string
                replicas:
                  type: integer
                  minimum: 1
                  maximum: 10
                  default: 1
      additionalPrinterColumns:
      - name: Spec
        type: string
        description: The cron spec defining the interval a CronJob is run
        jsonPath: .spec.cronSpec
      - name: Replicas
        type: integer
        description: The number of jobs launched by the CronJob
        jsonPath: .spec.replicas
      - name: Age
        type: date
        jsonPath: .metadata.creationTimestamp
  scope: Namespaced
  names:
    plural: crontabs
    singular: crontab
    kind: CronTab
    shortNames:
    - ct
`;
const CR = `apiVersion: "stable.example.com/v1"
kind: CronTab
metadata:
  name: my-new-cron-object
spec:
  cronSpec: "* * * * */5"
  image: my-awesome-cron-image
`;
const BAD_CR = `apiVersion: "stable.example.com/v1"
kind: CronTab
metadata:
  name: bad
spec:
  cronSpec: "x"
  image: 5
  replicas: 20
  extra: 1
`;
const BAD_CRD = `apiVersion: apiextensions.k8s.io/v1
kind: CustomResourceDefinition
metadata:
  name: foos.example.com
spec:
  group: examplecom
  scope: Everywhere
  versions:
  - name: V1
    served: true
    storage: false
  names:
    plural: bars
    kind: Foo
`;
const CLUSTER_CRD = CRD.replaceAll('crontabs', 'backups').replaceAll('crontab', 'backup').replaceAll('CronTab', 'Backup').replace('scope: Namespaced', 'scope: Cluster').replace('- ct', '- bk')
  .replace('            spec:\n', '            status:\n              type: object\n              default: {}\n              properties:\n                phase:\n                  type: string\n                  default: Pending\n                replicas:\n                  type: integer\n            spec:\n')
  .replace('      additionalPrinterColumns:', '      subresources:\n        status: {}\n        scale:\n          specReplicasPath: .spec.replicas\n          statusReplicasPath: .status.replicas\n      additionalPrinterColumns:');

describe.skipIf(!hasRealKubectl)('kubectl with custom resources, ours against the real one', () => {
  const c = useCluster();
  beforeAll(async () => {
    c.file('crd.yaml', CRD);
    c.file('cr.yaml', CR);
    c.file('bad.yaml', BAD_CR);
    c.file('bad-crd.yaml', BAD_CRD);
    c.file('bad-crd-field.yaml', CRD.replace('      storage: true\n', '      storage: true\n      bogus: 1\n'));
    c.file('cluster-crd.yaml', CLUSTER_CRD);
    c.file('backup.yaml', 'apiVersion: stable.example.com/v1\nkind: Backup\nmetadata:\n  name: nightly\nspec:\n  image: x\n  replicas: 3\n');
    for (const f of ['crd.yaml', 'cluster-crd.yaml']) await c.kubectl(['create', '-f', f]);
    await c.kubectl(['wait', '--for=condition=established', 'crd/crontabs.stable.example.com', 'crd/backups.stable.example.com']);
    for (const f of ['cr.yaml', 'backup.yaml']) await c.kubectl(['create', '-f', f]);
  }, 60_000);
  const cases = (): Case[] => [
    { args: ['get', 'crd'] },
    { args: ['get', 'crd', 'crontabs.stable.example.com', '-o', 'jsonpath={.spec.conversion}{.spec.names}{.status.acceptedNames}{.status.conditions[*].reason}{.status.storedVersions}'] },
    { args: ['get', 'crontabs'] },
    { args: ['get', 'ct', '-o', 'wide'] },
    { args: ['get', 'crontabs.stable.example.com', '-o', 'name'] },
    { args: ['get', 'crontabs.v1.stable.example.com', 'my-new-cron-object', '-o', 'jsonpath={.spec}{.metadata.generation}'] },
    { args: ['get', 'ct', '-A'] },
    { args: ['get', 'ct', 'nosuch'] },
    { args: ['get', 'backups'] },
    { args: ['get', 'bk', '-n', 'default'] },
    { args: ['describe', 'crontab', 'my-new-cron-object'] },
    { args: ['describe', 'backup', 'nightly'] },
    { args: ['describe', 'crd', 'crontabs.stable.example.com'] },
    { args: ['get', 'crd', 'backups.stable.example.com', '-o', 'yaml'] },
    { args: ['explain', 'crontab.spec'] },
    { args: ['explain', 'backup', '--recursive'] },
    { args: ['explain', 'crontab.spec.nope'] },
    // the CustomResourceDefinition kind itself (apiextensions.k8s.io/v1 in the server's OpenAPI)
    { args: ['explain', 'crd'] },
    { args: ['explain', 'customresourcedefinition.spec.versions.schema'] },
    { args: ['explain', 'crd.spec.names', '--recursive'] },
    { args: ['apply', '-f', 'bad-crd-field.yaml', '--dry-run=server'] },
    { args: ['api-resources', '--api-group=stable.example.com'] },
    { args: ['api-resources', '--categories=api-extensions'] },
    { args: ['api-versions'] },
    { args: ['get', 'ct', 'my-new-cron-object', '-o', 'custom-columns=N:.metadata.name,R:.spec.replicas'] },
    // schema: pattern, type, maximum; unknown fields under Strict, pruned under Ignore
    { args: ['create', '-f', 'bad.yaml'] },
    { args: ['create', '-f', 'bad.yaml', '--validate=false'] },
    { args: ['create', '-f', 'bad-crd.yaml'] },
    // patches: strategic merge is refused, merge and JSON patches go through the schema
    { args: ['patch', 'ct', 'my-new-cron-object', '-p', '{"spec":{"replicas":3}}', '--dry-run=server'] },
    { args: ['patch', 'ct', 'my-new-cron-object', '--type=merge', '-p', '{"spec":{"replicas":3,"junk":1}}', '--dry-run=server', '-o', 'yaml'] },
    { args: ['patch', 'ct', 'my-new-cron-object', '--type=json', '-p', '[{"op":"replace","path":"/spec/replicas","value":0}]', '--dry-run=server'] },
    { args: ['label', 'ct', 'my-new-cron-object', 'tier=cron', '--dry-run=server', '-o', 'yaml'] },
    { args: ['annotate', 'bk', 'nightly', 'note=x'], undo: [['annotate', 'bk', 'nightly', 'note-']] },
    { args: ['scale', 'ct', 'my-new-cron-object', '--replicas=2'] },
    // a scale subresource maps replicas to the CRD's paths; status is its own subresource
    { args: ['scale', 'bk', 'nightly', '--replicas=4'], undo: [['scale', 'bk', 'nightly', '--replicas=3']] },
    { args: ['get', 'bk', 'nightly', '--subresource=scale', '-o', 'jsonpath={.spec}{.status}'] },
    // a default for an absent status shows on every read (create drops status: it has its own subresource)
    { args: ['get', 'bk', 'nightly', '-o', 'jsonpath={.status}'] },
    { args: ['patch', 'bk', 'nightly', '--subresource=status', '--type=merge', '-p', '{"status":{"replicas":2}}', '--dry-run=server', '-o', 'jsonpath={.status}{.metadata.generation}'] },
    { args: ['patch', 'bk', 'nightly', '--type=merge', '-p', '{"status":{"replicas":2}}', '--dry-run=server', '-o', 'jsonpath={.status}'] },
    { args: ['apply', '-f', 'cr.yaml'], undo: [['annotate', 'ct', 'my-new-cron-object', 'kubectl.kubernetes.io/last-applied-configuration-']] },
    { args: ['delete', 'ct', 'my-new-cron-object', '--dry-run=server'] },
  ];
  it.each(cases().map((k) => [k.args.join(' '), k] as const))('%s', async (_name, k) => {
    await expectSame(c, k);
  });

  it('explains the CustomResourceDefinition kind from the OpenAPI the server publishes', async () => {
    const r = await c.ourKubectl(['explain', 'crd.spec.versions.schema']);
    expect(r.stdout).toContain('FIELD: schema <CustomResourceValidation>');
    expect(r.stdout).toContain('openAPIV3Schema\t<JSONSchemaProps>');
    expect((await c.ourKubectl(['apply', '-f', 'bad-crd-field.yaml', '--dry-run=server'])).stderr).toContain('strict decoding error: unknown field "spec.versions[0].bogus"');
  });
});
