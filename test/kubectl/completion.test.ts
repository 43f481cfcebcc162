// Shell completion: `kubectl completion SHELL` and cobra's hidden `__complete`/`__completeNoDesc`,
// ours (in-process) against the real kubectl v1.32.4 run with the same environment. Offline cases use
// a temporary HOME with an empty kubeconfig (server http://localhost:8080, refused: completion
// functions degrade to klog lines and no candidates) or a written one; the live block compares
// resource types, names, namespaces and containers on one cluster.
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eventually, hasRealKubectl, REAL_KUBECTL, run, useCluster, type RunResult } from '../support/cluster.js';
import { expectSame, type Case } from './differential.js';
import { runOurs } from './in-process.js';
import { normalise } from './normalise.js';

interface OfflineCase {
  args: string[];
  /** use the kubeconfig with several contexts/clusters/users */
  config?: boolean;
  /** put the directory of fake plugins first on PATH */
  plugins?: boolean;
  /** the real kubectl ranges over a Go map (random order): compare the candidate lines sorted */
  unordered?: boolean;
  env?: Record<string, string>;
}

const KUBECONFIG = `apiVersion: v1
kind: Config
clusters:
- name: alpha-cluster
  cluster: {server: "http://127.0.0.1:1"}
- name: beta-cluster
  cluster: {server: "http://127.0.0.1:1"}
contexts:
- name: dev
  context: {cluster: alpha-cluster, user: alice}
- name: prod
  context: {cluster: beta-cluster, user: bob, namespace: web}
users:
- name: alice
  user: {}
- name: bob
  user: {}
current-context: dev
`;

const c = (args: string[], more: Partial<OfflineCase> = {}): OfflineCase => ({ args, ...more });

const SCRIPTS: OfflineCase[] = [
  c(['completion', 'bash']), c(['completion', 'zsh']), c(['completion', 'fish']), c(['completion', 'powershell']),
  c(['completion']), c(['completion', 'tcsh']), c(['completion', 'bash', 'zsh']), c(['completion', 'bash', '--no-descriptions']),
];

const COMMANDS: OfflineCase[] = [
  c(['__complete', '']), c(['__complete', 'c']), c(['__completeNoDesc', 'c']), c(['__complete', 'config', '']),
  c(['__complete', 'config', 'set']), c(['__complete', 'create', '']), c(['__complete', 'create', 'secret', '']),
  c(['__complete', 'rollout', 'st']), c(['__complete', 'help', '']), c(['__complete', 'help', 'config', 's']),
  c(['__complete', 'help', 'bogus', '']), c(['__complete', 'bogus', '']), c(['__complete', 'bogus', 'more', '']),
  c(['__complete', 'x']), c(['__complete']), c(['__complete', 'completion', ''], { unordered: true }),
  c(['__complete', 'completion', 'b']), c(['__complete', 'completion', 'bash', '']), c(['__complete', 'alpha', '']),
  c(['__complete', 'create', 'deploy', '']), c(['__complete', 'create', 'deploy', 'x', '--image=nginx', '']),
  c(['__complete', 'scale', '']), c(['__complete', 'scale', 'st']), c(['__complete', 'autoscale', '']),
  c(['__complete', 'rollout', 'status', '']), c(['__complete', 'rollout', 'status', 'deployment', 'x', '']),
  c(['__complete', 'set', 'image', '']), c(['__complete', 'taint', '']), c(['__complete', 'expose', '']),
  c(['__complete', 'rollout', 'undo', 'deployment/x', 'st']), c(['__complete', 'create', 'deploy', 'x', '']),
  c(['__complete', 'version', '']), c(['__complete', 'get', '--help', '']), c(['__complete', 'get', '-h', '--']),
  c(['__complete', 'cp', '']), c(['__complete', 'cp', './x']), c(['__complete', 'cp', 'a', '']),
];

const FLAGS: OfflineCase[] = [
  c(['__complete', '--']), c(['__complete', '-']), c(['__complete', '--c']), c(['__complete', 'get', '--']),
  c(['__complete', 'get', '-']), c(['__complete', 'get', '--ou']), c(['__completeNoDesc', 'get', '-']),
  c(['__complete', 'get', '-o', 'json', '--o']), c(['__complete', 'get', '-l', 'a', '-l', 'b', '--sel']),
  c(['__complete', 'get', '--show-kind', '--show']), c(['__complete', 'apply', '--re']), c(['__complete', 'delete', '--rec']),
  c(['__complete', 'create', 'deploy', 'x', '--']), c(['__complete', 'create', 'deploy', 'x', '-']),
  c(['__complete', 'create', 'cronjob', 'x', '--image=a', '']), c(['__complete', 'create', 'cronjob', 'x', '--']),
  c(['__complete', 'run', 'x', '--im']), c(['__complete', 'config', 'view', '--']), c(['__complete', 'create', 'cm', 'x', '--from-literal=a=b', '--from-l']),
  c(['__complete', 'get', '--bogus', '']), c(['__complete', 'get', '--bogus=']), c(['__complete', 'get', '--', '--bogus=']),
  c(['__complete', 'get', '-o', '']), c(['__complete', 'get', '-o', 'j']), c(['__complete', 'get', '--output=js']),
  c(['__complete', 'get', '-o=y']), c(['__complete', 'create', 'deploy', 'x', '-o', '']), c(['__complete', 'get', '-f', '']),
  c(['__complete', 'apply', '--filename=']), c(['__complete', 'taint', '-f', '']), c(['__complete', 'apply', '--subresource', '']),
  c(['__complete', 'get', '--subresource', 's']), c(['__complete', 'get', '-l', '']), c(['__complete', 'get', '-A', '--', '-']),
  c(['__complete', 'get', 'pods', '--', '--']), c(['__complete', 'get', '-w', '--']),
  c(['__complete', 'logs', '-c', '']), c(['__complete', 'exec', '-c', '']), c(['__complete', 'exec', '-it', '-c', '']),
  c(['__complete', '-v', '']), c(['__complete', '--v=']), c(['__complete', 'get', '--all-namespaces', '']),
  c(['__complete', 'get', '-ojson', '']), c(['__complete', 'get', '-Ao', '']), c(['__complete', 'get', '-o=json', '-']),
  c(['__complete', 'delete', '--cascade', '']), c(['__complete', 'create', 'deploy', 'x', '--image', 'a', '--image', '']),
  c(['__complete', 'exec', 'x', '--', '-']), c(['__complete', '--', '']), c(['__complete', 'options', '--']), c(['__complete', 'options', '']),
  c(['__complete', 'scale', '--replicas=1', '']), c(['__complete', 'scale', '--current-replicas=1', '']), c(['__complete', 'get', 'a/b', 'c']),
];

const CONFIG: OfflineCase[] = [
  c(['__complete', '--context', ''], { config: true, unordered: true }), c(['__complete', '--context', 'p'], { config: true }),
  c(['__complete', 'get', '--context=d'], { config: true }), c(['__complete', '--cluster', 'b'], { config: true }),
  c(['__complete', 'get', '--user', ''], { config: true, unordered: true }), c(['__complete', 'config', 'use-context', 'pr'], { config: true }),
  c(['__complete', 'config', 'use-context', 'prod', ''], { config: true }), c(['__complete', 'config', 'delete-cluster', 'a'], { config: true }),
  c(['__complete', 'config', 'delete-user', 'b'], { config: true }), c(['__complete', 'config', 'rename-context', ''], { config: true, unordered: true }),
  c(['__complete', 'config', 'set-context', 'x', '--cluster', '']), c(['__complete', 'create', 'rolebinding', 'x', '--user', 'a'], { config: true }),
  c(['__complete', '--context', ''], { config: true, unordered: true, env: { KUBECTL_COMPLETION_DESCRIPTIONS: 'false' } }),
  c(['__complete', 'co'], { env: { KUBECTL_COMPLETION_DESCRIPTIONS: 'false' } }), c(['__complete', 'co'], { env: { COBRA_COMPLETION_DESCRIPTIONS: '0' } }),
  c(['__complete', 'co'], { env: { KUBECTL_COMPLETION_DESCRIPTIONS: 'yes' } }),
  c(['__complete', 'config', '--']), c(['__complete', 'config', 'view', '--k']), c(['__complete', 'config', 'use-context', '--kubeconfig=config', '']),
  c(['__complete', '--kubeconfig=config', '--context', 'd']), c(['__complete', '--kubeconfig', 'config', 'config', 'use-context', '']),
];

/** kubectl-foo (with kubectl_complete-foo), kubectl-foo-bar, kubectl-no_comp on PATH. */
const PLUGINS: OfflineCase[] = [
  c(['__complete', '']), c(['__complete', 'f']), c(['__complete', 'foo', '']), c(['__complete', 'foo', 'b']),
  c(['__complete', 'foo', 'x', '-']), c(['__complete', 'foo', 'bar', '']), c(['__complete', 'no-comp', '']),
  c(['__complete', 'foo', '--flag', 'v', '']), c(['__completeNoDesc', 'foo', '']), c(['__complete', 'get', '']),
].map((k) => ({ ...k, plugins: true }));

const SCRIPT_FOO = `#!/bin/sh
echo "args:$#:$*" >&2
printf 'one\\tfirst\\ntwo\\n:4\\n'
`;

/** Server-dependent completions with the server unreachable: klog lines, no candidates. */
const UNREACHABLE: OfflineCase[] = [
  c(['__complete', 'get', '']), c(['__complete', 'get', 'po']), c(['__complete', 'get', 'pods', '']),
  c(['__complete', '-n', '']), c(['__complete', 'get', 'pods', '--', '']), c(['__complete', 'logs', '']),
  c(['__complete', 'drain', '']), c(['__complete', 'describe', 'pods/']), c(['__complete', 'exec', 'x', '-c', '']),
  c(['__complete', 'get', 'pods/x', '']), c(['__complete', 'port-forward', '']),
  c(['__complete', 'logs', 'deploy/x', '']), c(['__complete', 'logs', 'pod/x', '']), c(['__complete', 'exec', 'deploy/x', '-c', '']),
  c(['__complete', 'port-forward', 'deploy/x', '']),
];

function sortCandidates(out: string): string {
  const lines = out.split('\n');
  const directive = lines.findIndex((l) => l.startsWith(':'));
  return [...lines.slice(0, directive).sort(), ...lines.slice(directive)].join('\n');
}

function show(r: RunResult, k: OfflineCase): RunResult {
  return { code: r.code, stdout: k.unordered === true ? sortCandidates(r.stdout) : r.stdout, stderr: normalise(r.stderr) };
}

describe.skipIf(!hasRealKubectl)('kubectl completion and __complete offline, ours against the real one', () => {
  let home = '';
  const envFor = (k: OfflineCase): Record<string, string> => ({
    HOME: home, PATH: k.plugins === true ? `${join(home, 'plugins')}:/usr/bin:/bin` : '/usr/bin:/bin', KUBECONFIG: join(home, k.config === true ? 'config' : 'empty'), ...k.env,
  });
  beforeAll(() => {
    home = mkdtempSync(join(tmpdir(), 'kubectl-completion-'));
    mkdirSync(join(home, 'x-dir'));
    writeFileSync(join(home, 'empty'), '');
    writeFileSync(join(home, 'config'), KUBECONFIG);
    mkdirSync(join(home, 'plugins'));
    const plugin = (name: string, text: string) => writeFileSync(join(home, 'plugins', name), text, { mode: 0o755 });
    for (const name of ['kubectl-foo', 'kubectl-foo-bar', 'kubectl-no_comp']) plugin(name, '#!/bin/sh\necho plugin\n');
    plugin('kubectl_complete-foo', SCRIPT_FOO);
  });
  afterAll(() => rmSync(home, { recursive: true, force: true }));
  for (const k of [...SCRIPTS, ...COMMANDS, ...FLAGS, ...CONFIG, ...PLUGINS, ...UNREACHABLE]) {
    const notes = `${k.config === true ? ' (kubeconfig)' : ''}${k.plugins === true ? ' (plugins)' : ''}${k.env ? ` ${JSON.stringify(k.env)}` : ''}`;
    it(`${k.args.join(' ')}${notes}`, async () => {
      const real = await run(REAL_KUBECTL, k.args, envFor(k));
      const ours = await runOurs(k.args, envFor(k));
      expect(show(ours, k)).toEqual(show(real, k));
    });
  }
});

const LIVE: Case[] = [
  { args: ['__complete', 'get', ''] },
  { args: ['__complete', 'get', 'dep'] },
  { args: ['__complete', 'get', 'pods,s'] },
  { args: ['__complete', 'get', 'ns', ''] },
  { args: ['__complete', 'get', 'ns', 'default', ''] },
  { args: ['__complete', 'get', 'nodes', ''] },
  { args: ['__complete', 'get', 'pods', '-n', 'kube-system', ''] },
  { args: ['__complete', '-n', 'comp', 'get', 'po', 'w'] },
  { args: ['__complete', 'get', 'ns/d'] },
  { args: ['__complete', 'get', 'ns/default', ''] },
  { args: ['__complete', 'get', 'ns/default', 'ns/'] },
  { args: ['__complete', 'describe', 'ns', 'k'] },
  { args: ['__complete', 'delete', '-n', 'comp', 'deploy', ''] },
  { args: ['__complete', 'scale', '-n', 'comp', 'deployment', ''] },
  { args: ['__complete', 'rollout', 'status', '-n', 'comp', 'deployment/'] },
  { args: ['__complete', '-n', ''] },
  { args: ['__complete', 'get', 'pods', '--namespace', 'k'] },
  { args: ['__complete', '--namespace=d'] },
  { args: ['__complete', 'drain', ''] },
  { args: ['__complete', 'cordon', 'n'] },
  { args: ['__complete', 'taint', 'node', ''] },
  { args: ['__complete', 'top', 'node', ''] },
  { args: ['__complete', '-n', 'comp', 'logs', ''] },
  { args: ['__complete', '-n', 'comp', 'logs', 'two', ''] },
  { args: ['__complete', '-n', 'comp', 'logs', 'pod/two', ''] },
  { args: ['__complete', '-n', 'comp', 'exec', 'two', '-c', ''] },
  { args: ['__complete', '-n', 'comp', 'logs', 'deploy/web', ''] },
  { args: ['__complete', '-n', 'comp', 'logs', 'deployment/nope', ''] },
  { args: ['__complete', '-n', 'comp', 'exec', 'deploy/web', '-c', ''] },
  { args: ['__complete', '-n', 'comp', 'port-forward', 'deploy/web', ''] },
  { args: ['__complete', '-n', 'comp', 'logs', 'svc/web', ''] },
  { args: ['__complete', '-n', 'comp', 'exec', 'two', '-c', 'b'] },
  { args: ['__complete', '-n', 'comp', 'exec', 'de'] },
  { args: ['__complete', '-n', 'comp', 'exec', 'pods/'] },
  { args: ['__complete', '-n', 'comp', 'attach', 'nomatch'] },
  { args: ['__complete', '-n', 'comp', 'port-forward', 'two', ''] },
  { args: ['__complete', '-n', 'comp', 'port-forward', 'svc/web', ''] },
  { args: ['__complete', '-n', 'comp', 'create', 'token', ''] },
  { args: ['__complete', 'create', 'clusterrolebinding', 'x', '--clusterrole', 'vi'] },
  { args: ['__complete', 'cp', 'com'] },
  { args: ['__complete', 'cp', 'comp/'] },
  { args: ['__completeNoDesc', 'get', 'svc', '-A', ''] },
  { args: ['__complete', 'get', 'cs', ''] },
  { args: ['__complete', 'get', 'pods,svc', '-n', 'comp', ''] },
  { args: ['__complete', 'get', 'nope', ''] },
  { args: ['__complete', 'delete', 'ns', 'default', 'kube-system', ''] },
  { args: ['__complete', 'rollout', 'status', 'deployment', 'x', ''] },
];

describe.skipIf(!hasRealKubectl)('__complete against a live cluster, ours against the real one', () => {
  const cl = useCluster();
  beforeAll(async () => {
    await cl.kubectl(['create', 'ns', 'comp']);
    await eventually(cl, ['-n', 'comp', 'get', 'sa', 'default', '-o', 'name'], (out) => out !== '');
    await cl.kubectl(['-n', 'comp', 'create', 'deploy', 'web', '--image=nginx', '--port=80']);
    await cl.kubectl(['-n', 'comp', 'expose', 'deploy', 'web', '--port=8080', '--target-port=80']);
    await cl.kubectl(['-n', 'comp', 'run', 'two', '--image=busybox', '--restart=Never', '--overrides',
      '{"spec":{"initContainers":[{"name":"init","image":"busybox"}],"containers":[{"name":"a","image":"busybox","ports":[{"containerPort":81}]},{"name":"b","image":"busybox"}]}}']);
  }, 90_000);
  for (const k of LIVE) {
    it(k.args.join(' '), async () => {
      await expectSame(cl, k);
    });
  }
  // The comparisons above must not be of empty lists: the real kubectl finds what was created.
  const FOUND: [string[], string][] = [
    [['__complete', 'get', 'ns', ''], 'comp\n'],
    [['__complete', 'get', 'dep'], 'deployments.apps\n'],
    [['__complete', '-n', 'comp', 'logs', 'two', ''], 'init\na\nb\n'],
    [['__complete', '-n', 'comp', 'port-forward', 'svc/web', ''], '8080:8080\n'],
    [['__complete', '-n', 'comp', 'exec', 'pods/'], 'pods/two\n'],
    [['__complete', 'cp', 'comp/'], 'comp/two:\n'],
  ];
  for (const [args, text] of FOUND) {
    it(`the real kubectl finds ${JSON.stringify(text)} for ${args.join(' ')}`, async () => {
      expect((await cl.kubectl(args)).stdout).toContain(text);
    });
  }
});
