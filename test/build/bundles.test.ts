// The bundles bin/* run (dist/<name>.cjs, `npm run build`): one CommonJS file per program with the
// V8 code cache the build made by running it. A cache this Node rejects would still work, only
// slower, so nothing else would notice; this test does.
import { describe, expect, it } from 'vitest';
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { codeCachePath, compileBundle } from '../../src/client/cjs.js';

const DIST = resolve(import.meta.dirname, '../../dist');
/** Each program and a command that succeeds without a server. */
const PROGRAMS: Record<string, string[]> = {
  kubectl: ['version', '--client'],
  etcdctl: ['version'],
  etcd: ['--version'],
  crictl: ['--version'],
  kubedojo: ['--version'],
};
const built = existsSync(join(DIST, 'launch.cjs'));

describe.skipIf(!built)('dist bundles (skipped: dist/ is not built, run npm run build)', () => {
  it.each([...Object.keys(PROGRAMS), 'grpc'])('%s.cjs is ASCII and this Node accepts its code cache', (name) => {
    const file = join(DIST, `${name}.cjs`);
    expect(/^[\x00-\x7f]*$/.test(readFileSync(file, 'latin1'))).toBe(true);
    const script = compileBundle(file, readFileSync(codeCachePath(file)));
    expect(script.cachedDataRejected).toBe(false);
  });

  it('keeps the daemon out of the kubedojo bundle', () => {
    expect(existsSync(join(DIST, 'daemon.cjs'))).toBe(true);
    expect(readFileSync(join(DIST, 'kubedojo.cjs'), 'latin1')).toContain('require("./daemon.cjs")');
  });

  it.each(Object.entries(PROGRAMS))('bin/%s runs its bundle and exits with its code', (name, argv) => {
    const bin = resolve(DIST, '../bin', name);
    const ok = spawnSync(process.execPath, [bin, ...argv], { encoding: 'utf8' });
    expect(ok.status, ok.stderr).toBe(0);
    expect(ok.stdout).not.toBe('');
    const bad = spawnSync(process.execPath, [bin, '--no-such-flag'], { encoding: 'utf8' });
    expect(bad.status).not.toBe(0);
  });
});
