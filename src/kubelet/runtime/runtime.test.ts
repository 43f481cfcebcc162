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

  it.each([
    ['nginx:1.14.2', 'sha256:f7988fb6c02e0ce69257d9bd9cf37ae20a60f1df7563c3a2a6abe24160306b8d', 'sha256:295c7be079025306c4f1d65997fcf7adb411c88f139ad1d34b537164aa060369'],
    ['nginx:1.19', 'sha256:3ab19e254ae6fc3a72b379b7f9a8a6905a891c02b0b8ae1537d8fd021fd46e02', 'sha256:f35646e83998b844c3f067e5a2cff84cdf0967627031aeda3042d78996b68d35'],
    ['nginx:1.27-alpine', 'sha256:110fd73d932a737a359d26c233085ff648dc09e1a99bb65d9032d5fd0c2dce11', 'sha256:a5967740120f9a30029392fe9c47961962888cc48e6c4b47025b1f2b964ffbb6'],
    ['nginx:stable', 'sha256:585d4e63ef9a0c34cbb46fefa3449d16d38bf4a8d3d817e6638962d8b7578696', 'sha256:3c175c1aa411ed8265ccc495ebd34815c53bb937bc90a54ce24708a48ee5e0b7'],
    ['busybox:1.28', 'sha256:141c253bc4c3fd0a201d32dc1f493bcf3fff003b6df416dea4f41046e0f37d47', 'sha256:8c811b4aec35f259572d0f79207bc0678df4c736eeec50bc9fec37ed936a472a'],
    ['busybox:1.36.1', 'sha256:9ae97d36d26566ff84e8893c64a6dc4fe8ca6d1144bf5b87b2b85a32def253c7', 'sha256:65ad0d468eb1c558bf7f4e64e790f586e9eda649ee9f130cd0e835b292bbc5ac'],
    ['alpine:3.19', 'sha256:1269259bb1aaa81d18ea82827bd825a385e2b92d5647e67a332a69633b5a0ea1', 'sha256:dcb11b21f6dc39df1b32812229cd47fe736590930c4df215115140d07179ed9d'],
    ['ubuntu:jammy', 'sha256:3b06811b2afd352be909dd088a004166d665dc76d38b13eada33522a9d915c6f', 'sha256:92947e844d1b996f5e199c8a36460610142e46a427f2767e0bfb0f0f85e35946'],
    ['redis:7', 'sha256:c6eabf748fc7a61dbb5a705c78bcf3d6377b1127a97d0ce965c11c44ba46896f', 'sha256:64035c2c9726d90bea2a217d43da49d7a3f13dde8647c1f409059e02e0e61287'],
    ['mysql:8.0', 'sha256:6f54880f928070a036aa3874d4a3fa203adc28688eb89e9f926a0dcacbce3378', 'sha256:b939d379d46e321d25bfdf1d695e0a3178225c14ad27b7d9da27f26774965610'],
    ['postgres:17', 'sha256:f4c66b820c6f974249089d3d16d86a3698eae11e8746eb6644b2271031e91232', 'sha256:212aeeeb8faaef6c46498d86cbec6b9344d8d9492996b174664ff82c562ab685'],
    ['httpd:2.4-alpine', 'sha256:53a57bb5d5def0e2a5adb4ec25131354392b85d9bb32b4f6093df0e703e5fc57', 'sha256:9436aee6e00c6e8ece7fd6f8bdf82b3fc001425d71f911b9e96bf9fe620e5381'],
    ['memcached:alpine', 'sha256:cd4b42e6cee87000353712623f8a4be411e5a06f61bc1fbc6864fb9b23402fe4', 'sha256:ad6151f346a2bd04c3b277f22740e18cc3c044354e521cc519c92a8c84451d60'],
    ['redis:6', 'sha256:e7b96daa9a182b0a2639253fdab98244190ec2dca8a41da3fb31a147ef71a870', 'sha256:7db1c86a77d4716f27a8a4232f210aca8d487c23a14c091f0dd5ead9cce46a3e'],
    ['redis:alpine', 'sha256:ba6e394f6acc2a695ef1b6944f161b9ca813711739be68319fa0db3470673f1d', 'sha256:15f5a4aad4c3ba34b9874ddbc7f755b469dbd7b8a9e88c12690c52ef6c72465c'],
    ['mysql:5.7', 'sha256:f04fc2e2f01e65d6e2828b4cce2c4761d9258aee71d989e273b2ae309f44a945', 'sha256:e982339a20a53052bd5f2b2e8438b3c95c91013f653ee781a67934cd1f9f9631'],
    ['postgres:15', 'sha256:dfbbb0ad8cab91d41e99123664e37a9b25d0413426d4fb3154e4d668e5d35246', 'sha256:afdbd967cf653afc901851ccf14bc5a2f310748303577963e99dd117c1554527'],
    ['python:3.12', 'sha256:e5931cdb4a8cec0ad083277c16a39114f14123b8b6c858c8c9689b677789975c', 'sha256:37ee34ed0a73271658c2a4ae71c0eff28365ed150c0e8421bbd105f13d5d22a7'],
    ['node:22', 'sha256:db06b62399bc4780e3f44aa0ce27e1678145cf0b16354508b8d83e72f5b9dd83', 'sha256:3112e746c4490eaeae5940bc123e8b57422fe7df0de6d5752d9c3e0ed5e5948b'],
    ['postgres:alpine', 'sha256:77f585114c32fbca283dc835b0596f4e52b51b4c6662d7810b2f4084f60a1873', 'sha256:c293117fcecda7344b5480222e813b9f673d7abd69b1dd95eff239b768b04f59'],
    ['python:3.12-slim', 'sha256:229a2c5bfa27522db7815ea81f9bed70af17ccb9de9fc7ad142b1877b5830d36', 'sha256:54a0b2beae90fe14c2131f1e880e1388c9df77390bc260d7317e589765e064e8'],
    ['node:alpine', 'sha256:e88a35be04478413b7c71c455cd9865de9b9360e1f43456be5951032d7ac1a66', 'sha256:ff12146b21c85c593e21e3c4a59009612215fd3ce5b480a1a77a68b3cd58ba14'],
    ['registry.k8s.io/pause:3.9', 'sha256:7031c1b283388d2c2e09b57badb803c05ebed362dc88d84b480cc47f72a21097', 'sha256:e6f1816883972d4be47bd48879a08919b96afcd344132622e4d444987919323c'],
    ['registry.k8s.io/pause:3.10', 'sha256:ee6521f290b2168b6e0935a181d4cff9be1ac3f505666ef0e3c98fae8199917a', 'sha256:873ed75102791e5b0b8a7fcd41606c92fcec98d56d05ead4ac5131650004c136'],
  ])('resolves %s to its registry digest and image ID', (ref, digest, imageId) => {
    expect(resolve(ref)).toMatchObject({ image: { digest, imageId } });
    const repo = (parseImageRef(ref) as { repository: string }).repository;
    expect(resolve(`${repo}@${digest}`)).toMatchObject({ image: { imageId } });
  });

  it('keeps each tag on one image of its repository', () => {
    const seen = new Set<string>();
    for (const i of cat.images) {
      for (const t of i.tags) {
        expect(seen.has(`${i.repository}:${t}`), `${i.repository}:${t}`).toBe(false);
        seen.add(`${i.repository}:${t}`);
      }
    }
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

  const startRef = (ref: string, env: Record<string, string> = {}) => {
    const res = cat.resolve(parseImageRef(ref) as never);
    if (!('image' in res)) throw new Error(ref);
    const clock = new FakeClock();
    const out: string[] = [];
    const p = launch({ argv: effectiveArgv(res.image), env, workingDir: '/', image: res.image, podIP: '10.244.1.9', hostname: 'web' }, { out: (s, t) => out.push(`${s} ${t}`), now: clock.now, timers: clock });
    return { out, p: p as SimProcess };
  };

  it.each([
    ['nginx:1.21', 'nginx/1.21.6'],
    ['nginx:1.25', 'nginx/1.25.2'],
    ['nginx:1.27-alpine', 'built by gcc 13.2.1 20240309 (Alpine 13.2.1_git20240309) '],
    ['redis:7.2', 'Redis version=7.2.16,'],
    ['redis:6', 'Redis version=6.2.24,'],
    ['redis:alpine', 'Redis version=8.10.2,'],
    ['httpd:alpine', 'Apache/2.4.68 (Unix) configured'],
  ])('logs the banner of the %s build', (ref, text) => {
    expect(startRef(ref).out.some((l) => l.includes(text))).toBe(true);
  });

  it.each([
    ['mysql:5.7', { MYSQL_ROOT_PASSWORD: 'pw' }, "stderr Version: '5.7.41'  socket: '/var/run/mysqld/mysqld.sock'  port: 3306  MySQL Community Server (GPL)\n"],
    ['postgres:16', { POSTGRES_PASSWORD: 'pw' }, 'starting PostgreSQL 16.15 (Debian 16.15-1.pgdg13+2) on x86_64-pc-linux-gnu'],
    ['postgres:alpine', { POSTGRES_PASSWORD: 'pw' }, 'starting PostgreSQL 18.6 on x86_64-pc-linux-musl, compiled by gcc (Alpine 15.2.0) 15.2.0, 64-bit'],
  ])('logs the banner of the %s build once its required env is set', (ref, env, text) => {
    expect(startRef(ref, env).out.some((l) => l.includes(text))).toBe(true);
  });

  it('keeps nginx before 1.20 quiet at notice level and stops 1.20+ with the SIGQUIT wording', async () => {
    const old = startRef('nginx:1.19');
    expect(old.out.some((l) => l.includes('[notice]'))).toBe(false);
    expect(old.out.at(-1)).toBe('stdout /docker-entrypoint.sh: Configuration complete; ready for start up\n');
    const cur = startRef('nginx:1.23');
    cur.p.signal('SIGTERM');
    expect(await cur.p.exited).toBe(0);
    expect(cur.out).toContainEqual(expect.stringMatching(/\[notice\] 1#1: signal 3 \(SIGQUIT\) received, shutting down\n$/));
  });

  it('fails to start an executable the image does not have', () => {
    expect(start('busybox', {}, ['nosuchbinary'])).toMatchObject({ p: { startError: expect.stringContaining('exec: "nosuchbinary": executable file not found in $PATH') } });
  });

  it('exits a bare shell at once, as without a terminal', async () => {
    expect(await (start('busybox', {}).p as SimProcess).exited).toBe(0);
  });
});
