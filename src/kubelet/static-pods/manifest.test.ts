import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { CONFIG_HASH, readManifests, staticPodFrom } from './manifest.js';

const NGINX = 'apiVersion: v1\nkind: Pod\nmetadata:\n  name: web\nspec:\n  containers:\n  - name: nginx\n    image: nginx\n';
const PATH = '/etc/kubernetes/manifests/web.yaml';

describe('static pod manifests (file source)', () => {
  it('names, places, hashes and tolerates as the kubelet does', () => {
    const r = staticPodFrom(NGINX, PATH, 'node01');
    if (!('pod' in r)) throw new Error(r.message);
    expect(r.name).toBe('web');
    expect(r.hash).toMatch(/^[0-9a-f]{32}$/);
    expect(r.pod.metadata).toMatchObject({ name: 'web-node01', namespace: 'default', uid: r.hash, annotations: { [CONFIG_HASH]: r.hash } });
    expect(r.pod.spec).toMatchObject({ nodeName: 'node01', tolerations: [{ operator: 'Exists', effect: 'NoExecute' }] });
    expect(r.pod.status).toEqual({ phase: 'Pending' });
  });

  it.each([
    ['the same manifest', NGINX, PATH, 'node01', true],
    ['another image', NGINX.replace('image: nginx', 'image: nginx:1.27'), PATH, 'node01', false],
    ['another file', NGINX, '/etc/kubernetes/manifests/other.yaml', 'node01', false],
    ['another node', NGINX, PATH, 'node02', false],
  ])('hash for %s', (_n, text, path, node, same) => {
    const a = staticPodFrom(NGINX, PATH, 'node01');
    const b = staticPodFrom(text, path, node);
    expect('hash' in a && 'hash' in b && a.hash === b.hash).toBe(same);
  });

  it('keeps an existing NoExecute toleration and the manifest namespace', () => {
    const text = 'apiVersion: v1\nkind: Pod\nmetadata:\n  name: etcd\n  namespace: kube-system\nspec:\n  tolerations:\n  - operator: Exists\n    effect: NoExecute\n  containers:\n  - name: etcd\n    image: etcd\n';
    const r = staticPodFrom(text, PATH, 'controlplane');
    expect('pod' in r && r.pod.metadata.name).toBe('etcd-controlplane');
    expect('pod' in r && r.pod.metadata.namespace).toBe('kube-system');
    expect('pod' in r && (r.pod.spec as { tolerations: unknown[] }).tolerations).toHaveLength(1);
  });

  it.each([
    ['bad YAML', 'apiVersion: v1\nkind: Pod\nmetadata;\n  name: x\n', /^\/etc\/kubernetes\/manifests\/web.yaml: couldn't parse as pod\(yaml: .*\), please check config file$/],
    ['another version', NGINX.replace('v1', 'v2'), /no kind "Pod" is registered for version "v2" in scheme "pkg\/api\/legacyscheme\/scheme.go:30"/],
    ['no kind', NGINX.replace('kind: Pod\n', ''), /Object 'Kind' is missing/],
    ['not a Pod', NGINX.replace('kind: Pod', 'kind: Deployment'), /couldn't parse as pod\(invalid pod/],
    ['no containers', 'apiVersion: v1\nkind: Pod\nmetadata:\n  name: x\nspec: {}\n', /spec.containers: Required value/],
    ['no name', 'apiVersion: v1\nkind: Pod\nspec:\n  containers:\n  - name: a\n    image: a\n', /metadata.name: Required value/],
  ])('refuses %s', (_n, text, message) => {
    const r = staticPodFrom(text, PATH, 'node01');
    expect('message' in r && r.message).toMatch(message);
  });

  it('reads every regular file not starting with a dot, in name order', () => {
    const dir = mkdtempSync(join(tmpdir(), 'manifests-'));
    try {
      writeFileSync(join(dir, 'b.yaml'), NGINX.replace('name: web', 'name: b'));
      writeFileSync(join(dir, 'a.yaml'), NGINX.replace('name: web', 'name: a'));
      writeFileSync(join(dir, '.hidden.yaml'), NGINX);
      writeFileSync(join(dir, 'broken.yaml'), 'kind: [');
      const r = readManifests(dir, '/etc/kubernetes/manifests', 'node01');
      expect(r.pods.map((p) => p.pod.metadata.name)).toEqual(['a-node01', 'b-node01']);
      expect(r.errors.map((e) => e.path)).toEqual(['/etc/kubernetes/manifests/broken.yaml']);
      expect(readManifests(join(dir, 'none'), '/x', 'node01')).toEqual({ pods: [], errors: [] });
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
