// kubectl auth reconcile: ours against the real kubectl v1.32.4 on one live cluster. Each case
// runs its setup (real kubectl), the command, reads the resulting objects back, runs its undo —
// once with the real kubectl, once with ours — and stdout, stderr, exit code and the objects
// read back must be equal (UIDs, resourceVersions, times and klog headers normalised).
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { hasRealKubectl, useCluster, type RunResult, type TestCluster } from '../support/cluster.js';
import { runOurs } from './in-process.js';
import { normalise } from './normalise.js';

const RBAC = 'apiVersion: rbac.authorization.k8s.io/v1';
const REF = 'apiGroup: rbac.authorization.k8s.io';

/** Two Roles/Bindings in namespace `ns`, a ServiceAccount, a ClusterRole for URLs and its binding. */
function newObjects(ns: string): string {
  return `${RBAC}\nkind: Role\nmetadata: {name: reader, namespace: ${ns}}\nrules:\n- {apiGroups: [""], resources: [pods, pods/log], verbs: [get, list]}\n` +
    `---\n${RBAC}\nkind: RoleBinding\nmetadata: {name: reader, namespace: ${ns}}\nsubjects:\n- {kind: User, name: alice, ${REF}}\n` +
    `- {kind: ServiceAccount, name: sa1, namespace: ${ns}}\nroleRef: {kind: Role, name: reader, ${REF}}\n` +
    `---\napiVersion: v1\nkind: ServiceAccount\nmetadata: {name: sa1, namespace: ${ns}}\n` +
    `---\n${RBAC}\nkind: ClusterRole\nmetadata: {name: rec-urls, annotations: {a: b}}\nrules:\n- {nonResourceURLs: [/healthz, /logs/*], verbs: [get]}\n` +
    `---\n${RBAC}\nkind: ClusterRoleBinding\nmetadata: {name: rec-urls}\nsubjects:\n- {kind: Group, name: devs, ${REF}}\nroleRef: {kind: ClusterRole, name: rec-urls, ${REF}}\n`;
}

const FILES: Record<string, string> = {
  'new.yaml': newObjects('nsx'),
  'role.yaml': `${RBAC}\nkind: Role\nmetadata:\n  name: r4\n  namespace: default\n  labels: {team: a}\n  annotations: {note: x}\nrules:\n` +
    '- {apiGroups: [""], resources: [pods], verbs: [get, list, watch]}\n- {apiGroups: [apps], resources: [deployments, deployments/scale], verbs: [get]}\n',
  'empty-labels.yaml': `${RBAC}\nkind: Role\nmetadata: {name: r4, namespace: default, labels: {}}\nrules: null\n`,
  'rb.yaml': `${RBAC}\nkind: RoleBinding\nmetadata: {name: rb4, namespace: default}\nsubjects:\n- {kind: User, name: dave, ${REF}}\n- {kind: User, name: bob, ${REF}}\n` +
    `- {kind: ServiceAccount, name: sa, namespace: default}\nroleRef: {kind: Role, name: r4, ${REF}}\n`,
  'crb.yaml': `${RBAC}\nkind: ClusterRoleBinding\nmetadata: {name: crb4, labels: {x: "y"}}\nsubjects:\n- {kind: Group, name: devs, ${REF}}\nroleRef: {kind: ClusterRole, name: edit, ${REF}}\n`,
  'agg.yaml': `${RBAC}\nkind: ClusterRole\nmetadata: {name: agg4}\naggregationRule:\n  clusterRoleSelectors:\n  - matchLabels: {agg4: "true"}\n` +
    `---\n${RBAC}\nkind: ClusterRole\nmetadata: {name: agg4-child, labels: {agg4: "true"}}\nrules:\n- {apiGroups: [""], resources: [configmaps], verbs: [get]}\n`,
  'agg-plain.yaml': `${RBAC}\nkind: ClusterRole\nmetadata: {name: agg4}\nrules:\n- {apiGroups: [""], resources: [secrets], verbs: [get]}\n`,
  'mixed.yaml': `${RBAC}\nkind: ClusterRole\nmetadata: {}\n---\napiVersion: example.com/v1\nkind: Foo\nmetadata: {name: f}\n---\n${RBAC}\nkind: ClusterRole\nmetadata: {name: mixed-ok}\n` +
    `---\napiVersion: v1\nkind: List\nitems:\n- {apiVersion: example.com/v1, kind: Baz, metadata: {name: f}}\n- {${RBAC}, kind: ClusterRole, metadata: {name: mixed-ok2}}\n` +
    `---\n${RBAC}\nkind: RoleList\nitems:\n- metadata: {name: rl1, namespace: default}\n  rules:\n  - {apiGroups: [""], resources: [pods], verbs: [get]}\n` +
    `---\n${RBAC}\nkind: ClusterRole\nmetadata: {name: bad}\nrules:\n- {apiGroups: [""], resources: [nodes], verbs: get}\n`,
  'kinds.yaml': 'apiVersion: v1\nkind: ConfigMap\nmetadata: {name: cm1}\n---\napiVersion: batch/v1beta1\nkind: CronJob\nmetadata: {name: x}\n',
  'beta.yaml': 'apiVersion: rbac.authorization.k8s.io/v1beta1\nkind: Role\nmetadata: {name: b, namespace: default}\n',
  'no-namespace.yaml': `${RBAC}\nkind: Role\nmetadata: {name: r9}\nrules: []\n`,
  'bad.yaml': 'a: [\n',
  'noapi.yaml': 'kind: Role\nmetadata:\n  name: x\n',
  'array.yaml': '- a\n- b\n',
  'rdir/rb.yaml': `${RBAC}\nkind: RoleBinding\nmetadata: {name: rb4, namespace: default}\nsubjects:\n- {kind: User, name: dave, ${REF}}\nroleRef: {kind: Role, name: r4, ${REF}}\n`,
  'rdir/sub/cm.yaml': 'apiVersion: v1\nkind: ConfigMap\nmetadata: {name: cm1}\n',
};

interface Case {
  /** args, state, undo and files written may say `{ns}`: a namespace of this case and side
   * (`<ns>-<case><r|o>`, printed back as `<ns>`), so that no side reuses one the other deleted */
  ns?: string;
  write?: Record<string, string>;
  args: string[];
  stdin?: string;
  setup?: string[][];
  /** `kubectl get …` read back after the command */
  state?: string[][];
  undo?: string[][];
}

const R = ['auth', 'reconcile'];
/** objects created in a new namespace, cleaned up after */
const fresh = { ns: 'nsx', write: { 'new-{ns}.yaml': newObjects('{ns}') }, undo: [['delete', 'ns', '{ns}', '--wait'], ['delete', 'clusterrole,clusterrolebinding', 'rec-urls']] };
const role4 = ['create', 'role', 'r4', '--verb=get,delete', '--resource=pods,secrets'];
const dropRole4 = [['delete', 'role', 'r4']];
const rb4 = (...flags: string[]) => ['create', 'rolebinding', 'rb4', ...flags];

const CASES: Case[] = [
  // creates the objects and their namespace; a ServiceAccount is skipped (-v=1 logs it)
  { ...fresh, args: [...R, '-f', 'new-{ns}.yaml'], state: [['get', 'role,rolebinding', '-n', '{ns}', '-o', 'yaml'], ['get', 'ns', '{ns}', '-o', 'name'], ['get', 'sa', 'sa1', '-n', '{ns}']] },
  { ...fresh, args: [...R, '-f', 'new-{ns}.yaml', '-o', 'yaml'] },
  { ...fresh, args: [...R, '-f', 'new-{ns}.yaml', '-o', 'name', '-v1'] },
  { args: [...R, '-f', 'new.yaml', '--dry-run=client', '-o', 'json'], state: [['get', 'ns', 'nsx']] },
  { args: [...R, '-f', '-', '--dry-run=client'], stdin: FILES['new.yaml']! },
  // missing rules added; --remove-extra-permissions; a role that covers everything already
  { setup: [role4], args: [...R, '-f', 'role.yaml'], state: [['get', 'role', 'r4', '-o', 'yaml']], undo: dropRole4 },
  { setup: [role4], args: [...R, '-f', 'role.yaml', '--remove-extra-permissions', '-o', 'yaml'], state: [['get', 'role', 'r4', '-o', 'yaml']], undo: dropRole4 },
  { setup: [role4], args: [...R, '-f', 'role.yaml', '--dry-run=client', '--remove-extra-permissions'], state: [['get', 'role', 'r4', '-o', 'yaml']], undo: dropRole4 },
  { setup: [['create', 'role', 'r4', '--verb=*', '--resource=*']], args: [...R, '-f', 'role.yaml', '-o', 'json'], undo: dropRole4 },
  { setup: [role4], args: [...R, '-f', 'empty-labels.yaml', '--remove-extra-permissions', '-o', 'json'], state: [['get', 'role', 'r4', '-o', 'json']], undo: dropRole4 },
  { setup: [['auth', 'reconcile', '-f', 'role.yaml']], args: [...R, '-f', 'role.yaml'], undo: dropRole4 },
  { setup: [['auth', 'reconcile', '-f', 'role.yaml']], args: [...R, '-f', 'role.yaml', '-o', 'go-template', '--template={{.metadata.name}} '], undo: dropRole4 },
  { args: [...R, '-f', 'role.yaml', '-f', 'rb.yaml', '--as=bob'] },
  // subjects added and removed; a changed roleRef deletes and creates the binding again
  { setup: [rb4('--role=r4', '--user=bob', '--user=carol', '--group=g1')], args: [...R, '-f', 'rb.yaml'], state: [['get', 'rolebinding', 'rb4', '-o', 'yaml']], undo: [['delete', 'rolebinding', 'rb4']] },
  { setup: [rb4('--role=r4', '--user=bob', '--user=carol', '--group=g1')], args: [...R, '-f', 'rb.yaml', '--remove-extra-subjects'], state: [['get', 'rolebinding', 'rb4', '-o', 'yaml']], undo: [['delete', 'rolebinding', 'rb4']] },
  { setup: [rb4('--clusterrole=view', '--user=bob')], args: [...R, '-f', 'rb.yaml'], state: [['get', 'rolebinding', 'rb4', '-o', 'yaml']], undo: [['delete', 'rolebinding', 'rb4']] },
  { setup: [['create', 'clusterrolebinding', 'crb4', '--clusterrole=view', '--user=bob']], args: [...R, '-f', 'crb.yaml', '-o', 'yaml'],
    state: [['get', 'clusterrolebinding', 'crb4', '-o', 'yaml']], undo: [['delete', 'clusterrolebinding', 'crb4']] },
  { setup: [['create', 'clusterrolebinding', 'crb4', '--clusterrole=view', '--user=bob']], args: [...R, '-f', 'crb.yaml', '--dry-run=client', '-o', 'yaml'],
    state: [['get', 'clusterrolebinding', 'crb4', '-o', 'yaml']], undo: [['delete', 'clusterrolebinding', 'crb4']] },
  // rbac.authorization.kubernetes.io/autoupdate: "false" opts out
  { setup: [['create', 'clusterrolebinding', 'crb4', '--clusterrole=edit', '--user=bob'], ['annotate', 'clusterrolebinding', 'crb4', 'rbac.authorization.kubernetes.io/autoupdate=false']],
    args: [...R, '-f', 'crb.yaml', '--remove-extra-subjects'], state: [['get', 'clusterrolebinding', 'crb4', '-o', 'yaml']], undo: [['delete', 'clusterrolebinding', 'crb4']] },
  // aggregated cluster roles
  { args: [...R, '-f', 'agg.yaml'], state: [['get', 'clusterrole', 'agg4', '-o', 'jsonpath={.aggregationRule}'], ['get', 'clusterrole', 'agg4-child', '-o', 'yaml']],
    undo: [['delete', 'clusterrole', 'agg4', 'agg4-child']] },
  { setup: [['create', 'clusterrole', 'agg4', '--aggregation-rule=other=true']], args: [...R, '-f', 'agg.yaml', '--dry-run=client', '-o', 'yaml'], undo: [['delete', 'clusterrole', 'agg4']] },
  { setup: [['create', 'clusterrole', 'agg4', '--aggregation-rule=other=true']], args: [...R, '-f', 'agg-plain.yaml', '--remove-extra-permissions'],
    state: [['get', 'clusterrole', 'agg4', '-o', 'yaml']], undo: [['delete', 'clusterrole', 'agg4']] },
  // -k and -R
  {
    ns: 'kns', args: [...R, '-k', 'kdir-{ns}'], state: [['get', 'role', '-n', '{ns}', '-o', 'yaml']], undo: [['delete', 'ns', '{ns}', '--wait']],
    write: { 'kdir-{ns}/kustomization.yaml': 'resources:\n- role.yaml\nnamespace: {ns}\n', 'kdir-{ns}/role.yaml': `${RBAC}\nkind: Role\nmetadata: {name: kr}\nrules:\n- {apiGroups: [""], resources: [pods], verbs: [get]}\n` },
  },
  { args: [...R, '-f', 'rdir', '-R', '--dry-run=client', '-v=1'] },
  { args: [...R, '-f', 'rdir', '--dry-run=client'] },
  // what is skipped, refused or fails
  { args: [...R, '-f', 'mixed.yaml', '--dry-run=client'] },
  { args: [...R, '-f', 'kinds.yaml', '-v1'] },
  { args: [...R, '-f', 'beta.yaml'] },
  { args: [...R, '-f', 'no-namespace.yaml'] },
  { args: [...R, '-f', 'no-namespace.yaml', '--dry-run=client'] },
  { args: [...R, '-f', 'new.yaml', '-n', 'other', '--dry-run=client'] },
  { args: [...R, '-f', 'bad.yaml'] },
  { args: [...R, '-f', 'noapi.yaml'] },
  { args: [...R, '-f', 'array.yaml'] },
  { args: [...R, '-f', 'nope.yaml', '-f', 'new.yaml'] },
  { args: [...R, '-k', 'nodir'] },
  { args: [...R, '-k', 'rdir', '-f', 'new.yaml'] },
  { args: [...R] },
  { args: [...R, '-f', 'new.yaml', 'x'] },
  { args: [...R, '-f', 'new.yaml', '--dry-run=server'] },
  { args: [...R, '-f', 'new.yaml', '--dry-run=bogus'] },
  { args: [...R, '-f', 'kinds.yaml', '--dry-run'] },
  { args: [...R, '-f', 'new.yaml', '-o', 'bogus'] },
  { args: [...R, '-f', 'new.yaml', '--dry-run=client', '-o', 'jsonpath={.metadata.name}{"\\n"}'] },
];

function writeFiles(home: string, files: Record<string, string>, sub: (t: string) => string = (t) => t): void {
  for (const [name, text] of Object.entries(files)) {
    mkdirSync(join(home, sub(name), '..'), { recursive: true });
    writeFileSync(join(home, sub(name)), sub(text));
  }
}

interface Side {
  code: number;
  stdout: string;
  stderr: string;
  state: string[];
}

async function side(c: TestCluster, who: 'real' | 'ours', k: Case, index: number): Promise<Side> {
  const ns = k.ns === undefined ? '' : `${k.ns}-${index}${who[0]}`;
  const sub = (t: string): string => (ns === '' ? t : t.replaceAll('{ns}', ns));
  const back = (t: string): string => normalise(ns === '' ? t : t.replaceAll(ns, k.ns!));
  writeFiles(c.home, k.write ?? {}, sub);
  for (const s of k.setup ?? []) await c.kubectl(s.map(sub));
  const opts = k.stdin === undefined ? {} : { stdin: k.stdin };
  const args = k.args.map(sub);
  const r: RunResult = who === 'real' ? await c.kubectl(args, opts) : await runOurs(args, c.env, opts);
  const state: string[] = [];
  for (const s of k.state ?? []) {
    const got = await c.kubectl(s.map(sub));
    state.push(back(got.stdout + got.stderr));
  }
  for (const u of k.undo ?? []) await c.kubectl(u.map(sub));
  return { code: r.code, stdout: back(r.stdout), stderr: back(r.stderr), state };
}

describe.skipIf(!hasRealKubectl)('kubectl auth reconcile, ours against the real one', () => {
  const c = useCluster();
  beforeAll(() => writeFiles(c.home, FILES));
  CASES.forEach((k, index) => {
    const after = k.setup ? ` (after ${k.setup.map((s) => s.slice(0, 3).join(' ')).join(', ')})` : '';
    it(`${k.args.slice(2).join(' ') || '(no flags)'}${after}`, async () => {
      const real = await side(c, 'real', k, index);
      const ours = await side(c, 'ours', k, index);
      expect(ours, `kubectl ${k.args.join(' ')}`).toEqual(real);
    }, 60_000);
  });
});
