import { describe, expect, it } from 'vitest';
import { applyDefaults } from '../../defaulting/index.js';
import type { KObject } from '../../types.js';
import { createErrors, updateErrors } from '../testing.js';

const RC = 'RuntimeClass.node.k8s.io';
const rc = (extra: Record<string, unknown> = {}) => ({ metadata: { name: 'gvisor', uid: 'u1' }, handler: 'runsc', ...extra });

describe('node.k8s.io RuntimeClass', () => {
  it.each([
    [rc(), []],
    [rc({ handler: 'Run_SC' }), [expect.stringMatching(/^handler: Invalid value: "Run_SC": a lowercase RFC 1123 label must consist of/)]],
    [rc({ handler: '' }), [expect.stringMatching(/^handler: Invalid value: "": a lowercase RFC 1123 label/)]],
    [rc({ overhead: { podFixed: { memory: '-1', foo: '1' } } }), [
      'overhead.limits[memory]: Invalid value: "-1": must be greater than or equal to 0',
      'overhead.limits[foo]: Invalid value: "foo": must be a standard resource type or fully qualified',
      'overhead.limits[foo]: Invalid value: "foo": must be a standard resource for containers',
    ]],
    [rc({ scheduling: { nodeSelector: { 'a b': 'c' }, tolerations: [{ key: 'k', operator: 'Exists' }, { key: 'k', operator: 'Exists', tolerationSeconds: 5 }] } }), [
      expect.stringMatching(/^scheduling\.nodeSelector: Invalid value: "a b": name part must consist of/),
      'scheduling.tolerations[1].effect: Invalid value: "": effect must be \'NoExecute\' when `tolerationSeconds` is set',
      // the list key leaves tolerationSeconds out; Go prints the set pointer with a made-up address
      'scheduling.tolerations[1]: Duplicate value: core.Toleration{Key:"k", Operator:"Exists", Value:"", Effect:"", TolerationSeconds:(*int64)(0xc000000000)}',
    ]],
    [rc({ scheduling: { tolerations: [{ key: 'k', operator: 'Exists', effect: 'NoSchedule' }, { key: 'k', operator: 'Exists', effect: 'NoSchedule' }] } }), [
      'scheduling.tolerations[1]: Duplicate value: core.Toleration{Key:"k", Operator:"Exists", Value:"", Effect:"NoSchedule", TolerationSeconds:(*int64)(nil)}',
    ]],
  ])('create %#', (obj, want) => expect(createErrors(RC, obj)).toEqual(want));

  it('never changes its handler', () => {
    expect(updateErrors(RC, rc({ handler: 'runc' }), rc())).toEqual(['handler: Invalid value: "runc": field is immutable']);
    expect(updateErrors(RC, rc({ scheduling: { nodeSelector: { a: 'b' } } }), rc())).toEqual([]);
  });

  it('reads overhead quantities back in canonical form', () => {
    const obj = rc({ overhead: { podFixed: { memory: '1024Mi', cpu: 0.25 } } }) as unknown as KObject;
    applyDefaults(RC, obj);
    expect(obj.overhead).toEqual({ podFixed: { memory: '1Gi', cpu: '250m' } });
  });
});
