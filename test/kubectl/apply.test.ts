// The manifest commands — apply (client- and server-side, prune, last-applied subcommands),
// create -f, replace, diff, edit, -k — ours against the real kubectl on one live cluster. Every
// step starts both sides from the same state (setup) and reads the cluster back (state).
import { chmodSync, mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, it } from 'vitest';
import { hasRealKubectl, useCluster } from '../support/cluster.js';
import { expectSameStep, type Step } from './apply-harness.js';
import { OVERLAY } from './apply-kustomize-trees.js';
import { badYaml, configMaps, deploySelector, deployV1, deployV2, multiDoc, noKind, serviceAndConfig } from './apply-manifests.js';

const NS = 'apply-t';

/** what apply decides about an object (the controllers' own annotations left out: they come when they come) */
const spec = (kind: string, name: string): string[] => ['get', kind, name, '-n', NS, '-o', 'jsonpath={.metadata.labels} {.metadata.annotations.note} {.metadata.annotations.kubectl\\.kubernetes\\.io/last-applied-configuration} {.spec}'];
const drop = (...objs: string[]): string[][] => objs.map((o) => ['delete', o, '-n', NS, '--ignore-not-found', '--wait']);

function steps(): { name: string; step: Step }[] {
  const f = (n: string): string => `<home>/${n}`;
  const dep = ['deploy/web'];
  const resetDeploy = [...drop('deploy/web'), ['apply', '-f', f('v1.yaml')]];
  const otherChange = ['set', 'env', 'deploy/web', '-n', NS, '-c', 'nginx', 'X=9'];
  return [
    { name: 'apply creates', step: { args: ['apply', '-f', 'v1.yaml'], setup: drop('deploy/web'), state: [spec('deploy', 'web')], cleanup: drop('deploy/web') } },
    { name: 'apply configures: removed fields, env merged by name, a change by someone else kept', step: { args: ['apply', '-f', 'v2.yaml'], setup: [...resetDeploy, otherChange, ['annotate', 'deploy/web', '-n', NS, 'note=kept']], state: [spec('deploy', 'web')], cleanup: drop(...dep) } },
    { name: 'apply unchanged', step: { args: ['apply', '-f', 'v1.yaml'], setup: resetDeploy, state: [spec('deploy', 'web')], cleanup: drop(...dep) } },
    { name: 'apply after someone else reordered env: configured', step: { args: ['apply', '-f', 'v1.yaml'], setup: [...resetDeploy, otherChange], state: [spec('deploy', 'web')], cleanup: drop(...dep) } },
    { name: 'apply --dry-run=client on a live object', step: { args: ['apply', '-f', 'v2.yaml', '--dry-run=client'], setup: resetDeploy, state: [spec('deploy', 'web')], cleanup: drop(...dep) } },
    { name: 'apply --dry-run=server', step: { args: ['apply', '-f', 'v2.yaml', '--dry-run=server', '-o', 'name'], setup: resetDeploy, state: [spec('deploy', 'web')], cleanup: drop(...dep) } },
    { name: 'apply --dry-run=client -o yaml of new objects', step: { args: ['apply', '-f', 'svc1.yaml', '--dry-run=client', '-o', 'yaml'] } },
    { name: 'apply -o yaml: several objects as a List', step: { args: ['apply', '-f', 'cms.yaml', '-o', 'yaml'], setup: drop('cm/p1', 'cm/p2'), cleanup: drop('cm/p1', 'cm/p2') } },
    { name: 'apply service and configmap, then v2: ports merged by port, data key removed', step: { args: ['apply', '-f', 'svc2.yaml'], setup: [...drop('svc/svc', 'cm/cfg'), ['apply', '-f', f('svc1.yaml')]], state: [spec('svc', 'svc'), ['get', 'cm', 'cfg', '-n', NS, '-o', 'yaml']], cleanup: drop('svc/svc', 'cm/cfg') } },
    { name: 'apply to an object made by create: the missing annotation warning', step: { args: ['apply', '-f', 'svc2.yaml'], setup: [...drop('svc/svc', 'cm/cfg'), ['create', '-f', f('svc1.yaml')]], state: [spec('svc', 'svc')], cleanup: drop('svc/svc', 'cm/cfg') } },
    { name: 'apply --prune -l with --prune-allowlist', step: { args: ['apply', '-f', 'cm1.yaml', '--prune', '-l', 'app=pr', '--prune-allowlist=core/v1/ConfigMap'], setup: [...drop('cm/p1', 'cm/p2'), ['apply', '-f', f('cms.yaml')]], state: [['get', 'cm', '-n', NS, '-l', 'app=pr', '-o', 'name']], cleanup: drop('cm/p1', 'cm/p2') } },
    { name: 'apply --prune -l with the default allowlist and --dry-run=client', step: { args: ['apply', '-f', 'cm1.yaml', '-n', NS, '--prune', '-l', 'app=pr', '--dry-run=client'], setup: [...drop('cm/p1', 'cm/p2'), ['apply', '-f', f('cms.yaml')]], state: [['get', 'cm', '-n', NS, '-l', 'app=pr', '-o', 'name']], cleanup: drop('cm/p1', 'cm/p2') } },
    { name: 'apply --prune without a selector', step: { args: ['apply', '-f', 'cm1.yaml', '--prune'] } },
    { name: 'apply a changed immutable selector: the patch error', step: { args: ['apply', '-f', 'selector.yaml'], setup: resetDeploy, state: [spec('deploy', 'web')], cleanup: drop(...dep) } },
    { name: 'apply --force: delete and re-create', step: { args: ['apply', '-f', 'selector.yaml', '--force'], setup: resetDeploy, state: [spec('deploy', 'web')], cleanup: drop(...dep) } },
    { name: 'apply --server-side', step: { args: ['apply', '--server-side', '-f', 'cm1.yaml'], setup: drop('cm/p1'), state: [['get', 'cm', '-n', NS, '-o', 'name']], cleanup: drop('cm/p1') } },
    { name: 'apply --server-side over another manager (conflict)', step: { args: ['apply', '--server-side', '-f', 'cm1b.yaml'], setup: [...drop('cm/p1'), ['apply', '--server-side', '--field-manager=other', '-f', f('cm1.yaml')]], state: [['get', 'cm', 'p1', '-n', NS, '-o', 'jsonpath={.data}']], cleanup: drop('cm/p1') } },
    { name: 'apply --force-conflicts without --server-side', step: { args: ['apply', '-f', 'cm1.yaml', '--force-conflicts'] } },
    { name: 'apply --server-side --dry-run=client', step: { args: ['apply', '-f', 'cm1.yaml', '--server-side', '--dry-run=client'] } },
    { name: 'apply without files', step: { args: ['apply'] } },
    { name: 'apply a document without kind', step: { args: ['apply', '-f', 'nokind.yaml'] } },
    { name: 'apply -k', step: { args: ['apply', '-k', 'kz/overlay', '--dry-run=client'] } },
    { name: 'view-last-applied', step: { args: ['apply', 'view-last-applied', 'deploy/web', '-n', NS], setup: resetDeploy, cleanup: drop(...dep) } },
    { name: 'view-last-applied -o json', step: { args: ['apply', 'view-last-applied', '-f', 'v1.yaml', '-o', 'json'], setup: resetDeploy, cleanup: drop(...dep) } },
    { name: 'set-last-applied', step: { args: ['apply', 'set-last-applied', '-f', 'v2.yaml'], setup: resetDeploy, state: [['apply', 'view-last-applied', 'deploy/web', '-n', NS]], cleanup: drop(...dep) } },
    { name: 'set-last-applied without an annotation', step: { args: ['apply', 'set-last-applied', '-f', 'cm1.yaml'], setup: [...drop('cm/p1'), ['create', '-f', f('cm1.yaml')]], cleanup: drop('cm/p1') } },
    { name: 'set-last-applied --create-annotation -o yaml', step: { args: ['apply', 'set-last-applied', '-f', 'cm1.yaml', '--create-annotation', '-o', 'yaml'], setup: [...drop('cm/p1'), ['create', '-f', f('cm1.yaml')]], cleanup: drop('cm/p1') } },
    { name: 'edit-last-applied with a sed editor', step: { args: ['apply', 'edit-last-applied', 'deploy/web', '-n', NS], env: { KUBE_EDITOR: f('ed-image.sh') }, setup: resetDeploy, state: [['apply', 'view-last-applied', 'deploy/web', '-n', NS]], cleanup: drop(...dep) } },
  ];
}

function createSteps(): { name: string; step: Step }[] {
  const f = (n: string): string => `<home>/${n}`;
  const all = drop('cm/m1', 'cm/m2', 'secret/m3', 'cm/ok1');
  const state = [['get', 'cm,secret', '-n', NS, '-o', 'name']];
  return [
    { name: 'create -f multi-doc with one object that exists', step: { args: ['create', '-f', 'multi.yaml'], setup: [...all, ['create', '-f', f('m2.yaml')]], state, cleanup: all } },
    { name: 'create -f -o yaml --dry-run=client', step: { args: ['create', '-f', 'multi.yaml', '-o', 'yaml', '--dry-run=client'] } },
    { name: 'create -f --save-config', step: { args: ['create', '-f', 'multi.yaml', '--save-config'], setup: all, state: [['get', 'cm', 'm1', '-n', NS, '-o', 'yaml']], cleanup: all } },
    { name: 'create -f with a YAML error after a good document', step: { args: ['create', '-f', 'bad.yaml'], setup: all, state, cleanup: all } },
    { name: 'create -f of several files, errors gathered', step: { args: ['create', '-f', 'multi.yaml', '-f', 'bad.yaml'], setup: [...all, ['create', '-f', f('m2.yaml')]], state, cleanup: all } },
    { name: 'create -f without kind', step: { args: ['create', '-f', 'nokind.yaml'] } },
    { name: 'create -f of a missing file', step: { args: ['create', '-f', 'nope.yaml'] } },
    { name: 'create -f from stdin --dry-run=server -o name', step: { args: ['create', '-f', '-', '--dry-run=server', '-o', 'name'], stdin: multiDoc(NS) } },
  ];
}

function replaceSteps(): { name: string; step: Step }[] {
  const reset = [...drop('cm/p1'), ['create', 'cm', 'p1', '-n', NS, '--from-literal=old=1']];
  const state = [['get', 'cm', 'p1', '-n', NS, '-o', 'jsonpath={.data} {.metadata.annotations}']];
  return [
    { name: 'replace', step: { args: ['replace', '-f', 'cm1.yaml'], setup: reset, state, cleanup: drop('cm/p1') } },
    { name: 'replace a missing object', step: { args: ['replace', '-f', 'cm1.yaml'], setup: drop('cm/p1'), state, cleanup: drop('cm/p1') } },
    { name: 'replace --force', step: { args: ['replace', '-f', 'cm1.yaml', '--force'], setup: reset, state, cleanup: drop('cm/p1') } },
    { name: 'replace --force --grace-period=0 -o name', step: { args: ['replace', '-f', 'cm1.yaml', '--force', '--grace-period=0', '-o', 'name'], setup: reset, state, cleanup: drop('cm/p1') } },
    { name: 'replace --save-config -o yaml', step: { args: ['replace', '-f', 'cm1.yaml', '--save-config', '-o', 'yaml'], setup: reset, state, cleanup: drop('cm/p1') } },
    { name: 'replace --grace-period without --force', step: { args: ['replace', '-f', 'cm1.yaml', '--grace-period=3'] } },
  ];
}

function diffSteps(): { name: string; step: Step }[] {
  const f = (n: string): string => `<home>/${n}`;
  const reset = [...drop('deploy/web', 'cm/p1', 'cm/p2', 'secret/m3'), ['apply', '-f', f('v1.yaml')], ['apply', '-f', f('cms.yaml')], ['rollout', 'status', 'deploy/web', '-n', NS, '--timeout=30s']];
  const clean = drop('deploy/web', 'cm/p1', 'cm/p2', 'secret/m3');
  return [
    { name: 'diff with changes: exit 1', step: { args: ['diff', '-f', 'v2.yaml'], setup: reset, cleanup: clean } },
    { name: 'diff without changes: exit 0', step: { args: ['diff', '-f', 'v1.yaml', '-f', 'cms.yaml'], setup: reset, cleanup: clean } },
    { name: 'diff of new objects, a Secret masked', step: { args: ['diff', '-f', 'multi.yaml'], setup: clean, cleanup: clean } },
    { name: 'diff --prune', step: { args: ['diff', '-f', 'cm1.yaml', '--prune', '-l', 'app=pr', '--prune-allowlist=core/v1/ConfigMap'], setup: reset, cleanup: clean } },
    { name: 'diff with KUBECTL_EXTERNAL_DIFF', step: { args: ['diff', '-f', 'cms.yaml'], env: { KUBECTL_EXTERNAL_DIFF: 'ls -1' }, setup: reset, cleanup: clean } },
    { name: 'diff with an error: exit 2', step: { args: ['diff', '-f', 'nokind.yaml'] } },
    { name: 'diff without files', step: { args: ['diff'] } },
  ];
}

function editSteps(): { name: string; step: Step }[] {
  const f = (n: string): string => `<home>/${n}`;
  const reset = [...drop('deploy/web', 'cm/p1'), ['apply', '-f', f('v1.yaml')], ['apply', '-f', f('cm1.yaml')]];
  const clean = drop('deploy/web', 'cm/p1');
  const state = [spec('deploy', 'web'), ['get', 'cm', 'p1', '-n', NS, '-o', 'jsonpath={.data}']];
  const editor = (script: string): NodeJS.ProcessEnv => ({ KUBE_EDITOR: f(script) });
  return [
    { name: 'edit with a sed editor', step: { args: ['edit', 'deploy/web', '-n', NS], env: editor('ed-image.sh'), setup: reset, state, cleanup: clean } },
    { name: 'edit --output-patch -o yaml', step: { args: ['edit', 'cm/p1', '-n', NS, '--output-patch', '-o', 'yaml'], env: editor('ed-data.sh'), setup: reset, state, cleanup: clean } },
    { name: 'edit in JSON', step: { args: ['edit', 'cm/p1', '-n', NS, '-o', 'json'], env: editor('ed-data.sh'), setup: reset, state, cleanup: clean } },
    { name: 'edit with no change', step: { args: ['edit', 'deploy/web', '-n', NS], env: editor('ed-none.sh'), setup: reset, state, cleanup: clean } },
    { name: 'edit an invalid value: reopened, then cancelled with the file kept', step: { args: ['edit', 'deploy/web', '-n', NS], env: editor('ed-invalid.sh'), setup: reset, state, cleanup: clean } },
    { name: 'edit a YAML syntax error', step: { args: ['edit', 'deploy/web', '-n', NS], env: editor('ed-syntax.sh'), setup: reset, state, cleanup: clean } },
    { name: 'edit several objects as a List', step: { args: ['edit', 'cm', '-n', NS], env: editor('ed-data.sh'), setup: reset, state, cleanup: clean } },
    { name: 'edit a missing object', step: { args: ['edit', 'cm/nope', '-n', NS], env: editor('ed-none.sh') } },
    { name: 'edit with a missing editor', step: { args: ['edit', 'cm/p1', '-n', NS], env: { KUBE_EDITOR: 'no-such-editor' }, setup: reset, cleanup: clean } },
    { name: 'create --edit', step: { args: ['create', '--edit', '-f', 'cm1.yaml'], env: editor('ed-data.sh'), setup: drop('cm/p1'), state: [['get', 'cm', 'p1', '-n', NS, '-o', 'jsonpath={.data}']], cleanup: drop('cm/p1') } },
  ];
}

const SCRIPTS: Record<string, string> = {
  'ed-image.sh': 'sed -i "s/nginx:1.25/nginx:1.27/" "$1"',
  'ed-data.sh': 'sed -i "s/^  k: p1/  k: edited/; s/\\"k\\": \\"p1\\"/\\"k\\": \\"edited\\"/" "$1"',
  'ed-none.sh': 'true',
  'ed-invalid.sh': 'sed -i "s/replicas: 0/replicas: -1/" "$1"',
  'ed-syntax.sh': 'grep -q "web: x" "$1" || sed -i "s/^  name: web$/  name: web: x/" "$1"',
};

function writeFiles(home: string): void {
  const w = (n: string, text: string): void => writeFileSync(join(home, n), text);
  w('v1.yaml', deployV1(NS));
  w('v2.yaml', deployV2(NS));
  w('selector.yaml', deploySelector(NS));
  w('svc1.yaml', serviceAndConfig(NS, 1));
  w('svc2.yaml', serviceAndConfig(NS, 2));
  w('cms.yaml', configMaps(NS, ['p1', 'p2']));
  w('cm1.yaml', configMaps(NS, ['p1']));
  w('cm1b.yaml', configMaps(NS, ['p1']).replace('k: p1', 'k: changed'));
  w('multi.yaml', multiDoc(NS));
  w('m2.yaml', multiDoc(NS).split('---\n')[1]!);
  w('bad.yaml', badYaml(NS));
  w('nokind.yaml', noKind);
  for (const [name, body] of Object.entries(SCRIPTS)) {
    w(name, `#!/bin/sh\n${body}\n`);
    chmodSync(join(home, name), 0o755);
  }
  for (const [path, text] of Object.entries(OVERLAY)) {
    mkdirSync(join(home, 'kz', path, '..'), { recursive: true });
    w(join('kz', path), text);
  }
}

describe.skipIf(!hasRealKubectl)('manifest commands, ours against the real kubectl', () => {
  const c = useCluster();
  beforeAll(async () => {
    writeFiles(c.home);
    await c.kubectl(['create', 'namespace', NS]);
  }, 60_000);
  afterAll(async () => {
    await c.kubectl(['delete', 'namespace', NS, '--wait=false']);
  });
  const groups: [string, () => { name: string; step: Step }[]][] = [
    ['apply', steps], ['create -f', createSteps], ['replace', replaceSteps], ['diff', diffSteps], ['edit', editSteps],
  ];
  for (const [group, make] of groups) {
    describe(group, () => {
      for (const { name, step } of make()) {
        it(name, async () => {
          await expectSameStep(c, step);
        }, 60_000);
      }
    });
  }
});
