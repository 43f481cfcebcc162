// The apiserver issue's measures: `kubedojo up` on a fresh home until the API answers and the
// nodes exist (goal <= 1 s), the real `kubectl get pods` against the daemon (the mark our kubectl
// must beat), the daemon's idle RSS with the default cluster (goal <= 150 MB), and `get pods -A`
// with 10,000 pods (many-pods.ts).
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fmt, wallMs } from './timing.js';
import { manyPodsRows } from './many-pods.js';

function envFor(home: string): NodeJS.ProcessEnv {
  return { ...process.env, HOME: home, KUBEDOJO_HOME: join(home, '.kubedojo'), KUBECONFIG: join(home, '.kube/config') };
}

function rssMb(pid: number): number {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  return Number(/VmRSS:\s+(\d+)/.exec(status)?.[1] ?? 0) / 1024;
}

export async function clusterRows(): Promise<[string, string][]> {
  if (!existsSync('dist/kubedojo.cjs')) return [['kubedojo', 'not built']];
  const home = mkdtempSync(join(tmpdir(), 'kubedojo-bench-up-'));
  const env = envFor(home);
  const rows: [string, string][] = [];
  try {
    const t0 = performance.now();
    const up = spawnSync('bin/kubedojo', ['up'], { env, encoding: 'utf8' });
    const upMs = performance.now() - t0;
    if (up.status !== 0) return [['kubedojo up', `failed: ${up.stderr}`]];
    const nodes = execFileSync('/usr/bin/kubectl', ['get', 'nodes', '-o', 'name'], { env, encoding: 'utf8' }).trim().split('\n').length;
    rows.push(['`kubedojo up` fresh home → API answering, nodes listed', `${fmt(upMs, 0)} ms, ${nodes} nodes (goal <= 1000 ms)`]);
    if (existsSync('/usr/bin/kubectl')) {
      wallMs('/usr/bin/kubectl', ['get', 'pods', '-A'], 2, env);
      const real = wallMs('/usr/bin/kubectl', ['get', 'pods', '-A'], 10, env);
      rows.push(['real `kubectl get pods -A` against the daemon (wall)', `${fmt(real, 1)} ms`]);
      if (existsSync('dist/kubectl.cjs')) {
        wallMs('bin/kubectl', ['get', 'pods', '-A'], 2, env);
        const ours = wallMs('bin/kubectl', ['get', 'pods', '-A'], 10, env);
        rows.push(['`kubectl get pods -A` ours / real (wall)', `${fmt(ours, 1)} ms / ${fmt(real, 1)} ms = ${fmt(ours / real, 2)} (goal <= 1.0)`]);
      }
    }
    const pid = Number(readFileSync(join(home, '.kubedojo/kubedojo/daemon.pid'), 'utf8').trim());
    await new Promise((r) => setTimeout(r, 3000));
    rows.push(['daemon idle RSS, default cluster', `${fmt(rssMb(pid), 1)} MB (goal <= 150)`]);
    rows.push(...(await manyPodsRows(env)));
    rows.push(['daemon RSS with those pods stored', `${fmt(rssMb(pid), 1)} MB`]);
  } finally {
    spawnSync('bin/kubedojo', ['down'], { env });
    rmSync(home, { recursive: true, force: true });
  }
  return rows;
}
