import { describe, expect, it } from 'vitest';
import { FakeClock } from '../../controllers/framework/testing.js';
import { settle } from '../testing.js';
import { defaultCatalog } from './catalog.js';
import { criTime, CriLogWriter } from './cri-log.js';
import { parseImageRef } from './image-ref.js';
import { ImageStore, pullMs } from './image-store.js';
import { renderLine } from './lines.js';
import { effectiveArgv, launch, type SimProcess } from './process.js';

describe('parseImageRef', () => {
  it.each([
    ['nginx', 'docker.io/library/nginx:latest'],
    ['nginx:1.31', 'docker.io/library/nginx:1.31'],
    ['bitnami/redis:7', 'docker.io/bitnami/redis:7'],
    ['registry.k8s.io/pause:3.10', 'registry.k8s.io/pause:3.10'],
    ['localhost:5000/app', 'localhost:5000/app:latest'],
    [`busybox@sha256:${'a'.repeat(64)}`, `docker.io/library/busybox@sha256:${'a'.repeat(64)}`],
  ])('normalises %s', (ref, full) => {
    expect(parseImageRef(ref)).toMatchObject({ full });
  });

  it.each(['Nginx', 'nginx:', 'ngi nx', 'nginx@sha256:12'])('rejects %s', (ref) => {
    expect(parseImageRef(ref)).toHaveProperty('error');
  });
});

describe('image catalog', () => {
  const cat = defaultCatalog();
  const resolve = (r: string) => cat.resolve(parseImageRef(r) as never);

  it('finds images by tag and by digest', () => {
    expect(resolve('nginx')).toMatchObject({ image: { repository: 'docker.io/library/nginx', size: 63110572 } });
    expect(resolve('registry.k8s.io/pause:3.10')).toHaveProperty('image');
    const digest = (resolve('redis') as { image: { digest: string } }).image.digest;
    expect(resolve(`redis@${digest}`)).toHaveProperty('image');
  });

  it.each([
    ['nginx:nope', 'NotFound', 'failed to pull and unpack image "docker.io/library/nginx:nope": failed to resolve reference "docker.io/library/nginx:nope": docker.io/library/nginx:nope: not found'],
    ['nginxx', 'Unknown', 'failed to pull and unpack image "docker.io/library/nginxx:latest": failed to resolve reference "docker.io/library/nginxx:latest": pull access denied, repository does not exist or may require authorization: server message: insufficient_scope: authorization failed'],
    ['registry.k8s.io/pause:9', 'NotFound', 'failed to pull and unpack image "registry.k8s.io/pause:9": failed to resolve reference "registry.k8s.io/pause:9": registry.k8s.io/pause:9: not found'],
    ['my.registry.example/app:1', 'Unknown', 'failed to pull and unpack image "my.registry.example/app:1": failed to resolve reference "my.registry.example/app:1": failed to do request: Head "https://my.registry.example/v2/app/manifests/1": dial tcp: lookup my.registry.example: no such host'],
  ])('words a failed pull of %s as containerd does', (ref, code, desc) => {
    expect(resolve(ref)).toEqual({ code, desc });
  });

  it('keeps every digest a sha256 and every image a behaviour', () => {
    for (const i of cat.images) {
      expect(i.digest).toMatch(/^sha256:[0-9a-f]{64}$/);
      expect(i.imageId).toMatch(/^sha256:[0-9a-f]{64}$/);
      expect(['server', 'command']).toContain(i.behaviour.kind);
    }
  });
});

describe('image store', () => {
  it('pulls in simulated time and remembers the image', async () => {
    const clock = new FakeClock();
    const store = new ImageStore(defaultCatalog(), clock);
    const ref = parseImageRef('busybox:1.38') as never;
    let done = false;
    const p = store.pull(ref).then((r) => { done = r.ok; });
    clock.advance(pullMs(2226327) - 1);
    await settle(1);
    expect(done).toBe(false);
    clock.advance(1);
    await p;
    expect(done).toBe(true);
    expect(store.find(ref)).toMatchObject({ tags: ['1.38'], size: 2226327 });
  });
});

describe('CRI log lines', () => {
  it('writes full lines with 9 fraction digits and holds an open line until close', () => {
    const w = new CriLogWriter(undefined, () => Date.parse('2026-01-01T00:00:01.5Z'));
    w.write('stdout', 'a\nb');
    w.write('stderr', 'err\n');
    w.write('stdout', 'c\n');
    w.write('stdout', 'tail');
    w.close();
    expect(w.lines).toEqual(['2026-01-01T00:00:01.500000000Z stdout F a', '2026-01-01T00:00:01.500000000Z stderr F err', '2026-01-01T00:00:01.500000000Z stdout F bc', '2026-01-01T00:00:01.500000000Z stdout F tail']);
    expect(criTime(0)).toBe('1970-01-01T00:00:00.000000000Z');
  });

  it('fills time placeholders in each program\'s format', () => {
    const at = Date.parse('2026-03-04T05:06:07.089Z');
    expect(renderLine('stderr {nginxTime} [notice] x', { now: at, podIP: '' })).toEqual({ stream: 'stderr', text: '2026/03/04 05:06:07 [notice] x' });
    expect(renderLine('stdout 1:M {redisTime} *', { now: at, podIP: '' }).text).toBe('1:M 04 Mar 2026 05:06:07.089 *');
    expect(renderLine('stderr using {podIP}.', { now: at, podIP: '10.244.1.7' }).text).toBe('using 10.244.1.7.');
  });
});

describe('processes', () => {
  const cat = defaultCatalog();
  const img = (repo: string) => cat.images.find((i) => i.repository === `docker.io/library/${repo}`)!;
  const start = (repo: string, env: Record<string, string>, command?: string[]) => {
    const clock = new FakeClock();
    const out: string[] = [];
    const p = launch({ argv: effectiveArgv(img(repo), command), env, workingDir: '/', image: img(repo), podIP: '10.244.1.9', hostname: 'db' }, { out: (s, t) => out.push(`${s} ${t}`), now: clock.now, timers: clock });
    return { clock, out, p };
  };

  it('combines command and args over the image entrypoint and cmd', () => {
    expect(effectiveArgv(img('nginx'))).toEqual(['/docker-entrypoint.sh', 'nginx', '-g', 'daemon off;']);
    expect(effectiveArgv(img('nginx'), ['sleep'], ['10'])).toEqual(['sleep', '10']);
    expect(effectiveArgv(img('redis'), undefined, ['redis-server', '--port', '7000'])).toEqual(['docker-entrypoint.sh', 'redis-server', '--port', '7000']);
  });

  it('exits mysql with its entrypoint error when no password option is set', async () => {
    const { clock, out, p } = start('mysql', {});
    clock.advance(1000);
    expect(await (p as SimProcess).exited).toBe(1);
    expect(out).toContain('stderr     - MYSQL_ALLOW_EMPTY_PASSWORD\n');
    expect(out.find((l) => l.includes('[ERROR]'))).toMatch(/^stderr 2026-01-01 00:00:01\+00:00 \[ERROR\] \[Entrypoint\]: Database is uninitialized and password option is not specified\n$/);
  });

  it('serves mysql with MYSQL_ROOT_PASSWORD until SIGTERM', async () => {
    const { out, p } = start('mysql', { MYSQL_ROOT_PASSWORD: 'pw' });
    const proc = p as SimProcess;
    expect(out.at(-1)).toMatch(/ready for connections/);
    expect(proc.ports).toEqual([3306, 33060]);
    proc.signal('SIGTERM');
    expect(await proc.exited).toBe(0);
  });

  it('fails to start an executable the image does not have', () => {
    expect(start('busybox', {}, ['nosuchbinary'])).toMatchObject({ p: { startError: expect.stringContaining('exec: "nosuchbinary": executable file not found in $PATH') } });
  });

  it('exits a bare shell at once, as without a terminal', async () => {
    expect(await (start('busybox', {}).p as SimProcess).exited).toBe(0);
  });
});
