// kubectl scale and patch cases, in namespace mt-sp: the scale subresource (patch, or get+put
// with preconditions), its errors; strategic/merge/JSON patches on the server, `(no change)`,
// subresources, patch files, dry runs, and patches applied locally with --local.
import type { MutateCase } from './mutate-harness.js';

export const SP_NS = 'mt-sp';
const n = (...args: string[]): string[] => ['-n', SP_NS, ...args];

export const SP_SEED: string[][] = [
  n('create', 'deployment', 's1', '--image=nginx'),
  n('create', 'deployment', 's2', '--image=nginx'),
  n('create', 'configmap', 'pc', '--from-literal=a=b'),
];

const scaleBack: string[][] = [n('scale', 'deployment', 's1', 's2', '--replicas=1')];
const unlabel: string[][] = [n('label', 'deployment', 's1', 'x-'), ...scaleBack];
const resetCm: string[][] = [n('delete', 'configmap', 'pc'), n('create', 'configmap', 'pc', '--from-literal=a=b')];
const rv: [RegExp, string][] = [[/was \d+/g, 'was N']];

export const SP_FILES: Record<string, string> = {
  'sp-s1.yaml': 'apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: s1\n  namespace: mt-sp\n',
  'sp-patch.yaml': 'spec:\n  replicas: 2\n',
  'sp-deploy.yaml': `apiVersion: apps/v1
kind: Deployment
metadata:
  name: web
  finalizers: [a.io/x]
spec:
  replicas: 1
  selector:
    matchLabels: {app: web}
  template:
    metadata:
      labels: {app: web}
    spec:
      containers:
      - name: side
        image: busybox
        env: [{name: A, value: "1"}]
        ports: [{containerPort: 80}]
      - name: web
        image: nginx
`,
};

export const SCALE_CASES: MutateCase[] = [
  { args: n('scale', 'deployment', 's1', '--replicas=2'), undo: scaleBack },
  { args: n('scale', 'deploy', 's1', '--replicas=2', '--current-replicas=1'), undo: scaleBack },
  { args: n('scale', 'deploy', 's1', '--replicas=2', '--current-replicas=3') },
  { args: n('scale', 'deploy', 's1', '--replicas=2', '--resource-version=1'), mask: rv },
  { args: n('scale', 'deploy', 's1', 's2', '--replicas=2', '--resource-version=1') },
  { args: n('scale', 'deploy/s1', 'deploy/s2', '--replicas=2'), undo: scaleBack },
  { args: n('scale', 'deploy', '--all', '--replicas=2'), undo: scaleBack },
  { args: n('scale', 'deploy', '-l', 'app=s1', '--replicas=2'), undo: scaleBack },
  { args: n('scale', 'deploy', '-l', 'app=none', '--replicas=2') },
  { args: n('scale', 'deploy', 's1', '--replicas=2', '--dry-run=client') },
  { args: n('scale', 'deploy', 's1', '--replicas=2', '--dry-run=server') },
  { args: n('scale', 'deploy', 's1', '--replicas=2', '-o', 'name'), undo: scaleBack },
  { args: n('scale', 'rs', '--all', '--replicas=1', '--dry-run=client') },
  { args: n('scale', 'deploy', 's1', '--replicas=-1') },
  { args: n('scale', 'deploy', 's1', '--replicas=1', '--current-replicas=-2') },
  { args: n('scale', 'deploy', 's1') },
  { args: n('scale', 'deploy', 'nope', '--replicas=1') },
  { args: n('scale', 'deploy', 's1', 'nope', '--replicas=2'), undo: scaleBack },
  { args: n('scale', 'configmap', 'pc', '--replicas=2') },
  { args: n('scale', 'deploy', 's1', '--replicas=2', '-o', 'wibble') },
  { args: n('scale', '--replicas=2') },
  { args: n('scale', 'deploy', '--replicas=2') },
  { args: n('scale', '-f', 'sp-deploy.yaml', '--replicas=2', '--dry-run=client') },
  { args: ['scale', '-f', 'sp-s1.yaml', '--replicas=2'], undo: scaleBack },
];

const strategic = (p: unknown): string[] => ['-p', JSON.stringify(p)];

export const PATCH_CASES: MutateCase[] = [
  { args: n('patch', 'deploy', 's1', ...strategic({ spec: { replicas: 2 } })), undo: scaleBack },
  { args: n('patch', 'deploy', 's1', ...strategic({ spec: { replicas: 1 } })), settle: n('deploy', 's1') },
  { args: n('patch', 'deploy', 's1', '-p', '{}'), settle: n('deploy', 's1') },
  { args: n('patch', 'deploy', 's1', '--type=merge', ...strategic({ metadata: { labels: { x: 'y' } } })), undo: unlabel },
  { args: n('patch', 'deploy', 's1', '--type=json', '-p', '[{"op":"replace","path":"/spec/replicas","value":2}]'), undo: scaleBack },
  { args: n('patch', 'deploy', 's1', '--type=json', '-p', '[{"op":"replace","path":"/spec/nope/x","value":2}]') },
  { args: n('patch', 'deploy', 's1', '--subresource=scale', '--type=merge', ...strategic({ spec: { replicas: 1 } })), settle: n('deploy', 's1') },
  { args: n('patch', 'deploy', 's1', '--subresource=nope', '-p', '{}') },
  { args: n('patch', 'deploy', 's1', '--patch-file=sp-patch.yaml'), undo: scaleBack },
  { args: n('patch', 'deploy', 's1', '--patch-file=sp-nope.yaml') },
  { args: n('patch', 'cm', 'pc', '-p', 'data: {x: "1"}'), undo: resetCm },
  { args: n('patch', 'cm', 'pc', '-p', 'data: {x: 1'), undo: resetCm },
  { args: n('patch', 'deploy', 's1', '-p', '{}', '--dry-run=client') },
  { args: n('patch', 'deploy', 's1', ...strategic({ spec: { replicas: 3 } }), '--dry-run=client', '-o', 'name') },
  { args: n('patch', 'deploy', 's1', ...strategic({ spec: { replicas: 3 } }), '--dry-run=server') },
  { args: n('patch', 'cm', 'pc', ...strategic({ data: { x: '1' } }), '--dry-run=client', '-o', 'yaml') },
  { args: n('patch', 'deploy', 's1', '-p', '{}', '-o', 'wibble') },
  { args: n('patch', 'deploy', 's1', 's2', '-p', '{}') },
  { args: n('patch', 'deploy', 'nope', '-p', '{}') },
  { args: n('patch', 'deploy', '-p', '{}') },
  { args: n('patch', '-p', '{}') },
  { args: n('patch', 'deploy', 's1') },
  { args: n('patch', 'deploy', 's1', '-p', '{}', '--patch-file=sp-patch.yaml') },
  { args: n('patch', 'deploy', 's1', '--type=foo', '-p', '{}') },
  { args: n('patch', 'deploy', 's1', '-p', '{}', '--local') },
  { args: ['patch', '-f', 'sp-s1.yaml', ...strategic({ spec: { replicas: 2 } })], undo: scaleBack },
  // applied here, not on the server
  { args: ['patch', '--local', '-f', 'sp-deploy.yaml', '-p', '{"spec":{"template":{"spec":{"containers":[{"name":"web","image":"nginx:2"}]}}}}', '-o', 'json'] },
  { args: ['patch', '--local', '-f', 'sp-deploy.yaml', '-p', '{"spec":{"template":{"spec":{"containers":[{"name":"x","image":"y"}]}}}}', '-o', 'yaml'] },
  { args: ['patch', '--local', '-f', 'sp-deploy.yaml', '-p', '{"spec":{"template":{"spec":{"containers":[{"name":"web","$patch":"delete"}]}}}}', '-o', 'yaml'] },
  { args: ['patch', '--local', '-f', 'sp-deploy.yaml', '-p', '{"metadata":{"finalizers":["b.io/y"]}}', '-o', 'yaml'] },
  { args: ['patch', '--local', '-f', 'sp-deploy.yaml', '--type=merge', '-p', '{"spec":{"replicas":null}}', '-o', 'yaml'] },
  { args: ['patch', '--local', '-f', 'sp-deploy.yaml', '--type=json', '-p', '[{"op":"add","path":"/spec/paused","value":true}]', '-o', 'name'] },
  { args: ['patch', '--local', '-f', 'sp-deploy.yaml', '--type=json', '-p', '[{"op":"remove","path":"/spec/nope"}]'] },
  { args: ['patch', '--local', '-f', 'sp-deploy.yaml', '--type=json', '-p', '[{"op":"test","path":"/spec/replicas","value":5}]'] },
  { args: ['patch', '--local', '-f', 'sp-deploy.yaml', '--type=json', '-p', '[1'] },
  { args: ['patch', '--local', '-f', 'sp-deploy.yaml', '-p', '{a: 1'] },
  { args: ['patch', '--local', '-f', 'sp-deploy.yaml', '-p', '{}', '--dry-run=server'] },
];
