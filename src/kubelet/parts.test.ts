import { describe, expect, it } from 'vitest';
import { ApiError, type Obj } from '../client/types.js';
import { REFS } from '../client/refs.js';
import { FakeClient } from '../controllers/framework/fake-client.js';
import { Backoff } from './backoff.js';
import { goDuration } from '../client/go-duration.js';
import { ConfigError, containerEnv, expandRefs } from './env.js';
import { PodIpam } from './ipam.js';

describe('back-off', () => {
  it('doubles from 10 s to 5 min and starts over after 10 min untouched', () => {
    let now = 0;
    const b = new Backoff(() => now);
    const seen: number[] = [];
    for (let i = 0; i < 7; i++) {
      b.next('k', now);
      seen.push(b.get('k'));
      now += b.get('k');
    }
    expect(seen).toEqual([10_000, 20_000, 40_000, 80_000, 160_000, 300_000, 300_000]);
    now += 600_001;
    b.next('k', now);
    expect(b.get('k')).toBe(10_000);
  });

  it('is in back-off since a container finished until the current back-off has passed', () => {
    let now = 1000;
    const b = new Backoff(() => now);
    expect(b.isInBackOffSince('k', now)).toBe(false);
    b.next('k', now);
    now += 9_999;
    expect(b.isInBackOffSince('k', 1000)).toBe(true);
    now += 1;
    expect(b.isInBackOffSince('k', 1000)).toBe(false);
  });

  it.each([[10_000, '10s'], [80_000, '1m20s'], [300_000, '5m0s']])('prints %d ms as %s', (ms, s) => {
    expect(goDuration(ms)).toBe(s);
  });
});

describe('pod IPs', () => {
  it('hands out addresses after the gateway, skips claimed ones, reuses released ones later', () => {
    const ipam = new PodIpam('10.244.1.0/24');
    expect(ipam.claim('old', '10.244.1.3')).toBe(true);
    expect(ipam.claim('other', '10.244.2.3')).toBe(false);
    expect(ipam.allocate('a')).toBe('10.244.1.2');
    expect(ipam.allocate('b')).toBe('10.244.1.4');
    expect(ipam.allocate('a')).toBe('10.244.1.2');
    ipam.release('a');
    expect(ipam.allocate('c')).toBe('10.244.1.5');
  });
});

describe('container env', () => {
  const pod: Obj = { metadata: { name: 'p', namespace: 'default', uid: 'u1', labels: { app: 'web' } }, spec: { serviceAccountName: 'default' } };
  const ctx = (client: FakeClient, warnings: string[] = []) => ({ client, pod, podIP: '10.244.1.2', hostIP: '192.168.49.3', nodeName: 'node01', warn: (m: string) => warnings.push(m) });

  it('layers image env, envFrom, env with $(VAR) references and fieldRefs', async () => {
    const c = new FakeClient();
    c.seed(REFS.configmaps, { metadata: { name: 'cfg', namespace: 'default' }, data: { MODE: 'prod', PATH: '/x' } });
    c.seed(REFS.secrets, { metadata: { name: 'sec', namespace: 'default' }, data: { TOKEN: Buffer.from('s3cret').toString('base64') } });
    const env = await containerEnv(ctx(c), ['PATH=/bin', 'A=1'], [{ configMapRef: { name: 'cfg' }, prefix: 'CFG_' }], [
      { name: 'GREETING', value: 'mode=$(CFG_MODE) $$(KEEP)' },
      { name: 'POD_IP', valueFrom: { fieldRef: { fieldPath: 'status.podIP' } } },
      { name: 'APP', valueFrom: { fieldRef: { fieldPath: "metadata.labels['app']" } } },
      { name: 'TOKEN', valueFrom: { secretKeyRef: { name: 'sec', key: 'TOKEN' } } },
    ]);
    expect(env).toEqual({ PATH: '/bin', A: '1', CFG_MODE: 'prod', CFG_PATH: '/x', GREETING: 'mode=prod $(KEEP)', POD_IP: '10.244.1.2', APP: 'web', TOKEN: 's3cret' });
  });

  it('fails on a missing configmap unless optional, as CreateContainerConfigError', async () => {
    const c = new FakeClient();
    await expect(containerEnv(ctx(c), [], [{ configMapRef: { name: 'nope' } }])).rejects.toThrow(new ConfigError('configmap "nope" not found'));
    await expect(containerEnv(ctx(c), [], [{ configMapRef: { name: 'nope', optional: true } }])).resolves.toEqual({});
  });

  it('skips a value the API forbids and says so', async () => {
    const c = new FakeClient();
    c.get = async () => { throw new ApiError({ code: 403, reason: 'Forbidden', message: 'secrets "sec" is forbidden: User "system:node:node01" cannot get resource "secrets"' }); };
    const warnings: string[] = [];
    const env = await containerEnv(ctx(c, warnings), [], [], [{ name: 'T', valueFrom: { secretKeyRef: { name: 'sec', key: 'k' } } }]);
    expect(env).toEqual({});
    expect(warnings[0]).toMatch(/cannot read secret "sec": .*forbidden/);
  });

  it('leaves unknown references as written', () => {
    expect(expandRefs('$(A)-$(B)', { A: 'x' })).toBe('x-$(B)');
  });
});
