// bin/* as a shell runs them (their first line is sh, the rest JavaScript): node starts without
// NODE_EXTRA_CA_CERTS, which it would read before any script runs, and the processes we start get
// it back. A file node cannot read shows it: node warns at start-up, the real kubectl says nothing.
import { describe, expect, it } from 'vitest';
import { spawn, spawnSync } from 'node:child_process';
import { chmodSync, existsSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

const ROOT = resolve(import.meta.dirname, '../..');
const built = existsSync(join(ROOT, 'dist/launch.cjs'));
const MISSING = '/nonexistent/kubedojo-extra-ca.pem';

describe.skipIf(!built)('bin/* launchers (skipped: dist/ is not built, run npm run build)', () => {
  it('node itself warns about an unreadable NODE_EXTRA_CA_CERTS (what the launchers avoid)', () => {
    const r = spawnSync(process.execPath, ['-e', '0'], { encoding: 'utf8', env: { ...process.env, NODE_EXTRA_CA_CERTS: MISSING } });
    expect(r.stderr).toContain(MISSING);
  });

  it.each(['kubectl', 'etcdctl', 'crictl', 'etcd', 'kubedojo'])('bin/%s starts node without NODE_EXTRA_CA_CERTS', (name) => {
    const argv = name === 'kubectl' ? ['version', '--client'] : name === 'etcdctl' ? ['version'] : ['--version'];
    const r = spawnSync(join(ROOT, 'bin', name), argv, { encoding: 'utf8', env: { ...process.env, NODE_EXTRA_CA_CERTS: MISSING } });
    expect(r.status, r.stderr).toBe(0);
    expect(r.stderr).toBe('');
    expect(r.stdout).not.toBe('');
  });

  // 300 KB of output with no server: a ConfigMap made from a file, printed as YAML
  const bigOutput = (dir: string): string[] => {
    writeFileSync(join(dir, 'big.txt'), 'x'.repeat(99).concat('\n').repeat(3000));
    return ['create', 'configmap', 'big', `--from-file=${join(dir, 'big.txt')}`, '--dry-run=client', '-o', 'yaml'];
  };
  const reals = existsSync('/usr/bin/kubectl') ? [['real', '/usr/bin/kubectl'], ['ours', join(ROOT, 'bin/kubectl')]] : [['ours', join(ROOT, 'bin/kubectl')]];

  it.each(reals)('%s kubectl: all of its output reaches a pipe read late', async (_who, bin) => {
    const dir = mkdtempSync(join(tmpdir(), 'kubedojo-launch-'));
    try {
      const child = spawn(bin!, bigOutput(dir), { stdio: ['ignore', 'pipe', 'pipe'] });
      child.stdout.pause();
      await new Promise((r) => setTimeout(r, 500));
      let bytes = 0;
      child.stdout.on('data', (d: Buffer) => (bytes += d.length));
      child.stdout.resume();
      const code = await new Promise((r) => child.on('close', r));
      expect(code).toBe(0);
      expect(bytes).toBeGreaterThan(300_000);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it.each(reals)('%s kubectl: dies of SIGPIPE, silently, when its reader goes', async (_who, bin) => {
    const dir = mkdtempSync(join(tmpdir(), 'kubedojo-launch-'));
    try {
      const child = spawn(bin!, bigOutput(dir), { stdio: ['ignore', 'pipe', 'pipe'] });
      let stderr = '';
      child.stderr.on('data', (d) => (stderr += d));
      child.stdout.once('data', () => child.stdout.destroy());
      const [code, signal] = await new Promise<[number | null, string | null]>((r) => child.on('exit', (c, s) => r([c, s])));
      expect({ code, signal, stderr }).toEqual({ code: null, signal: 'SIGPIPE', stderr: '' });
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('gives it back to a kubectl plugin, through a symlink as npm links bin/', () => {
    const dir = mkdtempSync(join(tmpdir(), 'kubedojo-launch-'));
    try {
      writeFileSync(join(dir, 'kubectl-envdump'), '#!/bin/sh\necho "extra=${NODE_EXTRA_CA_CERTS-unset} saved=${KUBEDOJO_NODE_EXTRA_CA_CERTS-unset} certs=${SSL_CERT_FILE-unset} args=$*"\n');
      chmodSync(join(dir, 'kubectl-envdump'), 0o755);
      symlinkSync(join(ROOT, 'bin/kubectl'), join(dir, 'kubectl'));
      const env = { ...process.env, PATH: `${dir}:${process.env.PATH}` };
      const withIt = spawnSync(join(dir, 'kubectl'), ['envdump', 'a b'], { encoding: 'utf8', env: { ...env, NODE_EXTRA_CA_CERTS: MISSING, SSL_CERT_FILE: '/b.crt' } });
      expect(withIt.stdout).toBe(`extra=${MISSING} saved=unset certs=/b.crt args=a b\n`);
      const without: NodeJS.ProcessEnv = { ...env };
      delete without.NODE_EXTRA_CA_CERTS;
      delete without.SSL_CERT_FILE;
      const r = spawnSync(join(dir, 'kubectl'), ['envdump'], { encoding: 'utf8', env: without });
      expect(r.stdout).toBe('extra=unset saved=unset certs=unset args=\n');
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
