// Manifests with a line mis-indented, a `:` or a `- ` dropped or added, as people break them: for
// each, the -f reader's verdict (src/cli/kubectl/resource/files.ts) against what the real kubectl
// says of the same bytes with `label --local -f x.yaml a=b -o name` (no server needed). The breakages
// come from a seeded generator, so a failure names a case that can be re-run.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { decodeManifests } from '../../src/cli/kubectl/resource/files.js';
import { hasRealKubectl, REAL_KUBECTL } from '../support/cluster.js';

const BASES = [
  `apiVersion: apps/v1
kind: Deployment
metadata:
  labels:
    app: web
  name: web
spec:
  replicas: 2
  selector:
    matchLabels:
      app: web
  template:
    metadata:
      labels:
        app: web
    spec:
      containers:
      - image: nginx:1.25
        name: nginx
        env:
        - name: MODE
          valueFrom:
            configMapKeyRef:
              key: mode
              name: cfg
        ports:
        - containerPort: 80
          protocol: TCP
        readinessProbe:
          httpGet:
            path: /
            port: 80
        volumeMounts:
        - mountPath: /data
          name: data
      volumes:
      - emptyDir: {}
        name: data
`,
  `apiVersion: v1
kind: ConfigMap
metadata:
  annotations:
    note: 'a long note that runs
      over two lines'
  name: cfg
data:
  Corefile: |
    .:53 {
        errors
        health {
           lameduck 5s
        }
    }
  mode: fast
`,
  `apiVersion: networking.k8s.io/v1
kind: NetworkPolicy
metadata:
  name: allow-web
spec:
  podSelector:
    matchLabels:
      app: web
  ingress:
  - from:
    - podSelector: {matchLabels: {role: frontend}}
    - namespaceSelector:
        matchLabels:
          team: a
    ports:
    - port: 80
      protocol: TCP
  policyTypes: [Ingress,
    Egress]
`,
];

/** A breakage of one line, as a seeded generator picks it. */
function breakLine(line: string, r: () => number): string {
  const kind = Math.floor(r() * 5);
  const shift = 1 + Math.floor(r() * 3);
  if (kind === 0) return ' '.repeat(shift) + line;
  if (kind === 1) return line.replace(new RegExp(`^ {0,${shift}}`), '');
  if (kind === 2) return line.replace(/: ?/, r() < 0.5 ? ' ' : '');
  if (kind === 3) return line.replace('- ', r() < 0.5 ? '' : '  ');
  return line.replace(/^( *)/, '$1- ');
}

function cases(seed: number, n: number): string[] {
  let s = seed;
  const r = (): number => (s = (s * 1103515245 + 12345) % 2147483648) / 2147483648;
  const out: string[] = [];
  while (out.length < n) {
    const lines = BASES[Math.floor(r() * BASES.length)]!.split('\n');
    const i = Math.floor(r() * (lines.length - 1));
    lines[i] = breakLine(lines[i]!, r);
    out.push(lines.join('\n'));
  }
  return out;
}

describe.skipIf(!hasRealKubectl)('-f reader on broken manifests, ours against the real kubectl', () => {
  const dir = mkdtempSync(join(tmpdir(), 'kubedojo-yaml-errors-'));
  const kubeconfig = join(dir, 'kubeconfig');
  writeFileSync(kubeconfig, '');
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it.each(cases(20261124, 60).map((text, i) => [i, text] as const))('case %i', (_i, text) => {
    writeFileSync(join(dir, 'x.yaml'), text);
    const real = spawnSync(REAL_KUBECTL, ['label', '--local', '-f', 'x.yaml', 'a=b', '-o', 'name'], {
      cwd: dir, encoding: 'utf8', env: { PATH: process.env.PATH, HOME: dir, KUBECONFIG: kubeconfig },
    });
    const items = decodeManifests(text, 'x.yaml');
    const last = items[items.length - 1];
    const ours = last && 'error' in last ? `error: ${last.error.message}\n` : '';
    // a manifest that reads is labelled, or refused for what it says (a missing name...): only the reader's errors are compared
    const realReadError = /^error: (error parsing|unable to decode) /.test(real.stderr) ? real.stderr : '';
    expect(ours, JSON.stringify(text)).toBe(realReadError);
  });
});
