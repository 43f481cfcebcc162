// node.k8s.io RuntimeClass, admissionregistration.k8s.io (webhook configurations, admission
// policies and bindings) and flowcontrol.apiserver.k8s.io (the APF bootstrap configuration):
// the real kubectl and ours against one live cluster — discovery, explain, the bootstrap flow
// schemas and priority levels, create/get/describe, defaults, and validation errors.
import { beforeAll, describe, expect, it } from 'vitest';
import { eventually, hasRealKubectl, useCluster } from '../support/cluster.js';
import { expectSame, type Case } from './differential.js';

const RUNTIME_CLASS = `apiVersion: node.k8s.io/v1
kind: RuntimeClass
metadata:
  name: gvisor
handler: runsc
overhead:
  podFixed:
    memory: 1024Mi
    cpu: 0.25
scheduling:
  nodeSelector:
    runtime: gvisor
  tolerations:
  - key: sandbox
    operator: Exists
    effect: NoSchedule
`;
const BAD_RUNTIME_CLASS = `apiVersion: node.k8s.io/v1
kind: RuntimeClass
metadata:
  name: bad
handler: Run_SC
overhead:
  podFixed:
    foo: -1
scheduling:
  tolerations:
  - key: sandbox
    operator: Exists
  - key: sandbox
    operator: Exists
`;
const WEBHOOK = `apiVersion: admissionregistration.k8s.io/v1
kind: ValidatingWebhookConfiguration
metadata:
  name: pod-policy.example.com
webhooks:
- name: pod-policy.example.com
  rules:
  - apiGroups: [""]
    apiVersions: ["v1"]
    operations: ["CREATE"]
    resources: ["pods"]
  clientConfig:
    service:
      namespace: default
      name: webhook
  admissionReviewVersions: ["v1"]
  sideEffects: None
`;
const MUTATING = `apiVersion: admissionregistration.k8s.io/v1
kind: MutatingWebhookConfiguration
metadata:
  name: inject.example.com
webhooks:
- name: inject.example.com
  clientConfig:
    url: https://inject.example.com/mutate
  admissionReviewVersions: ["v1", "v1beta1"]
  sideEffects: NoneOnDryRun
  timeoutSeconds: 5
`;
const BAD_WEBHOOK = `apiVersion: admissionregistration.k8s.io/v1
kind: ValidatingWebhookConfiguration
metadata:
  name: bad
webhooks:
- name: short
  rules:
  - apiGroups: ["*", "apps"]
    apiVersions: ["v1"]
    operations: ["*", "PATCH"]
    resources: ["*", "pods"]
    scope: Everywhere
  clientConfig:
    url: http://user@example.com/x?a=b#frag
  admissionReviewVersions: ["v2", "v2"]
  sideEffects: Some
  timeoutSeconds: 31
- name: a.b.c
  clientConfig:
    service:
      name: svc
      namespace: ""
      path: "no//slash/"
      port: 70000
  admissionReviewVersions: ["v1"]
  sideEffects: None
- name: a.b.c
  clientConfig: {}
  admissionReviewVersions: ["v1"]
  sideEffects: None
`;
const POLICY = `apiVersion: admissionregistration.k8s.io/v1
kind: ValidatingAdmissionPolicy
metadata:
  name: demo-policy.example.com
spec:
  paramKind:
    apiVersion: v1
    kind: ConfigMap
  matchConstraints:
    resourceRules:
    - apiGroups: ["apps"]
      apiVersions: ["v1"]
      operations: ["CREATE", "UPDATE"]
      resources: ["deployments"]
  validations:
  - expression: "object.spec.replicas <= 5"
    message: too many replicas
`;
const BINDING = `apiVersion: admissionregistration.k8s.io/v1
kind: ValidatingAdmissionPolicyBinding
metadata:
  name: demo-binding
spec:
  policyName: demo-policy.example.com
  validationActions: [Deny]
  paramRef:
    name: limits
    parameterNotFoundAction: Deny
  matchResources:
    namespaceSelector:
      matchLabels:
        env: test
`;
const BAD_POLICY = `apiVersion: admissionregistration.k8s.io/v1
kind: ValidatingAdmissionPolicy
metadata:
  name: bad-policy
spec:
  failurePolicy: Maybe
  paramKind:
    apiVersion: a/b/c
    kind: Config_Map
  matchConstraints:
    matchPolicy: Fuzzy
  variables:
  - name: "1abc"
    expression: " "
  validations:
  - expression: ""
    message: "line\\nbreak"
    reason: Teapot
`;
const BAD_BINDING = `apiVersion: admissionregistration.k8s.io/v1
kind: ValidatingAdmissionPolicyBinding
metadata:
  name: bad-binding
spec:
  policyName: Bad_Policy
  validationActions: [Deny, Warn, Deny, Shout]
  paramRef:
    name: x
    selector: {}
    parameterNotFoundAction: Maybe
  matchResources:
    matchPolicy: Fuzzy
`;
const DANGLING = `apiVersion: flowcontrol.apiserver.k8s.io/v1
kind: FlowSchema
metadata:
  name: orphan
spec:
  priorityLevelConfiguration:
    name: nowhere
  distinguisherMethod:
    type: ByUser
  rules:
  - subjects:
    - kind: User
      user:
        name: alice
    nonResourceRules:
    - verbs: ["get"]
      nonResourceURLs: ["/metrics"]
`;
const BAD_FLOW_SCHEMA = `apiVersion: flowcontrol.apiserver.k8s.io/v1
kind: FlowSchema
metadata:
  name: bad-schema
spec:
  priorityLevelConfiguration:
    name: Workload_Low
  matchingPrecedence: 1
  rules:
  - subjects:
    - kind: Robot
    resourceRules:
    - verbs: ["get", "fly"]
      apiGroups: ["*", "apps"]
      resources: ["pods"]
`;
const BAD_LEVEL = `apiVersion: flowcontrol.apiserver.k8s.io/v1
kind: PriorityLevelConfiguration
metadata:
  name: bad-level
spec:
  type: Limited
  limited:
    lendablePercent: 120
    limitResponse:
      type: Queue
      queuing:
        queues: 4
        handSize: 8
`;

describe.skipIf(!hasRealKubectl)('kubectl with RuntimeClass, admission registration and flow control, ours against the real one', () => {
  const c = useCluster();
  beforeAll(async () => {
    const files = {
      'rc.yaml': RUNTIME_CLASS, 'bad-rc.yaml': BAD_RUNTIME_CLASS, 'webhook.yaml': WEBHOOK, 'mutating.yaml': MUTATING, 'bad-webhook.yaml': BAD_WEBHOOK,
      'policy.yaml': POLICY, 'binding.yaml': BINDING, 'bad-policy.yaml': BAD_POLICY, 'bad-binding.yaml': BAD_BINDING,
      'dangling.yaml': DANGLING, 'bad-schema.yaml': BAD_FLOW_SCHEMA, 'bad-level.yaml': BAD_LEVEL,
    };
    for (const [name, text] of Object.entries(files)) c.file(name, text);
    for (const f of ['mutating.yaml', 'binding.yaml', 'dangling.yaml']) expect((await c.kubectl(['create', '-f', f])).code).toBe(0);
    await eventually(c, ['get', 'flowschema', 'orphan', '-o', 'jsonpath={.status.conditions[0].status}'], (out) => out === 'True');
    await eventually(c, ['get', 'flowschema', 'exempt', '-o', 'jsonpath={.status.conditions[0].status}'], (out) => out === 'False');
  }, 60_000);
  const deleteAfter = (kind: string, name: string) => [['delete', kind, name]];
  const cases = (): Case[] => [
    // discovery: no short names; the admission kinds in the api-extensions category
    { args: ['api-resources', '--api-group=node.k8s.io'] },
    { args: ['api-resources', '--api-group=admissionregistration.k8s.io', '-o', 'wide'] },
    { args: ['api-resources', '--api-group=flowcontrol.apiserver.k8s.io', '-o', 'wide'] },
    { args: ['api-resources', '--categories=api-extensions'] },
    { args: ['api-versions'] },
    { args: ['explain', 'runtimeclass'] },
    { args: ['explain', 'validatingwebhookconfiguration.webhooks.clientConfig'] },
    { args: ['explain', 'prioritylevelconfiguration.spec.limited', '--recursive'] },
    // the APF configuration a fresh v1.32 apiserver creates, with the controller's conditions
    { args: ['get', 'prioritylevelconfigurations'] },
    { args: ['get', 'prioritylevelconfiguration', 'exempt', '-o', 'yaml'] },
    { args: ['get', 'prioritylevelconfiguration', 'workload-high', '-o', 'json'] },
    { args: ['describe', 'prioritylevelconfiguration', 'catch-all'] },
    { args: ['get', 'flowschemas', '-o', 'wide'] },
    { args: ['get', 'flowschema', 'system-leader-election', '-o', 'yaml'] },
    { args: ['describe', 'flowschema', 'probes'] },
    { args: ['get', 'flowschemas,prioritylevelconfigurations', '--show-kind'] },
    // the mandatory levels and schemas keep their spec
    { args: ['patch', 'prioritylevelconfiguration', 'catch-all', '--type=merge', '-p', '{"spec":{"limited":{"nominalConcurrencyShares":6}}}'] },
    { args: ['patch', 'flowschema', 'exempt', '--type=merge', '-p', '{"spec":{"matchingPrecedence":2}}'] },
    { args: ['patch', 'prioritylevelconfiguration', 'exempt', '--type=merge', '-p', '{"spec":{"exempt":{"lendablePercent":10}}}', '--dry-run=server', '-o', 'jsonpath={.spec}'] },
    { args: ['create', '-f', 'bad-schema.yaml'] },
    { args: ['create', '-f', 'bad-level.yaml'] },
    // RuntimeClass: create, get, describe, defaults, immutable handler, validation
    { args: ['create', '-f', 'rc.yaml'], undo: deleteAfter('runtimeclass', 'gvisor') },
    { args: ['create', '-f', 'rc.yaml', '--dry-run=server', '-o', 'yaml'] },
    { args: ['create', '-f', 'bad-rc.yaml'] },
    // webhook configurations
    { args: ['create', '-f', 'webhook.yaml'], undo: deleteAfter('validatingwebhookconfiguration', 'pod-policy.example.com') },
    { args: ['create', '-f', 'webhook.yaml', '--dry-run=server', '-o', 'yaml'] },
    { args: ['get', 'mutatingwebhookconfigurations'] },
    { args: ['get', 'mutatingwebhookconfiguration', 'inject.example.com', '-o', 'yaml'] },
    { args: ['describe', 'mutatingwebhookconfiguration', 'inject.example.com'] },
    { args: ['create', '-f', 'bad-webhook.yaml'] },
    { args: ['patch', 'mutatingwebhookconfiguration', 'inject.example.com', '--type=json', '-p', '[{"op":"replace","path":"/webhooks/0/sideEffects","value":"Some"}]'] },
    // admission policies and their bindings
    { args: ['create', '-f', 'policy.yaml'], undo: deleteAfter('validatingadmissionpolicy', 'demo-policy.example.com') },
    { args: ['create', '-f', 'policy.yaml', '--dry-run=server', '-o', 'yaml'] },
    { args: ['get', 'validatingadmissionpolicybindings'] },
    { args: ['get', 'validatingadmissionpolicybinding', 'demo-binding', '-o', 'yaml'] },
    { args: ['describe', 'validatingadmissionpolicybinding', 'demo-binding'] },
    { args: ['create', '-f', 'bad-policy.yaml'] },
    { args: ['create', '-f', 'bad-binding.yaml'] },
    { args: ['get', 'validatingwebhookconfigurations,mutatingwebhookconfigurations,validatingadmissionpolicies,validatingadmissionpolicybindings,runtimeclasses'] },
  ];
  it.each(cases().map((k) => [k.args.join(' '), k] as const))('%s', async (_name, k) => {
    await expectSame(c, k);
  });
  it('gets, describes and keeps the handler of a RuntimeClass', async () => {
    expect((await c.kubectl(['create', '-f', 'rc.yaml'])).code).toBe(0);
    for (const args of [['get', 'runtimeclass'], ['get', 'runtimeclass', 'gvisor', '-o', 'yaml'], ['describe', 'runtimeclass', 'gvisor'], ['patch', 'runtimeclass', 'gvisor', '--type=merge', '-p', '{"handler":"runc"}']]) {
      await expectSame(c, { args });
    }
    // RuntimeClass admission: the class's overhead, node selector and tolerations go into a new
    // pod; a missing class, a contradicting selector or a foreign overhead reject it
    const run = (name: string, spec: object, ...rest: string[]) => ['run', name, '--image=nginx', `--overrides=${JSON.stringify({ spec })}`, ...rest];
    for (const args of [
      run('sandboxed', { runtimeClassName: 'gvisor', nodeSelector: { disk: 'ssd' } }, '--dry-run=server', '-o', 'jsonpath={.spec.overhead} {.spec.nodeSelector} {.spec.tolerations}'),
      run('nokata', { runtimeClassName: 'kata' }),
      run('clash', { runtimeClassName: 'gvisor', nodeSelector: { runtime: 'runc' } }),
      run('heavy', { runtimeClassName: 'gvisor', overhead: { cpu: '1' } }),
      run('heavy', { overhead: { cpu: '1' } }),
    ]) await expectSame(c, { args });
  });
  it('gets and describes a webhook configuration, an admission policy (with its status) and a dangling flow schema', async () => {
    expect((await c.kubectl(['create', '-f', 'webhook.yaml'])).code).toBe(0);
    expect((await c.kubectl(['create', '-f', 'policy.yaml'])).code).toBe(0);
    // the controller-manager's status controller records the generation it checked
    await eventually(c, ['get', 'validatingadmissionpolicy', 'demo-policy.example.com', '-o', 'jsonpath={.status.observedGeneration}'], (out) => out === '1');
    for (const args of [
      ['get', 'validatingadmissionpolicy', 'demo-policy.example.com', '-o', 'yaml'],
      ['get', 'validatingwebhookconfiguration', 'pod-policy.example.com', '-o', 'yaml'], ['describe', 'validatingwebhookconfiguration', 'pod-policy.example.com'],
      ['get', 'validatingadmissionpolicies', '-o', 'wide'], ['describe', 'validatingadmissionpolicy', 'demo-policy.example.com'],
      ['get', 'flowschema', 'orphan'], ['get', 'flowschema', 'orphan', '-o', 'yaml'],
    ]) await expectSame(c, { args });
  });
});
