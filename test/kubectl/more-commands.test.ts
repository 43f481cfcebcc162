// kubectl set subject, cluster-info dump, plugin list (and plugin dispatch) and cp: ours against
// the real kubectl v1.32.4 on one live cluster. cp runs the container's (simulated) tar through
// the exec subresource, so both sides meet the same remote behaviour.
import { chmodSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { eventually, hasRealKubectl, useCluster, type TestCluster } from '../support/cluster.js';
import { expectSame, type Case } from './differential.js';
import { runOurs } from './in-process.js';
import { normalise } from './normalise.js';

const RB_YAML = `apiVersion: rbac.authorization.k8s.io/v1
kind: RoleBinding
metadata:
  creationTimestamp: null
  name: rb1
roleRef:
  apiGroup: rbac.authorization.k8s.io
  kind: ClusterRole
  name: view
subjects:
- apiGroup: rbac.authorization.k8s.io
  kind: User
  name: alice
`;
const CRB_YAML = RB_YAML.replace('kind: RoleBinding', 'kind: ClusterRoleBinding').replace('name: rb1', 'name: crb-mc');

const REMOVE_SECOND_SUBJECT = '[{"op":"remove","path":"/subjects/1"}]';

const SUBJECT: Case[] = [
  { args: ['set', 'subject', '-f', 'rb.yaml', '--local', '--user=bob', '--user=al', '-o', 'yaml'] },
  { args: ['set', 'subject', '-f', 'crb.yaml', '--local', '--serviceaccount=ns:x', '--group=g1', '-o', 'json'] },
  { args: ['set', 'subject', '-f', 'rb.yaml', '--local', '--serviceaccount=:x', '--user=alice', '-o', 'yaml'] },
  { args: ['set', 'subject', '-f', 'rb.yaml', '--local', '--user=alice', '-o', 'yaml'] },
  { args: ['set', 'subject', '-f', 'crb.yaml', '--local', '--serviceaccount=:x', '-o', 'yaml'] },
  { args: ['set', 'subject', '-f', 'rb.yaml', '--local', '--serviceaccount=x'] },
  { args: ['set', 'subject', '-f', 'rb.yaml', '--local', '--serviceaccount=a:b:c'] },
  { args: ['set', 'subject', '-f', 'rb.yaml', '--local'] },
  { args: ['set', 'subject', '-f', 'rb.yaml', '--local', '--dry-run=server', '--user=x'] },
  { args: ['set', 'subject', '-f', 'crb.yaml', '--local', '--user=x', '-o', 'wide'] },
  { args: ['-n', 'mc', 'set', 'subject', 'rolebinding', 'rb1', '--local', '--user=x'] },
  { args: ['-n', 'mc', 'set', 'subject', 'rolebinding', 'rb1', '--user=bob', '--dry-run=client'] },
  { args: ['-n', 'mc', 'set', 'subject', 'rolebinding', 'rb1', '--user=bob', '--dry-run=server', '-o', 'yaml'] },
  { args: ['-n', 'mc', 'set', 'subject', 'rolebinding/rb1', 'clusterrolebinding/crb-mc', '--serviceaccount=mc:sa1', '--dry-run=server'] },
  { args: ['-n', 'mc', 'set', 'subject', 'rolebinding', 'rb1', 'crb-mc', '--user=x', '--dry-run=server'] },
  { args: ['-n', 'mc', 'set', 'subject', 'clusterrolebinding', 'crb-mc', '--serviceaccount=:x'] },
  { args: ['-n', 'mc', 'set', 'subject', 'cm', 'cm1', '--user=x'] },
  { args: ['-n', 'mc', 'set', 'subject', 'rolebinding', 'nope', '--user=x'] },
  { args: ['-n', 'mc', 'set', 'subject', 'rolebinding', '--all', '--user=x', '-l', 'a=b'] },
  { args: ['-n', 'mc', 'set', 'subject', 'rolebinding', '--all', '--user=alice'] },
  { args: ['-n', 'mc', 'set', 'subject', 'rolebinding', 'rb1', '--user=dave', '--group=g2', '-o', 'jsonpath={.subjects}', '--dry-run=server'] },
  { args: ['-n', 'mc', 'set', 'subject', 'rolebinding', 'rb1', '--user=dave', '--user=dave'], undo: [['-n', 'mc', 'patch', 'rolebinding', 'rb1', '--type=json', '-p', REMOVE_SECOND_SUBJECT]] },
  { args: ['set', 'subject'] },
];

/** cp from a pod copies the container's stderr to stdout while it untars the stream, and ends
 * when the stream does: tar's note on stripping `/` may or may not be printed by then. */
const TAR_NOTE = /^tar: removing leading '\/' from member names$/;

const CP: Case[] = ([
  { args: ['cp'] },
  { args: ['cp', 'mc/web:/tmp/local.txt'] },
  { args: ['cp', ':x', 'y'] },
  { args: ['cp', 'a/b/c:x', 'y'] },
  { args: ['cp', 'a:x', 'b:y'] },
  { args: ['cp', 'a', 'b'] },
  { args: ['cp', 'mc/web:', 'x'] },
  { args: ['cp', 'nofile', 'mc/web:/tmp/'] },
  { args: ['-n', 'mc', 'cp', 'nope:/x', 'y'] },
  { args: ['-n', 'mc', 'cp', 'local.txt', 'nope:/x'] },
  { args: ['-n', 'mc', 'cp', 'web:/tmp/local.txt', 'o1', '-c', 'zz'] },
  { args: ['-n', 'mc', 'cp', 'local.txt', 'web:/tmp/x', '-c', 'zz'] },
  { args: ['-n', 'mc', 'cp', 'web:/tmp/nope', 'o2'] },
  { args: ['-n', 'mc', 'cp', 'web:/tmp/nope', 'o2', '--retries=2'] },
  // the simulated `tail -c+N` of a binary pipe gives one byte: the resumed copy fails in both
  { args: ['-n', 'mc', 'cp', 'web:/tmp/local.txt', 'o3', '--retries=2'] },
  { args: ['-n', 'mc', 'cp', 'web:/tmp/local.txt', 'o4'] },
  { args: ['cp', 'mc/web:tmp/d', 'o5'] },
  { args: ['cp', 'mc/web:/tmp/d/', 'o6/'] },
  { args: ['cp', 'mc/web:/tmp/../../nope', 'o7'] },
  { args: ['cp', 'mc/web:/tmp/d/f', '.'] },
  // the remote tar's note races the local mkdir's failure in the real kubectl
  { args: ['cp', 'mc/web:/tmp/d/f', 'afile/x'], racy: /^tar: Removing leading/ },
  { args: ['cp', 'mc/web:/tmp/d/f', '/proc/x/y'] },
  { args: ['cp', 'mc/two:/tmp/two.txt', 'o8'] },
  { args: ['cp', 'mc/two:/tmp/two.txt', 'o9', '-c', 'b'] },
  { args: ['cp', 'mc/done:/x', 'o10'] },
  { args: ['cp', 'local.txt', 'mc/web:/tmp/t1'] },
  { args: ['cp', 'local.txt', 'mc/web:/tmp/t2', '--no-preserve'] },
  { args: ['cp', 'ld', 'mc/web:/tmp/ld1'] },
  { args: ['cp', 'local.txt', 'mc/two:/tmp/x'] },
  { args: ['cp', 'local.txt', 'mc/two:/tmp/y', '-c', 'b'] },
  { args: ['cp', 'local.txt', 'mc/done:/tmp/y'] },
] as Case[]).map((k) => ({ ...k, racy: TAR_NOTE }));

const DUMP: Case[] = [
  { args: ['cluster-info', 'dump', '--namespaces', 'mc'] },
  { args: ['cluster-info', 'dump', '--namespaces', 'mc,nope', '-o', 'yaml'] },
  { args: ['-n', 'mc', 'cluster-info', 'dump', '-o', 'jsonpath={.kind}{"\\n"}'] },
  { args: ['cluster-info', 'dump', '-A', '-o', 'go-template={{.kind}}{{"\\n"}}'] },
  { args: ['cluster-info', 'dump', '-o', 'name'] },
  { args: ['cluster-info', 'dump', '-o', 'wide'] },
  { args: ['cluster-info', 'dump', '--pod-running-timeout=0'] },
  { args: ['cluster-info', 'dump', '--output-directory=/proc/x'] },
  { args: ['cluster-info', 'dump', '--output-directory=afile/x'] },
  { args: ['cluster-info', 'dump', '--as=nobody'] },
];

function writePlugin(home: string, path: string, script: string, mode = 0o755): void {
  mkdirSync(join(home, path, '..'), { recursive: true });
  writeFileSync(join(home, path), `#!/bin/sh\n${script}\n`);
  chmodSync(join(home, path), mode);
}

function pluginDirs(home: string): void {
  writePlugin(home, 'pa/kubectl-foo', 'echo "foo $# $*"; echo err >&2; exit 3');
  writePlugin(home, 'pb/kubectl-foo', 'echo shadowed');
  writePlugin(home, 'pa/kubectl-get', 'echo getter');
  writePlugin(home, 'pa/kubectl-noexec', 'echo x', 0o644);
  writePlugin(home, 'pb/kubectl-foo-bar', 'echo "foobar $*"');
  writePlugin(home, 'pb/kubectl-create-fancy', 'echo cf "$@"; pwd');
  mkdirSync(join(home, 'pa/kubectl-dir'));
  symlinkSync('/nope', join(home, 'pa/kubectl-broken'));
  mkdirSync(join(home, 'pempty'));
}

function pluginCases(home: string): Case[] {
  const path = { PATH: [join(home, 'pa'), join(home, 'nope'), join(home, 'pb'), join(home, 'pa')].join(':') };
  const none = { PATH: join(home, 'pempty') };
  return [
    { args: ['plugin', 'list'], env: path },
    { args: ['plugin', 'list', '--name-only'], env: path },
    { args: ['plugin', 'list', 'extra'], env: path },
    { args: ['plugin', 'list'], env: none },
    { args: ['plugin', 'list', '--name-only'], env: { PATH: '' } },
    { args: ['plugin'], env: path },
    { args: ['foo', 'x', '-y'], env: path },
    { args: ['foo', 'bar', 'z'], env: path },
    { args: ['foo-bar', 'z'], env: path },
    { args: ['-n', 'default', 'foo'], env: path },
    { args: ['-n', 'foo'], env: none },
    { args: ['create', 'fancy', '1'], env: path },
    { args: ['create', 'fancy', '1'], env: { ...path, KUBECTL_ENABLE_CMD_SHADOW: 'false' } },
    { args: ['foo'], env: none },
  ];
}

async function setUp(c: TestCluster): Promise<void> {
  await eventually(c, ['get', 'pods', '-A', '--no-headers'], (out) => out.split('\n').filter(Boolean).every((l) => /\s(\d+)\/\1\s+Running/.test(l)), 60_000);
  await c.kubectl(['create', 'ns', 'mc']);
  await eventually(c, ['-n', 'mc', 'get', 'sa', 'default', '-o', 'name'], (out) => out !== '');
  await c.kubectl(['-n', 'mc', 'run', 'web', '--image=nginx']);
  await c.kubectl(['-n', 'mc', 'run', 'two', '--image=busybox', '--overrides',
    '{"spec":{"containers":[{"name":"a","image":"busybox","command":["sleep","3600"]},{"name":"b","image":"busybox","command":["sleep","3600"]}]}}']);
  await c.kubectl(['-n', 'mc', 'run', 'done', '--image=busybox', '--restart=Never', '--', 'true']);
  await c.kubectl(['-n', 'mc', 'create', 'rolebinding', 'rb1', '--clusterrole=view', '--user=alice']);
  await c.kubectl(['create', 'clusterrolebinding', 'crb-mc', '--clusterrole=view', '--group=g1']);
  await c.kubectl(['-n', 'mc', 'create', 'cm', 'cm1']);
  await eventually(c, ['-n', 'mc', 'get', 'pods', '--no-headers'], (out) => /done\s+0\/1\s+Completed/.test(out) && (out.match(/Running/g) ?? []).length === 2, 60_000);
  await c.kubectl(['-n', 'mc', 'exec', 'web', '--', 'sh', '-c', 'mkdir -p /tmp/d/sub; echo a > /tmp/d/f; echo b > /tmp/d/sub/g; echo hi > /tmp/local.txt']);
  await c.kubectl(['-n', 'mc', 'exec', 'two', '-c', 'a', '--', 'sh', '-c', 'echo two-a > /tmp/two.txt']);
  await c.kubectl(['-n', 'mc', 'exec', 'two', '-c', 'b', '--', 'sh', '-c', 'echo two-b > /tmp/two.txt']);
  c.file('rb.yaml', RB_YAML);
  c.file('crb.yaml', CRB_YAML);
  c.file('local.txt', 'hello\n');
  c.file('afile', '');
  mkdirSync(join(c.home, 'ld/sub'), { recursive: true });
  mkdirSync(join(c.home, 'ld/empty'));
  c.file('ld/a', 'x\n');
  c.file('ld/sub/b', 'y\n');
  pluginDirs(c.home);
  // let the events of the setup settle before the dumps compare them
  await new Promise((res) => setTimeout(res, 2000));
}

/** Every file under dir (relative path → text); a file is `.`. */
function tree(dir: string): Record<string, string> {
  if (!statSync(dir).isDirectory()) return { '.': readFileSync(dir, 'utf8') };
  const out: Record<string, string> = {};
  for (const rel of readdirSync(dir, { recursive: true }).map(String).sort()) {
    const p = join(dir, rel);
    out[rel] = statSync(p).isDirectory() ? '<dir>' : readFileSync(p, 'utf8');
  }
  return out;
}

describe.skipIf(!hasRealKubectl)('set subject, cluster-info dump, plugin, cp: ours against the real one', () => {
  const c = useCluster();
  beforeAll(async () => setUp(c), 180_000);

  describe('kubectl set subject', () => {
    for (const k of SUBJECT) it(k.args.join(' '), async () => expectSame(c, k));
    it('really adds the subject', async () => {
      const r = await runOurs(['-n', 'mc', 'set', 'subject', 'rolebinding', 'rb1', '--serviceaccount=mc:robot'], c.env);
      expect(r).toEqual({ stdout: 'rolebinding.rbac.authorization.k8s.io/rb1 subjects updated\n', stderr: '', code: 0 });
      const got = await c.kubectl(['-n', 'mc', 'get', 'rolebinding', 'rb1', '-o', 'jsonpath={.subjects[*].name}']);
      expect(got.stdout).toBe('alice robot');
      await c.kubectl(['-n', 'mc', 'patch', 'rolebinding', 'rb1', '--type=json', '-p', REMOVE_SECOND_SUBJECT]);
    });
  });

  describe('kubectl cp', () => {
    for (const k of CP) it(k.args.join(' '), async () => expectSame(c, k));

    it.each([
      ['a file', 'mc/web:/tmp/local.txt', { '.': 'hi\n' }],
      ['a directory', 'mc/web:/tmp/d', { f: 'a\n', sub: '<dir>', 'sub/g': 'b\n' }],
    ])('copies %s from the pod as the real one does', async (_what, src, files) => {
      for (const d of ['from-real', 'from-ours']) rmSync(join(c.home, d), { recursive: true, force: true });
      const real = await c.kubectl(['cp', src, 'from-real']);
      const ours = await runOurs(['cp', src, 'from-ours'], c.env);
      // The remote tar's notice on its stderr reaches stdout only if it comes before the archive
      // has been read: a race in the real kubectl as in ours, so neither side's is compared.
      const settled = (r: typeof real) => ({ ...r, stdout: r.stdout.replace(/^tar: Removing leading `\/' from member names\n/m, '') });
      expect(settled(ours)).toEqual(settled(real));
      expect(tree(join(c.home, 'from-ours'))).toEqual(tree(join(c.home, 'from-real')));
      expect(tree(join(c.home, 'from-ours'))).toMatchObject(files);
    });

    it('copies a directory into the pod as the real one does', async () => {
      const real = await c.kubectl(['cp', 'ld', 'mc/web:/tmp/to-real']);
      const ours = await runOurs(['cp', 'ld', 'mc/web:/tmp/to-ours'], c.env);
      expect(ours).toEqual(real);
      const list = (d: string) => c.kubectl(['-n', 'mc', 'exec', 'web', '--', 'sh', '-c', `cd ${d} && find . | sort && cat a sub/b`]);
      expect((await list('/tmp/to-ours')).stdout).toBe((await list('/tmp/to-real')).stdout);
      expect((await list('/tmp/to-ours')).stdout).toBe('.\n./a\n./empty\n./sub\n./sub/b\nx\ny\n');
    });
  });

  describe('kubectl cluster-info dump', () => {
    for (const k of DUMP) it(k.args.join(' '), async () => expectSame(c, k));

    it('writes the same files with --output-directory', async () => {
      const real = await c.kubectl(['cluster-info', 'dump', '--namespaces=mc,kube-system', '--output-directory=dump-real']);
      const ours = await runOurs(['cluster-info', 'dump', '--namespaces=mc,kube-system', '--output-directory=dump-ours'], c.env);
      expect(ours).toEqual({ ...real, stdout: real.stdout.replace('dump-real', 'dump-ours') });
      const [a, b] = [tree(join(c.home, 'dump-real')), tree(join(c.home, 'dump-ours'))];
      expect(Object.keys(b)).toEqual(Object.keys(a));
      expect(Object.keys(b)).toContain('mc/web/logs.txt');
      for (const f of Object.keys(a)) expect(normalise(b[f]!), f).toBe(normalise(a[f]!));
    });
  });

  describe('kubectl plugin', () => {
    it.each(pluginCases('<home>').map((k) => [k.args.join(' '), k] as const))('%s', async (_name, k) => {
      const env = Object.fromEntries(Object.entries(k.env ?? {}).map(([key, v]) => [key, v?.replaceAll('<home>', c.home)]));
      await expectSame(c, { ...k, env });
    });
  });
});
