import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { REFS } from '../../client/refs.js';
import { boot, podOf, shutdown } from '../test-cluster.js';
import { tick, tickUntil } from '../testing.js';

afterEach(shutdown);

type Booted = Awaited<ReturnType<typeof boot>>;

/** The stdout text of a container's first run, without the CRI prefixes. */
const logOf = (t: Booted, pod: string, c: string) => {
  const p = t.pod(pod)!;
  const file = join(t.root, 'var/log/pods', `default_${pod}_${p.metadata.uid}`, c, '0.log');
  return existsSync(file) ? readFileSync(file, 'utf8').split('\n').filter(Boolean).map((l) => l.split(' ').slice(3).join(' ')) : [];
};

const sh = (name: string, script: string, volumeMounts: unknown[]) => ({ name, image: 'busybox:1.38', command: ['sh', '-c', script], volumeMounts });

const KUBE_API_ACCESS = {
  name: 'kube-api-access-x7k2p',
  projected: {
    defaultMode: 420,
    sources: [
      { serviceAccountToken: { expirationSeconds: 3607, path: 'token' } },
      { configMap: { name: 'kube-root-ca.crt', items: [{ key: 'ca.crt', path: 'ca.crt' }] } },
      { downwardAPI: { items: [{ path: 'namespace', fieldRef: { apiVersion: 'v1', fieldPath: 'metadata.namespace' } }] } },
    ],
  },
};
const SA_MOUNT = { name: 'kube-api-access-x7k2p', mountPath: '/var/run/secrets/kubernetes.io/serviceaccount', readOnly: true };

describe('pod volumes', () => {
  it('shares an emptyDir: the sidecar reads what the main container writes', async () => {
    const t = await boot(podOf('side', {
      volumes: [{ name: 'data', emptyDir: {} }],
      containers: [
        sh('writer', 'i=0; while true; do i=$((i+1)); echo line-$i >> /data/log; sleep 1; done', [{ name: 'data', mountPath: '/data' }]),
        sh('reader', 'sleep 2; while true; do cat /shared/log | tail -n 1; sleep 1; done', [{ name: 'data', mountPath: '/shared', readOnly: true }]),
        sh('own', 'cat /data/log; echo $?', []),
      ],
    }));
    await tick(t.clock, 8000);
    expect(logOf(t, 'side', 'reader').some((l) => /^line-\d+$/.test(l))).toBe(true);
    expect(logOf(t, 'side', 'own').join('\n')).toMatch(/No such file or directory/);
  });

  it('streams a shared log file with `tail -f` in a sidecar', async () => {
    const t = await boot(podOf('follow', {
      volumes: [{ name: 'logs', emptyDir: {} }],
      containers: [
        sh('app', 'echo old-1 >> /var/log/app.log; echo old-2 >> /var/log/app.log; while true; do date >> /var/log/app.log; sleep 1; done', [{ name: 'logs', mountPath: '/var/log' }]),
        sh('tailer', 'sleep 1; tail -n 1 -f /logs/app.log', [{ name: 'logs', mountPath: '/logs' }]),
      ],
    }));
    await tick(t.clock, 3000);
    const before = logOf(t, 'follow', 'tailer');
    const dated = () => logOf(t, 'follow', 'tailer').filter((l) => / UTC 2026$/.test(l)).length;
    await tickUntil(t.clock, 5000, () => logOf(t, 'follow', 'tailer').length > before.length + 2 && dated() > 3);
    const after = logOf(t, 'follow', 'tailer');
    expect(after.length).toBeGreaterThan(before.length + 2);
    expect(after).not.toContain('old-1');
    expect(after.filter((l) => / UTC 2026$/.test(l)).length).toBeGreaterThan(3);
    expect(t.status('follow', 'tailer')?.state?.running).toBeDefined();
  });

  it('enforces readOnly mounts and honours subPath', async () => {
    const t = await boot(podOf('ro', {
      volumes: [{ name: 'data', emptyDir: {} }],
      containers: [
        sh('a', 'echo hi > /out/f; cat /out/f; sleep 3600', [{ name: 'data', mountPath: '/out', subPath: 'sub' }]),
        sh('b', 'sleep 1; cat /all/sub/f; echo no > /all/g; echo not-reached', [{ name: 'data', mountPath: '/all', readOnly: true }]),
      ],
    }));
    await tick(t.clock, 3000);
    expect(logOf(t, 'ro', 'a')).toEqual(['hi']);
    // just-bash cannot turn a failed redirect into a shell error: the script stops there (exit 2).
    expect(logOf(t, 'ro', 'b')).toEqual(['hi', "EROFS: read-only file system, open '/all/g'"]);
    expect(t.status('ro', 'b')?.state?.terminated?.exitCode ?? t.status('ro', 'b')?.lastState?.terminated?.exitCode).toBe(2);
  });

  it('writes configMap keys and decoded secret values as files', async () => {
    const t = await boot(podOf('cfg', {
      volumes: [{ name: 'config', configMap: { name: 'app' } }, { name: 'creds', secret: { secretName: 'db', items: [{ key: 'password', path: 'sub/pw' }] } }],
      containers: [sh('c', 'cat /etc/config/key; echo; cat /etc/creds/sub/pw; echo; ls /etc/config', [{ name: 'config', mountPath: '/etc/config' }, { name: 'creds', mountPath: '/etc/creds' }])],
    }));
    t.fake.seed(REFS.configmaps, { apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'app', namespace: 'default' }, data: { key: 'value-1', other: 'x' } });
    t.fake.seed(REFS.secrets, { apiVersion: 'v1', kind: 'Secret', metadata: { name: 'db', namespace: 'default' }, data: { password: Buffer.from('s3cret').toString('base64') } });
    await tickUntil(t.clock, 3000, () => logOf(t, 'cfg', 'c').length >= 4);
    expect(logOf(t, 'cfg', 'c')).toEqual(['value-1', 's3cret', 'key', 'other']);
  });

  it('mounts one configMap key as a file with subPath, beside the image\'s files', async () => {
    const t = await boot(podOf('file', {
      volumes: [{ name: 'conf', configMap: { name: 'web' } }],
      containers: [sh('c', 'mkdir -p /etc/nginx/conf.d; cat /etc/nginx/conf.d/default.conf; ls /etc/nginx/conf.d', [{ name: 'conf', mountPath: '/etc/nginx/conf.d/default.conf', subPath: 'default.conf' }])],
    }));
    t.fake.seed(REFS.configmaps, { apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'web', namespace: 'default' }, data: { 'default.conf': 'server {}\n', other: 'x' } });
    await tick(t.clock, 3000);
    expect(logOf(t, 'file', 'c')).toEqual(['server {}', 'default.conf']);
  });

  it('leaves the pod ContainerCreating with FailedMount while its configMap is missing', async () => {
    const t = await boot(podOf('nocm', {
      volumes: [{ name: 'config', configMap: { name: 'missing' } }],
      containers: [sh('c', 'cat /etc/config/key', [{ name: 'config', mountPath: '/etc/config' }])],
    }));
    await tick(t.clock, 2000);
    expect(t.status('nocm')?.state?.waiting?.reason).toBe('ContainerCreating');
    expect(t.events().map((e) => `${e.reason}: ${e.message}`)).toContain('FailedMount: MountVolume.SetUp failed for volume "config" : configmap "missing" not found');
    t.fake.seed(REFS.configmaps, { apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'missing', namespace: 'default' }, data: { key: 'late' } });
    await tick(t.clock, 12_000);
    expect(logOf(t, 'nocm', 'c')).toEqual(['late']);
  });

  it('projects the service account token, ca.crt and namespace (kube-api-access)', async () => {
    const t = await boot(podOf('sa', {
      serviceAccountName: 'builder',
      volumes: [KUBE_API_ACCESS],
      restartPolicy: 'Never',
      containers: [sh('c', 'cat /var/run/secrets/kubernetes.io/serviceaccount/namespace; echo; cat /var/run/secrets/kubernetes.io/serviceaccount/ca.crt', [SA_MOUNT])],
    }));
    t.fake.seed(REFS.serviceaccounts, { apiVersion: 'v1', kind: 'ServiceAccount', metadata: { name: 'builder', namespace: 'default' } });
    t.fake.seed(REFS.configmaps, { apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'kube-root-ca.crt', namespace: 'default' }, data: { 'ca.crt': '-----BEGIN CERTIFICATE-----' } });
    await tick(t.clock, 3000);
    expect(logOf(t, 'sa', 'c')).toEqual(['default', '-----BEGIN CERTIFICATE-----']);
    const req = t.fake.actions.find((a) => a.resource === 'serviceaccounts' && a.subresource === 'token');
    expect(req).toMatchObject({ verb: 'create', name: 'builder', object: { kind: 'TokenRequest', spec: { expirationSeconds: 3607, boundObjectRef: { kind: 'Pod', name: 'sa' } } } });
  });

  it('fails the projected token of a missing service account with FailedMount', async () => {
    const t = await boot(podOf('nosa', { serviceAccountName: 'ghost', volumes: [KUBE_API_ACCESS], containers: [sh('c', 'true', [SA_MOUNT])] }));
    await tick(t.clock, 2000);
    expect(t.events().map((e) => e.message)).toContain('MountVolume.SetUp failed for volume "kube-api-access-x7k2p" : failed to fetch token: serviceaccounts "ghost" not found');
  });

  it('writes downwardAPI labels and fields', async () => {
    const pod = podOf('dw', {
      volumes: [{ name: 'info', downwardAPI: { items: [{ path: 'labels', fieldRef: { fieldPath: 'metadata.labels' } }, { path: 'name', fieldRef: { fieldPath: 'metadata.name' } }] } }],
      containers: [sh('c', 'cat /etc/info/labels; echo; cat /etc/info/name', [{ name: 'info', mountPath: '/etc/info' }])],
    });
    pod.metadata.labels = { tier: 'web', app: 'shop' };
    const t = await boot(pod);
    await tick(t.clock, 3000);
    expect(logOf(t, 'dw', 'c')).toEqual(['app="shop"', 'tier="web"', 'dw']);
  });

  it('backs hostPath with the node root folder, created or checked by type', async () => {
    const t = await boot(podOf('host', {
      volumes: [{ name: 'h', hostPath: { path: '/var/local/data', type: 'DirectoryOrCreate' } }],
      containers: [sh('c', 'echo written > /host/out.txt; cat /host/in.txt', [{ name: 'h', mountPath: '/host' }])],
    }));
    mkdirSync(join(t.root, 'var/local/data'), { recursive: true });
    writeFileSync(join(t.root, 'var/local/data/in.txt'), 'from-node\n');
    const written = () => existsSync(join(t.root, 'var/local/data/out.txt')) && readFileSync(join(t.root, 'var/local/data/out.txt'), 'utf8') === 'written\n' && logOf(t, 'host', 'c').length > 0;
    await tickUntil(t.clock, 3000, written);
    expect(readFileSync(join(t.root, 'var/local/data/out.txt'), 'utf8')).toBe('written\n');
    expect(logOf(t, 'host', 'c')).toEqual(['from-node']);
  });

  it('mounts a claim bound to a hostPath PV from the node root', async () => {
    const t = await boot(podOf('claim', {
      volumes: [{ name: 'store', persistentVolumeClaim: { claimName: 'data' } }],
      containers: [sh('c', 'echo saved > /store/f', [{ name: 'store', mountPath: '/store' }])],
    }));
    t.fake.seed(REFS.persistentvolumes, { apiVersion: 'v1', kind: 'PersistentVolume', metadata: { name: 'pv1' }, spec: { hostPath: { path: '/mnt/pv1', type: 'DirectoryOrCreate' } } });
    t.fake.seed(REFS.persistentvolumeclaims, { apiVersion: 'v1', kind: 'PersistentVolumeClaim', metadata: { name: 'data', namespace: 'default' }, spec: { volumeName: 'pv1' } });
    const saved = () => existsSync(join(t.root, 'mnt/pv1/f')) && readFileSync(join(t.root, 'mnt/pv1/f'), 'utf8') === 'saved\n';
    await tickUntil(t.clock, 3000, saved);
    expect(readFileSync(join(t.root, 'mnt/pv1/f'), 'utf8')).toBe('saved\n');
  });

  it('fails a missing hostPath of type Directory with FailedMount', async () => {
    const t = await boot(podOf('nodir', {
      volumes: [{ name: 'h', hostPath: { path: '/nope', type: 'Directory' } }],
      containers: [sh('c', 'ls /host', [{ name: 'h', mountPath: '/host' }])],
    }));
    await tick(t.clock, 2000);
    expect(t.status('nodir')?.state?.waiting?.reason).toBe('ContainerCreating');
    expect(t.events().map((e) => e.message)).toContain('MountVolume.SetUp failed for volume "h" : hostPath type check failed: /nope is not a directory');
  });
});
