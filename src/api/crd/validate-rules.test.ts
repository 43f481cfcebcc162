import { beforeAll, describe, expect, it } from 'vitest';
import { celReady } from '../cel/cel.js';
import { hasRules, validateRules } from './validate-rules.js';
import type { JSONSchemaProps } from './schema.js';

type S = JSONSchemaProps & { 'x-kubernetes-validations'?: object[] };
const schema: S = {
  type: 'object',
  properties: {
    limits: {
      type: 'object',
      additionalProperties: { type: 'number', 'x-kubernetes-validations': [{ rule: 'self >= oldSelf', message: 'no lowering' }] } as S,
    },
    items: { type: 'array', items: { type: 'integer', 'x-kubernetes-validations': [{ rule: 'self % 2 == 0' }] } as S },
  },
};

describe('CRD validation rules', () => {
  beforeAll(celReady);
  it('finds rules anywhere in a schema', () => {
    expect(hasRules(schema)).toBe(true);
    expect(hasRules({ type: 'object', properties: { a: { type: 'string' } } })).toBe(false);
  });
  it('types values by the schema and correlates map keys with the old object', () => {
    const obj = { limits: { cpu: 1.5, mem: 2 }, items: [2, 3] };
    expect(validateRules('', schema, obj, undefined, false)).toEqual([{ type: 'Invalid', field: 'items[1]', badValue: 'integer', detail: 'failed rule: self % 2 == 0' }]);
    const errs = validateRules('', schema, obj, { limits: { cpu: 2, gone: 1 } }, true);
    expect(errs.map((e) => `${e.field}: ${e.detail}`)).toEqual(['limits[cpu]: no lowering', 'items[1]: failed rule: self % 2 == 0']);
  });
});
