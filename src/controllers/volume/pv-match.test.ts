import { describe, expect, it } from 'vitest';
import { findBestMatch, type MatchNode } from './pv-match.js';
import { pv, pvc } from './testdata.js';
import type { PV, PVC } from './types.js';

const onNode = (n: string) => ({ required: { nodeSelectorTerms: [{ matchExpressions: [{ key: 'kubernetes.io/hostname', operator: 'In', values: [n] }] }] } });

interface Case {
  name: string;
  claim: PVC;
  volumes: PV[];
  delay?: boolean;
  node?: MatchNode;
  want: string | undefined;
}

const cases: Case[] = [
  { name: 'smallest volume that fits', claim: pvc('c', '1Gi'), volumes: [pv('big', '10Gi'), pv('small', '2Gi'), pv('tiny', '500Mi')], want: 'small' },
  { name: 'exact size fits', claim: pvc('c', '1Gi'), volumes: [pv('a', '1024Mi')], want: 'a' },
  { name: 'nothing big enough', claim: pvc('c', '5Gi'), volumes: [pv('a', '1Gi')], want: undefined },
  { name: 'class "" only matches class-less volumes', claim: pvc('c', '1Gi', { storageClassName: '' }), volumes: [pv('fast', '1Gi', { storageClassName: 'fast' }), pv('plain', '5Gi')], want: 'plain' },
  { name: 'a class matches only that class', claim: pvc('c', '1Gi', { storageClassName: 'fast' }), volumes: [pv('plain', '1Gi'), pv('fast', '5Gi', { storageClassName: 'fast' })], want: 'fast' },
  { name: 'access modes must be a superset', claim: pvc('c', '1Gi', { accessModes: ['ReadWriteMany'] }), volumes: [pv('rwo', '1Gi'), pv('rwx', '5Gi', { accessModes: ['ReadWriteMany', 'ReadOnlyMany'] })], want: 'rwx' },
  { name: 'fewest access modes first, even if larger', claim: pvc('c', '1Gi'), volumes: [pv('two', '1Gi', { accessModes: ['ReadWriteOnce', 'ReadOnlyMany'] }), pv('one', '10Gi')], want: 'one' },
  { name: 'volumeMode must match', claim: pvc('c', '1Gi', { volumeMode: 'Block' }), volumes: [pv('fs', '1Gi'), pv('blk', '2Gi', { volumeMode: 'Block' })], want: 'blk' },
  { name: 'selector filters labels', claim: pvc('c', '1Gi', { selector: { matchLabels: { tier: 'gold' } } }), volumes: [pv('a', '1Gi'), pv('b', '2Gi', {}, { metadata: { name: 'b', labels: { tier: 'gold' } } })], want: 'b' },
  { name: 'only Available volumes', claim: pvc('c', '1Gi'), volumes: [pv('rel', '1Gi', {}, { status: { phase: 'Released' } }), pv('ok', '3Gi')], want: 'ok' },
  { name: 'a volume pre-bound to the claim wins', claim: pvc('c', '1Gi'), volumes: [pv('small', '1Gi'), pv('mine', '9Gi', { claimRef: { namespace: 'default', name: 'c' } }, { status: { phase: 'Pending' } })], want: 'mine' },
  { name: 'a volume pre-bound elsewhere is skipped', claim: pvc('c', '1Gi'), volumes: [pv('other', '1Gi', { claimRef: { namespace: 'default', name: 'x' } })], want: undefined },
  { name: 'a claimRef with another uid is skipped', claim: pvc('c', '1Gi'), volumes: [pv('old', '1Gi', { claimRef: { namespace: 'default', name: 'c', uid: 'gone' } })], want: undefined },
  { name: 'delayed binding leaves unbound volumes to the scheduler', claim: pvc('c', '1Gi'), volumes: [pv('a', '1Gi')], delay: true, want: undefined },
  { name: 'delayed binding still takes a pre-bound volume', claim: pvc('c', '1Gi'), volumes: [pv('a', '1Gi', { claimRef: { namespace: 'default', name: 'c' } })], delay: true, want: 'a' },
  { name: 'with a node, node affinity counts', claim: pvc('c', '1Gi'), volumes: [pv('n1', '1Gi', { nodeAffinity: onNode('n1') }), pv('n2', '2Gi', { nodeAffinity: onNode('n2') })], delay: true, node: { name: 'n2', labels: { 'kubernetes.io/hostname': 'n2' } }, want: 'n2' },
  { name: 'volumes being deleted are skipped', claim: pvc('c', '1Gi'), volumes: [pv('d', '1Gi', {}, { metadata: { name: 'd', deletionTimestamp: '2026-01-01T00:00:00Z' } })], want: undefined },
];

describe('findBestMatch', () => {
  it.each(cases)('$name', ({ claim, volumes, delay, node, want }) => {
    expect(findBestMatch(claim, volumes, delay ?? false, node)?.metadata.name).toBe(want);
  });
});
