// set's container name selection (selectString, wildcards), and where pod specs live. kubectl
// only anchors a pattern's first part when an earlier part moved the position: `x*` matches
// `nginx` (checked: `kubectl set env deploy/web -c 'x*' A=1` changes the nginx container).
import { describe, expect, it } from 'vitest';
import { podSpecOf, selectString } from './pod-template.js';

describe('selectString', () => {
  it.each([
    ['nginx', '*', true], ['nginx', 'nginx', true], ['nginx', 'ngin', false], ['nginx', 'ng*', true], ['nginx', '*nx', true],
    ['nginx', '*gin*', true], ['nginx', 'x*', true], ['nginx', 'zz*', false], ['nginx', '*a', false], ['sidecar', 'side*', true], ['side', 'side*car', false],
  ] as const)('%s matches %s: %s', (s, spec, want) => {
    expect(selectString(s, spec)).toBe(want);
  });
});

describe('podSpecOf', () => {
  it('finds the pod spec of each templated kind', () => {
    expect(podSpecOf({ apiVersion: 'v1', kind: 'Pod', spec: { a: 1 } })).toEqual({ a: 1 });
    expect(podSpecOf({ apiVersion: 'batch/v1', kind: 'CronJob', spec: { jobTemplate: { spec: { template: { spec: { b: 2 } } } } } })).toEqual({ b: 2 });
    expect(podSpecOf({ apiVersion: 'v1', kind: 'ReplicationController', spec: {} })).toEqual({});
  });

  it('refuses kinds without one, naming their Go type', () => {
    expect(() => podSpecOf({ apiVersion: 'v1', kind: 'Service' })).toThrow('the object is not a pod or does not have a pod template: *v1.Service');
  });
});
