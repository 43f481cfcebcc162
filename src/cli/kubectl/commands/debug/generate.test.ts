// The pods debug generates, with a fixed name suffix: the node debugging pod, the ephemeral
// container, the copy (images set, a container changed or added, --set-image alone), and the
// messages they print.
import { describe, expect, it } from 'vitest';
import { debugContainerName, nodeDebugPod, podCopy, withEphemeralContainer } from './generate.js';
import type { DebugOptions } from './options.js';
import type { DebugPod } from './pod.js';
import { profileApplier } from './profiles.js';

const KEEP = { labels: false, annotations: false, liveness: false, readiness: false, startup: false, initContainers: true };

function options(o: Partial<DebugOptions> = {}): DebugOptions {
  return {
    targetNames: ['p'], filenames: [], args: [], argsOnly: false, attach: false, attachChanged: false, container: '', copyTo: '',
    replace: false, env: [], image: 'busybox', interactive: false, tty: false, keep: KEEP, namespace: 'default', explicitNamespace: false,
    pullPolicy: '', quiet: false, sameNode: false, setImages: new Map(), shareProcesses: true, shareProcessesChanged: false, target: '',
    profile: 'general', customFile: '', applier: profileApplier(o.profile ?? 'general', KEEP), ...o,
  };
}

function gen(o: Partial<DebugOptions>, suffixes = ['abcde']) {
  const printed: string[] = [];
  const queue = [...suffixes];
  return { g: { o: options(o), out: (t: string) => printed.push(t), suffix: () => queue.shift() ?? 'zzzzz' }, printed };
}

const target = (): DebugPod => ({
  apiVersion: 'v1', kind: 'Pod',
  metadata: { name: 'p', namespace: 'ns', labels: { app: 'p' }, uid: 'u' },
  spec: { nodeName: 'n1', containers: [{ name: 'app', image: 'nginx' }, { name: 'side', image: 'busybox', args: ['x'] }], ephemeralContainers: [{ name: 'debugger-abcde' }] },
});

describe('debug pods', () => {
  it('names the node pod after the node and runs it in the host namespaces with / at /host', () => {
    const { g, printed } = gen({ profile: 'legacy', args: ['sh'], env: [{ name: 'A', value: '1' }] });
    expect(nodeDebugPod(g, 'n1')).toEqual({
      apiVersion: 'v1', kind: 'Pod', metadata: { name: 'node-debugger-n1-abcde' },
      spec: {
        containers: [{
          name: 'debugger', env: [{ name: 'A', value: '1' }], image: 'busybox', imagePullPolicy: '', stdin: false, terminationMessagePolicy: 'File',
          tty: false, command: ['sh'], volumeMounts: [{ name: 'host-root', mountPath: '/host' }],
        }],
        nodeName: 'n1', restartPolicy: 'Never', tolerations: [{ operator: 'Exists' }],
        volumes: [{ name: 'host-root', hostPath: { path: '/' } }], hostNetwork: true, hostPID: true, hostIPC: true,
      },
    });
    expect(printed).toEqual(['Creating debugging pod node-debugger-n1-abcde with container debugger on node n1.\n']);
  });

  it('draws another suffix while the name is taken, and says which it chose unless quiet', () => {
    const { g, printed } = gen({}, ['abcde', 'fghjk']);
    expect(debugContainerName(g, target())).toBe('debugger-fghjk');
    expect(printed).toEqual(['Defaulting debug container name to debugger-fghjk.\n']);
    const quiet = gen({ quiet: true });
    expect(debugContainerName(quiet.g, { ...target(), spec: { containers: [] } })).toBe('debugger-abcde');
    expect(quiet.printed).toEqual([]);
  });

  it('adds the ephemeral container to a copy of the pod, the original untouched', () => {
    const original = target();
    const { g } = gen({ container: 'dbg', target: 'app', argsOnly: true, args: ['a'], interactive: true });
    const { pod, name } = withEphemeralContainer(g, original);
    expect(name).toBe('dbg');
    expect(pod.spec.ephemeralContainers?.[1]).toEqual({
      name: 'dbg', env: [], image: 'busybox', imagePullPolicy: '', stdin: true, terminationMessagePolicy: 'File', tty: false, args: ['a'],
      targetContainerName: 'app', securityContext: { capabilities: { add: ['SYS_PTRACE'] } },
    });
    expect(original.spec.ephemeralContainers).toHaveLength(1);
  });

  it('copies the pod: metadata reduced, no ephemeral containers or node, images set, a container changed', () => {
    const setImages = new Map([['*', 'busybox:1.36'], ['app', 'nginx:1.27']]);
    const { g, printed } = gen({ copyTo: 'c', container: 'side', args: ['sh'], setImages, image: '' });
    const { pod, name } = podCopy(g, target());
    expect(name).toBe('side');
    expect(pod.metadata).toEqual({ name: 'c', namespace: 'ns' });
    expect(pod.spec).toEqual({
      containers: [{ name: 'app', image: 'nginx:1.27' }, { name: 'side', image: 'busybox:1.36', command: ['sh'], stdin: false, tty: false, securityContext: { capabilities: { add: ['SYS_PTRACE'] } } }],
      shareProcessNamespace: true,
    });
    expect(printed).toEqual([]);
  });

  it('returns a --set-image-only copy without a debug container or the profile', () => {
    const { g } = gen({ copyTo: 'c', image: '', setImages: new Map([['*', 'busybox']]), sameNode: true });
    const { pod, name } = podCopy(g, target());
    expect(name).toBe('');
    expect(pod.metadata.labels).toEqual({ app: 'p' });
    expect(pod.spec.nodeName).toBe('n1');
  });

  it('refuses to add a container without an image', () => {
    const { g } = gen({ copyTo: 'c', image: '', container: 'new', args: ['sh'] });
    expect(() => podCopy(g, target())).toThrow('you must specify image when creating new container');
  });
});
