// ValidatingAdmissionPolicy enforced by the apiserver (CEL through @marcbachmann/cel-js): the real
// kubectl and ours on one cluster see the same denials (Deny), warnings (Warn), param lookups
// (a ConfigMap by name, parameterNotFoundAction Deny), variables, messageExpression, reasons,
// matchConditions, namespace and object selectors, evaluation errors under failurePolicy, a
// CONNECT (exec) judged on its PodExecOptions, and expressions that do not compile refused.
import { beforeAll, describe, expect, it } from 'vitest';
import { eventually, hasRealKubectl, useCluster } from '../support/cluster.js';
import { expectSame, type Case } from './differential.js';

const POLICIES = `apiVersion: admissionregistration.k8s.io/v1
kind: ValidatingAdmissionPolicy
metadata: {name: replica-limit.example.com}
spec:
  paramKind: {apiVersion: v1, kind: ConfigMap}
  matchConstraints:
    resourceRules:
    - {apiGroups: ["apps"], apiVersions: ["v1"], operations: ["CREATE", "UPDATE"], resources: ["deployments"]}
  matchConditions:
  - name: not-exempt
    expression: "!has(object.metadata.labels) || !('exempt' in object.metadata.labels)"
  variables:
  - name: max
    expression: "int(params.data.maxReplicas)"
  validations:
  - expression: "object.spec.replicas <= variables.max"
    messageExpression: "'replicas must be no greater than ' + string(variables.max)"
  - expression: "object.spec.template.spec.containers.all(c, !c.image.endsWith(':latest'))"
    message: no latest images
    reason: Forbidden
---
apiVersion: admissionregistration.k8s.io/v1
kind: ValidatingAdmissionPolicyBinding
metadata: {name: replica-limit-test}
spec:
  policyName: replica-limit.example.com
  validationActions: [Deny]
  paramRef: {name: limits, namespace: default, parameterNotFoundAction: Deny}
  matchResources:
    namespaceSelector:
      matchLabels: {env: test}
---
apiVersion: admissionregistration.k8s.io/v1
kind: ValidatingAdmissionPolicyBinding
metadata: {name: replica-limit-missing}
spec:
  policyName: replica-limit.example.com
  validationActions: [Deny]
  paramRef: {name: nosuch, namespace: default, parameterNotFoundAction: Deny}
  matchResources:
    namespaceSelector:
      matchLabels: {env: missing}
---
apiVersion: admissionregistration.k8s.io/v1
kind: ValidatingAdmissionPolicy
metadata: {name: owner-label}
spec:
  matchConstraints:
    resourceRules:
    - {apiGroups: [""], apiVersions: ["v1"], operations: ["CREATE"], resources: ["configmaps"]}
    namespaceSelector:
      matchExpressions: [{key: kubernetes.io/metadata.name, operator: In, values: [default]}]
  validations:
  - expression: "'owner' in object.metadata.labels"
  - expression: "object.data.size.startsWith('x')"
---
apiVersion: admissionregistration.k8s.io/v1
kind: ValidatingAdmissionPolicyBinding
metadata: {name: owner-label-warn}
spec:
  policyName: owner-label
  validationActions: [Warn]
---
apiVersion: admissionregistration.k8s.io/v1
kind: ValidatingAdmissionPolicy
metadata: {name: no-shell-exec}
spec:
  matchConstraints:
    resourceRules:
    - {apiGroups: [""], apiVersions: ["v1"], operations: ["CONNECT"], resources: ["pods/exec"]}
  validations:
  - expression: "request.operation == 'CONNECT' && !(object.command[0] in ['sh', 'bash'])"
    messageExpression: "'no shells in ' + request.name + ' (' + request.kind.kind + ')'"
    reason: Forbidden
---
apiVersion: admissionregistration.k8s.io/v1
kind: ValidatingAdmissionPolicyBinding
metadata: {name: no-shell-exec}
spec:
  policyName: no-shell-exec
  validationActions: [Deny]
  matchResources:
    namespaceSelector:
      matchLabels: {env: test}
`;

describe.skipIf(!hasRealKubectl)('ValidatingAdmissionPolicy, ours against the real kubectl (skipped: no /usr/bin/kubectl)', () => {
  const c = useCluster('policies');
  beforeAll(async () => {
    c.file('policies.yaml', POLICIES);
    c.file('broken.yaml', [
      'apiVersion: admissionregistration.k8s.io/v1', 'kind: ValidatingAdmissionPolicy', 'metadata: {name: broken.example.com}', 'spec:',
      '  matchConstraints: {resourceRules: [{apiGroups: [""], apiVersions: [v1], operations: [CREATE], resources: [configmaps]}]}',
      '  matchConditions: [{name: c1, expression: "object.metadata.name.startsWith("}]',
      '  validations:', '  - expression: "object.data.size <="', '    messageExpression: "\'too big\'"', '  - expression: "true"', '    messageExpression: "\'x\' +* 1"',
      '  - expression: "params.max > 0"', '  - expression: "objet.data.x == \'y\'"', ''].join('\n'));
    const deploy = (name: string, image: string, replicas: number, labels = '{app: x}') =>
      `apiVersion: apps/v1\nkind: Deployment\nmetadata: {name: ${name}, namespace: vt, labels: ${labels}}\nspec:\n  replicas: ${replicas}\n  selector: {matchLabels: {app: x}}\n  template:\n    metadata: {labels: {app: x}}\n    spec: {containers: [{name: c, image: "${image}"}]}\n`;
    c.file('too-many.yaml', deploy('too-many', 'nginx:1.25', 7));
    c.file('latest.yaml', deploy('latest', 'nginx:latest', 2));
    c.file('exempt.yaml', deploy('exempt', 'nginx:latest', 9, '{app: x, exempt: "yes"}'));
    c.file('fine.yaml', deploy('fine', 'nginx:1.25', 2));
    const steps = async (list: string[][]): Promise<void> => {
      for (const args of list) {
        const r = await c.kubectl(args);
        expect(r.code, `${args.join(' ')}: ${r.stderr}`).toBe(0);
      }
    };
    await steps([['create', 'namespace', 'vt'], ['label', 'namespace', 'vt', 'env=test'], ['create', 'namespace', 'vm'], ['label', 'namespace', 'vm', 'env=missing'], ['create', '-f', 'policies.yaml']]);
    // a pod is refused until the serviceaccount controller has made the namespace's default account
    await eventually(c, ['-n', 'vt', 'get', 'sa', 'default', '-o', 'name'], (out) => out !== '');
    await steps([['-n', 'vt', 'run', 'execme', '--image=busybox', '--', 'sleep', '3600'], ['-n', 'vt', 'wait', '--for=condition=Ready', 'pod/execme', '--timeout=60s']]);
    // the policies are enforced once the apiserver's watch has them: no params yet, so a denial
    for (let i = 0; i < 100 && (await c.kubectl(['-n', 'vt', 'create', 'deployment', 'probe', '--image=nginx', '--dry-run=server'])).code === 0; i++);
    expect((await c.kubectl(['create', 'configmap', 'limits', '--from-literal=maxReplicas=5'])).code).toBe(0);
  }, 120_000);

  const cases = (): Case[] => [
    { args: ['apply', '-f', 'too-many.yaml'] },
    { args: ['create', '-f', 'latest.yaml'] },
    { args: ['-n', 'vt', 'create', 'deployment', 'big', '--image=nginx:1.25', '--replicas=6'] },
    { args: ['create', '-f', 'exempt.yaml', '--dry-run=server'] },
    { args: ['create', '-f', 'fine.yaml', '--dry-run=server'] },
    { args: ['-n', 'vm', 'create', 'deployment', 'm', '--image=nginx'] },
    { args: ['create', 'deployment', 'elsewhere', '--image=nginx:latest', '--replicas=9', '--dry-run=server'] },
    { args: ['create', 'configmap', 'cm1', '--from-literal=size=y', '--dry-run=server'] },
    { args: ['create', 'configmap', 'cm2', '--from-literal=a=b', '--dry-run=server', '-o', 'name'] },
    { args: ['-n', 'vt', 'exec', 'execme', '--', 'echo', 'ok'] },
    { args: ['-n', 'vt', 'exec', 'execme', '--', 'sh', '-c', 'echo no'] },
    { args: ['create', '-f', 'broken.yaml'] },
  ];

  it('answers as the real kubectl does', async () => {
    for (const k of cases()) await expectSame(c, k);
  }, 120_000);

  it('enforces them: what the cases above get', async () => {
    const err = async (args: string[]) => (await c.ourKubectl(args)).stderr;
    const denied = (name: string, message: string) =>
      `deployments.apps "${name}" is forbidden: ValidatingAdmissionPolicy 'replica-limit.example.com' with binding 'replica-limit-test' denied request: ${message}`;
    // kubectl prints the status cause, which is the message without the "is forbidden" head
    expect(await err(['apply', '-f', 'too-many.yaml', '--dry-run=server'])).toBe(`The deployments "too-many" is invalid: : ${denied('too-many', 'replicas must be no greater than 5').replace(/^.*? is forbidden: /, '')}\n`);
    expect(await err(['create', '-f', 'latest.yaml', '--dry-run=server'])).toBe(`Error from server (Forbidden): error when creating "latest.yaml": ${denied('latest', 'no latest images')}\n`);
    expect(await err(['create', '-f', 'exempt.yaml', '--dry-run=server'])).toBe('');
    expect(await err(['-n', 'vm', 'create', 'deployment', 'm', '--image=nginx', '--dry-run=server'])).toBe(
      "error: failed to create deployment: deployments.apps \"m\" is forbidden: ValidatingAdmissionPolicy 'replica-limit.example.com' with binding 'replica-limit-missing' denied request: failed to configure binding: no params found for policy binding with `Deny` parameterNotFoundAction\n");
    const warn = (m: string) => `Warning: Validation failed for ValidatingAdmissionPolicy 'owner-label' with binding 'owner-label-warn': ${m}\n`;
    const warned = await c.ourKubectl(['create', 'configmap', 'cm3', '--from-literal=size=y', '--dry-run=server', '-o', 'name']);
    expect(warned.stdout).toBe('configmap/cm3\n');
    expect(warned.stderr).toBe(warn("expression ''owner' in object.metadata.labels' resulted in error: no such key: labels") + warn("failed expression: object.data.size.startsWith('x')"));
    const broken = await c.ourKubectl(['create', 'configmap', 'cm4', '--from-literal=a=b', '--dry-run=server', '-o', 'name']);
    const uncompiled = await c.ourKubectl(['create', '-f', 'broken.yaml']);
    expect([uncompiled.code, uncompiled.stderr]).toEqual([1, [
      'The ValidatingAdmissionPolicy "broken.example.com" is invalid: ',
      '* spec.matchConditions[0].expression: Invalid value: "object.metadata.name.startsWith(": compilation failed: ERROR: <input>:1:33: Syntax error: unexpected token: EOF',
      ' | object.metadata.name.startsWith(',
      ' | ................................^',
      '* spec.validations[0].expression: Invalid value: "object.data.size <=": compilation failed: ERROR: <input>:1:20: Syntax error: unexpected token: EOF',
      ' | object.data.size <=',
      ' | ...................^',
      '* spec.validations[1].messageExpression: Invalid value: "\'x\' +* 1": compilation failed: ERROR: <input>:1:6: Syntax error: unexpected token: MULTIPLY',
      " | 'x' +* 1",
      ' | .....^',
      // params is declared only with a paramKind
      "* spec.validations[2].expression: Invalid value: \"params.max > 0\": compilation failed: ERROR: <input>:1:1: undeclared reference to 'params' (in container '')",
      ' | params.max > 0',
      ' | ^',
      "* spec.validations[3].expression: Invalid value: \"objet.data.x == 'y'\": compilation failed: ERROR: <input>:1:1: undeclared reference to 'objet' (in container '')",
      " | objet.data.x == 'y'",
      ' | ^', ''].join('\n')]);
    const shell = await c.ourKubectl(['-n', 'vt', 'exec', 'execme', '--', 'sh', '-c', 'echo no']);
    expect([shell.code, shell.stdout, shell.stderr]).toEqual([1, '', "Error from server (Forbidden): pods \"execme\" is forbidden: ValidatingAdmissionPolicy 'no-shell-exec' with binding 'no-shell-exec' denied request: no shells in execme (PodExecOptions)\n"]);
    expect((await c.ourKubectl(['-n', 'vt', 'exec', 'execme', '--', 'echo', 'ok'])).stdout).toBe('ok\n');
    expect(broken.stderr).toBe(warn("expression ''owner' in object.metadata.labels' resulted in error: no such key: labels") + warn("expression 'object.data.size.startsWith('x')' resulted in error: no such key: size"));
  });
});
