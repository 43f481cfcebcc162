// `kubectl debug`: ours against the real kubectl v1.32.4 on one live cluster, each side on its own
// copy of the objects (see debug-harness.ts). An ephemeral container patched into a running pod
// (every profile's securityContext, -c, --target, --env, --image-pull-policy, --arguments-only,
// --custom, -f, and -i attached to a shell fed by stdin), a copy of a pod (--copy-to with
// --set-image, -c changing a container, --keep-*, --share-processes, --same-node, --replace,
// -i), a pod on a node (every profile: host namespaces, / at /host, tolerations), and the
// errors of bad flag combinations, bad targets and bad custom profiles.
import { beforeAll, describe, it } from 'vitest';
import { hasRealKubectl, useCluster } from '../support/cluster.js';
import { expectSameDebug, type DebugCase } from './debug-harness.js';

const c = useCluster();

const PROFILES = ['legacy', 'general', 'baseline', 'restricted', 'netadmin', 'sysadmin'];

const target = (side: string): string => `apiVersion: v1
kind: Pod
metadata: {name: tgt-${side}, labels: {app: tgt}, annotations: {note: hello}}
spec:
  containers:
  - {name: app, image: nginx}
`;

const rich = (name: string): string => `apiVersion: v1
kind: Pod
metadata: {name: ${name}, labels: {app: rich, tier: x}, annotations: {note: hello}}
spec:
  nodeName: node01
  initContainers:
  - {name: init, image: busybox, command: [sh, -c, "true"]}
  containers:
  - name: app
    image: nginx
    livenessProbe: {httpGet: {path: /, port: 80}}
    readinessProbe: {httpGet: {path: /, port: 80}}
    startupProbe: {httpGet: {path: /, port: 80}}
    env: [{name: OLD, value: "1"}]
  - {name: side, image: busybox, command: [sleep, 1d], securityContext: {runAsUser: 1000}}
`;

const CUSTOM_YAML = 'env:\n- name: X\n  value: "1"\nsecurityContext:\n  capabilities:\n    add: [NET_ADMIN]\nunknownField: 3\n';
const CUSTOM_JSON = '{"env":[{"name":"Y","value":"2"}],"securityContext":{"runAsUser":0}}';

const IMG = '--image=busybox';
const eph: DebugCase['made'] = { kind: 'ephemeral', pod: 'tgt@' };
const copy: DebugCase['made'] = { kind: 'copy', pod: 'cp@' };
const node: DebugCase['made'] = { kind: 'node' };

const ERRORS: DebugCase[] = [
  { args: ['debug', 'tgt@'] },
  { args: ['debug', 'tgt@', '--copy-to=cp@'] },
  { args: ['debug', IMG] },
  { args: ['debug', 'tgt@', IMG, '--profile=bogus'] },
  { args: ['debug', 'tgt@', IMG, '--replace'] },
  { args: ['debug', 'tgt@', IMG, '--same-node'] },
  { args: ['debug', 'tgt@', '--set-image=app=busybox'] },
  { args: ['debug', 'tgt@', '--image=Bad:Image'] },
  { args: ['debug', 'tgt@', '--copy-to=cp@', '--set-image=app=Bad:Image'] },
  { args: ['debug', 'tgt@', IMG, '--image-pull-policy=Sometimes'] },
  { args: ['debug', 'tgt@', IMG, '--copy-to=cp@', '--target=app'] },
  { args: ['debug', 'tgt@', IMG, '-t'] },
  { args: ['debug', 'tgt@', '--attach'] },
  { args: ['debug', 'tgt@', '--copy-to=cp@', '--', 'sh'] },
  { args: ['debug', 'tgt@', IMG, '--env=NOEQUALS'] },
  { args: ['debug', 'deploy/dep', IMG] },
  { args: ['debug', 'svc/kubernetes', IMG, '--profile=general'] },
  { args: ['debug', 'nope', IMG] },
  { args: ['debug', 'nope', 'tgt@', IMG, '--profile=general'] },
  { args: ['debug', 'node/nope', IMG] },
  { args: ['debug', 'a/b/c', IMG] },
  { args: ['debug', '-f', 'tgt@.yaml', '-n', 'kube-system', IMG] },
  { args: ['debug', 'tgt@', IMG, '--custom=missing.json'] },
  { args: ['debug', 'tgt@', IMG, '--custom=bad.json'] },
  { args: ['debug', 'tgt@', IMG, '--custom=badtype.yaml'] },
  { args: ['debug', 'tgt@', IMG, '--custom=list.yaml'] },
  { args: ['debug', 'tgt@', IMG, '--custom=named.yaml'] },
  // the copy's name is taken: the debug container is named (and reported) before the create fails
  { args: ['debug', 'tgt@', IMG, '--copy-to=tgt@', '--profile=general'] },
  { args: ['debug', 'tgt@', IMG, '-c', 'app', '--profile=general'] },
];

const EPHEMERAL: DebugCase[] = [
  ...PROFILES.map((p) => ({ args: ['debug', 'tgt@', IMG, `--profile=${p}`, '--', 'sleep', '1d'], made: eph })),
  { args: ['debug', 'tgt@', IMG, '--profile=restricted', '-c', 'r1', '--env=A=1', '--image-pull-policy=Never'], made: eph },
  { args: ['debug', 'tgt@', IMG, '--profile=netadmin', '--target=app', '-q'], made: eph },
  { args: ['debug', 'tgt@', IMG, '--profile=sysadmin', '--arguments-only', '--', 'x', 'y'], made: eph },
  { args: ['debug', 'tgt@', IMG, '-i', '--attach=false', '-t'], made: eph },
  { args: ['debug', 'tgt@', IMG, '--profile=general', '--custom=custom.json', '-c', 'cj'], made: eph },
  { args: ['debug', 'tgt@', IMG, '--custom=custom.yaml'], made: eph },
  { args: ['debug', '-f', 'tgt@.yaml', IMG, '--profile=baseline', '-q'], made: eph },
  { args: ['debug', 'tgt@', 'tgt@', IMG, '--profile=general'], made: eph },
  { args: ['debug', 'pods/tgt@', '-i', IMG, '--profile=general', '--', 'sh'], stdin: 'echo hi\nhostname\nexit 3\n', made: eph },
];

const COPIES: DebugCase[] = [
  { args: ['debug', 'rich@', '--copy-to=cp@', IMG], made: copy },
  { args: ['debug', 'rich@', '--copy-to=cp@', IMG, '--profile=general'], made: copy },
  {
    args: ['debug', 'rich@', '--copy-to=cp@', IMG, '--profile=general', '--keep-labels', '--keep-annotations', '--keep-liveness', '--keep-readiness', '--keep-startup', '--keep-init-containers=false'],
    made: copy,
  },
  { args: ['debug', 'rich@', '--copy-to=cp@', IMG, '--profile=baseline', '--share-processes=false', '--same-node'], made: { kind: 'copy', pod: 'cp@', sameNode: true } },
  { args: ['debug', 'rich@', '--copy-to=cp@', IMG, '--profile=restricted', '-c', 'side'], made: copy },
  { args: ['debug', 'rich@', '--copy-to=cp@', '--profile=netadmin', '-c', 'app', '--', 'sh', '-c', 'echo x'], made: copy },
  { args: ['debug', 'rich@', '--copy-to=cp@', '--set-image=*=busybox:1.36,side=nginx', '--profile=general'], made: copy },
  {
    args: ['debug', 'rich@', '--copy-to=cp@', IMG, '--set-image=app=busybox', '--profile=sysadmin', '-i', '--attach=false', '--env=E=1', '--image-pull-policy=IfNotPresent', '--arguments-only', '--', 'a', 'b'],
    made: copy,
  },
  { args: ['debug', 'rich@', '--copy-to=cp@', IMG, '--profile=legacy', '--keep-labels', '-c', 'newc'], made: copy },
  { args: ['debug', 'rich@', '--copy-to=cp@', IMG, '--profile=restricted', '--custom=custom.json', '-c', 'app'], made: copy },
  { args: ['debug', 'rich@', '--copy-to=cp@', IMG, '--profile=general', '--custom=custom.yaml'], made: copy },
  { args: ['debug', 'rich@', '-i', '--copy-to=cp@', IMG, '--profile=general', '--', 'sh'], stdin: 'echo in-copy\nexit\n', made: copy },
  { args: ['debug', 'rep@', '--copy-to=cp@', '--replace', '--set-image=*=busybox', '--profile=general'], made: copy },
  { args: ['get', 'pod', 'rep@'] },
];

const NODES: DebugCase[] = [
  ...PROFILES.map((p) => ({ args: ['debug', 'node/node01', IMG, `--profile=${p}`, '-c', 'dbg', '--env=X=y', '--', 'sleep', '1'], made: node })),
  { args: ['debug', 'node/node01', IMG, '--profile=sysadmin', '--custom=custom.yaml'], made: node },
  { args: ['debug', 'nodes/node02', IMG, '--profile=general', '-q', '--image-pull-policy=IfNotPresent', '--arguments-only', '--', 'x'], made: node },
  { args: ['debug', 'node/node02', '-i', IMG, '--profile=general'], stdin: 'echo hi\nls /host\nexit\n', made: node },
];

describe.skipIf(!hasRealKubectl)('kubectl debug: ours and the real one', () => {
  beforeAll(async () => {
    const files: Record<string, string> = {
      'custom.yaml': CUSTOM_YAML, 'custom.json': CUSTOM_JSON, 'bad.json': '{bad', 'badtype.yaml': 'env: 3\n',
      'list.yaml': '- a\n', 'named.yaml': 'name: x\n', 'tgt-real.yaml': target('real'), 'tgt-ours.yaml': target('ours'),
    };
    for (const [name, text] of Object.entries(files)) c.file(name, text);
    const manifests = [target('real'), target('ours'), rich('rich-real'), rich('rich-ours'), rich('rep-real'), rich('rep-ours')];
    const r = await c.kubectl(['apply', '-f', '-'], { stdin: manifests.join('---\n') });
    if (r.code !== 0) throw new Error(r.stderr);
    await c.kubectl(['create', 'deployment', 'dep', '--image=nginx']);
    const ready = await c.kubectl(['wait', '--for=condition=Ready', 'pod/tgt-real', 'pod/tgt-ours', '--timeout=60s']);
    if (ready.code !== 0) throw new Error(ready.stderr);
  }, 90_000);

  it.each(ERRORS.map((k) => [k.args.join(' '), k] as const))('%s', async (_n, k) => expectSameDebug(c, k));
  it.each(EPHEMERAL.map((k) => [k.args.join(' '), k] as const))('%s', async (_n, k) => expectSameDebug(c, k), 60_000);
  it.each(COPIES.map((k) => [k.args.join(' '), k] as const))('%s', async (_n, k) => expectSameDebug(c, k), 60_000);
  it.each(NODES.map((k) => [k.args.join(' '), k] as const))('%s', async (_n, k) => expectSameDebug(c, k), 60_000);
});
