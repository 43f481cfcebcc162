import { describe, expect, it } from 'vitest';
import { crlfAsLf, decodeError, ExitCodeError } from './stream.js';
import { findOrDefaultContainer, lessActive, selectorString, type Pod } from './pods.js';

describe('the error channel (errorDecoderV4)', () => {
  it.each([
    ['', undefined],
    ['{"metadata":{},"status":"Success"}', undefined],
    // kube-apiserver 1.32's translator for `sh -c 'exit 3'`; the real kubectl prints `command terminated with exit code 3`, exit 3
    ['{"metadata":{},"status":"Failure","message":"command terminated with non-zero exit code: command terminated with exit code 3","reason":"NonZeroExitCode","details":{"causes":[{"reason":"ExitCode","message":"3"}]}}', 'command terminated with exit code 3'],
    ['{"metadata":{},"status":"Failure","message":"Internal error occurred: unable to upgrade connection: container not found (\\"x\\")","reason":"InternalError","code":500}', 'Internal error occurred: unable to upgrade connection: container not found ("x")'],
    ['{"status":"Failure","reason":"NonZeroExitCode"}', 'error stream protocol error: details must be set'],
    ['{"status":"Failure","reason":"NonZeroExitCode","details":{"causes":[]}}', 'error stream protocol error: no ExitCode cause given'],
    ['{"status":"Failure","reason":"NonZeroExitCode","details":{"causes":[{"reason":"ExitCode","message":"-1"}]}}', 'error stream protocol error: invalid exit code value "-1"'],
    ['{"status":"Weird"}', 'error stream protocol error: unknown error'],
  ])('%s', (message, want) => {
    expect(decodeError(message)?.message).toBe(want);
  });

  it('gives the exit code', () => {
    expect((decodeError('{"status":"Failure","reason":"NonZeroExitCode","details":{"causes":[{"reason":"ExitCode","message":"42"}]}}') as ExitCodeError).code).toBe(42);
  });
});

describe('a raw local terminal that still writes NL as CR NL', () => {
  it('gets CR NL as NL, also across chunks', () => {
    let out = '';
    const w = crlfAsLf({ write: (c) => (out += Buffer.from(c).toString()) });
    for (const c of ['a\r\nb\r', '\nc\r', 'd\r']) w.write(c);
    expect(out).toBe('a\nb\nc\rd');
  });
});

describe('the pod behind TYPE/NAME', () => {
  it.each([
    [{ matchLabels: { app: 'web', tier: 'a' } }, 'app=web,tier=a'],
    [{ matchLabels: { z: '1' }, matchExpressions: [{ key: 'a', operator: 'In', values: ['y', 'x'] }, { key: 'b', operator: 'DoesNotExist' }, { key: 'c', operator: 'Exists' }, { key: 'd', operator: 'NotIn', values: ['q'] }] }, 'a in (x,y),!b,c,d notin (q),z=1'],
  ])('selector %j is %s', (sel, want) => {
    expect(selectorString(sel)).toBe(want);
  });

  const pod = (name: string, o: { node?: string; phase?: string; ready?: string; restarts?: number; created?: string } = {}): Pod => ({
    metadata: { name, creationTimestamp: o.created ?? '2026-01-01T00:00:00Z' },
    spec: { ...(o.node ? { nodeName: o.node } : {}) },
    status: { phase: o.phase ?? 'Running', conditions: o.ready ? [{ type: 'Ready', status: 'True', lastTransitionTime: o.ready }] : [], containerStatuses: [{ restartCount: o.restarts ?? 0 }] },
  });

  it.each([
    ['unassigned', pod('a'), pod('b', { node: 'n' })],
    ['pending', pod('a', { node: 'n', phase: 'Pending' }), pod('b', { node: 'n' })],
    ['not ready', pod('a', { node: 'n' }), pod('b', { node: 'n', ready: '2026-01-01T00:00:01Z' })],
    ['ready later', pod('a', { node: 'n', ready: '2026-01-01T00:00:09Z' }), pod('b', { node: 'n', ready: '2026-01-01T00:00:01Z' })],
    ['more restarts', pod('a', { node: 'n', restarts: 2 }), pod('b', { node: 'n' })],
    ['newer', pod('a', { node: 'n', created: '2026-01-02T00:00:00Z' }), pod('b', { node: 'n' })],
  ])('a pod %s is less active', (_why, a, b) => {
    expect([lessActive(a, b), lessActive(b, a)]).toEqual([true, false]);
  });

  it('defaults the container as podcmd does, with the note', () => {
    const p: Pod = { metadata: { name: 'p' }, spec: { containers: [{ name: 'a' }, { name: 'b' }], initContainers: [{ name: 'i' }] } };
    const notes: string[] = [];
    expect(findOrDefaultContainer(p, '', false, (t) => notes.push(t)).name).toBe('a');
    expect(notes).toEqual(['Defaulted container "a" out of: a, b, i (init)\n']);
    expect(findOrDefaultContainer({ ...p, metadata: { name: 'p', annotations: { 'kubectl.kubernetes.io/default-container': 'b' } } }, '', false, (t) => notes.push(t)).name).toBe('b');
    expect(() => findOrDefaultContainer(p, 'x', false, () => {})).toThrow('container x not found in pod p');
  });
});
