import { beforeAll, describe, expect, it } from 'vitest';
import { celReady, evaluate, lazyVariables, toCel, type Activation } from './cel.js';

describe('admission CEL', () => {
  beforeAll(celReady);
  const object = toCel({ spec: { replicas: 3, ratio: 0.5, containers: [{ image: 'nginx:1.25' }] }, metadata: { name: 'web' } });
  it('reads whole JSON numbers as ints, others as doubles', () => {
    expect(evaluate('object.spec.replicas <= 5', { object })).toBe(true);
    expect(evaluate('type(object.spec.replicas) == int && type(object.spec.ratio) == double', { object })).toBe(true);
    expect(evaluate("object.spec.containers.all(c, !c.image.endsWith(':latest'))", { object })).toBe(true);
  });
  it('words failures as the apiserver does', () => {
    expect(() => evaluate('object.metadata.labels.app == "x"', { object })).toThrow("expression 'object.metadata.labels.app == \"x\"' resulted in error: no such key: labels");
    expect(() => evaluate('object.spec.replicas <=', { object })).toThrow(/^compilation error: /);
  });
  it('evaluates variables on first use, one from another', () => {
    const ctx: Activation = { object };
    ctx.variables = lazyVariables([{ name: 'n', expression: 'object.spec.replicas' }, { name: 'twice', expression: 'variables.n * 2' }, { name: 'bad', expression: 'object.nope' }], ctx);
    expect(evaluate('variables.twice == 6', ctx)).toBe(true);
    expect(() => evaluate('variables.bad', ctx)).toThrow("expression 'object.nope' resulted in error: no such key: nope");
  });
});
