import { describe, expect, it } from 'vitest';
import { nodeNameAffinity, nodeShouldRunDaemonPod, targetNodeName, withDaemonTolerations } from './scheduling.js';
import type { DaemonSet, Node, PodSpecLike, Taint } from './types.js';

const node = (name: string, labels: Record<string, string> = {}, taints: Taint[] = []): Node => ({ metadata: { name, labels }, spec: { taints } });
const ds = (spec: PodSpecLike = {}): DaemonSet => ({ metadata: { name: 'ds' }, spec: { template: { spec } } });

describe('nodeShouldRunDaemonPod', () => {
  it.each<[string, Node, PodSpecLike, [boolean, boolean]]>([
    ['a plain node', node('n'), {}, [true, true]],
    ['a cordoned node (unschedulable taint is tolerated)', node('n', {}, [{ key: 'node.kubernetes.io/unschedulable', effect: 'NoSchedule' }]), {}, [true, true]],
    ['a not-ready node', node('n', {}, [{ key: 'node.kubernetes.io/not-ready', effect: 'NoExecute' }]), {}, [true, true]],
    ['a memory-pressure node', node('n', {}, [{ key: 'node.kubernetes.io/memory-pressure', effect: 'NoSchedule' }]), {}, [true, true]],
    ['network-unavailable without hostNetwork', node('n', {}, [{ key: 'node.kubernetes.io/network-unavailable', effect: 'NoSchedule' }]), {}, [false, true]],
    ['network-unavailable with hostNetwork', node('n', {}, [{ key: 'node.kubernetes.io/network-unavailable', effect: 'NoSchedule' }]), { hostNetwork: true }, [true, true]],
    ['a control-plane taint', node('n', {}, [{ key: 'node-role.kubernetes.io/control-plane', effect: 'NoSchedule' }]), {}, [false, true]],
    ['a control-plane taint, tolerated', node('n', {}, [{ key: 'node-role.kubernetes.io/control-plane', effect: 'NoSchedule' }]), { tolerations: [{ key: 'node-role.kubernetes.io/control-plane', operator: 'Exists', effect: 'NoSchedule' }] }, [true, true]],
    ['an untolerated NoExecute taint', node('n', {}, [{ key: 'dedicated', value: 'db', effect: 'NoExecute' }]), {}, [false, false]],
    ['an Equal toleration of the wrong value', node('n', {}, [{ key: 'dedicated', value: 'db', effect: 'NoSchedule' }]), { tolerations: [{ key: 'dedicated', operator: 'Equal', value: 'web' }] }, [false, true]],
    ['a matching nodeSelector', node('n', { disk: 'ssd' }), { nodeSelector: { disk: 'ssd' } }, [true, true]],
    ['a mismatched nodeSelector', node('n', { disk: 'hdd' }), { nodeSelector: { disk: 'ssd' } }, [false, false]],
    ['another nodeName', node('n'), { nodeName: 'm' }, [false, false]],
    ['node affinity NotIn', node('n', { zone: 'a' }), { affinity: { nodeAffinity: { requiredDuringSchedulingIgnoredDuringExecution: { nodeSelectorTerms: [{ matchExpressions: [{ key: 'zone', operator: 'NotIn', values: ['a'] }] }] } } } }, [false, false]],
    ['node affinity, second term Gt', node('n', { cores: '8' }), { affinity: { nodeAffinity: { requiredDuringSchedulingIgnoredDuringExecution: { nodeSelectorTerms: [{ matchExpressions: [{ key: 'x', operator: 'Exists' }] }, { matchExpressions: [{ key: 'cores', operator: 'Gt', values: ['4'] }] }] } } } }, [true, true]],
    ['node affinity on metadata.name', node('n'), { affinity: nodeNameAffinity(undefined, 'n') }, [true, true]],
  ])('on %s', (_what, n, spec, want) => {
    expect(nodeShouldRunDaemonPod(n, ds(spec))).toEqual(want);
  });
});

describe('daemon pod spec', () => {
  it('adds the daemon tolerations once, network-unavailable only for hostNetwork', () => {
    const keys = (s: PodSpecLike) => withDaemonTolerations(s).tolerations?.map((t) => `${t.key}:${t.effect}`);
    expect(keys({})).toEqual([
      'node.kubernetes.io/not-ready:NoExecute', 'node.kubernetes.io/unreachable:NoExecute', 'node.kubernetes.io/disk-pressure:NoSchedule',
      'node.kubernetes.io/memory-pressure:NoSchedule', 'node.kubernetes.io/pid-pressure:NoSchedule', 'node.kubernetes.io/unschedulable:NoSchedule',
    ]);
    expect(keys(withDaemonTolerations({ hostNetwork: true }))).toHaveLength(7);
  });

  it('replaces the required node affinity with the node name and reads it back', () => {
    const a = nodeNameAffinity({ nodeAffinity: { requiredDuringSchedulingIgnoredDuringExecution: { nodeSelectorTerms: [{ matchExpressions: [{ key: 'x', operator: 'Exists' }] }] }, preferredDuringSchedulingIgnoredDuringExecution: [] } }, 'n1');
    expect(a).toEqual({ nodeAffinity: { requiredDuringSchedulingIgnoredDuringExecution: { nodeSelectorTerms: [{ matchFields: [{ key: 'metadata.name', operator: 'In', values: ['n1'] }] }] }, preferredDuringSchedulingIgnoredDuringExecution: [] } });
    expect(targetNodeName({ affinity: a })).toBe('n1');
    expect(targetNodeName({ nodeName: 'n2', affinity: a })).toBe('n2');
  });
});
