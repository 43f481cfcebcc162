import { beforeAll, describe, expect, it } from 'vitest';
import { celReady, compileIssues, evaluate, lazyVariables, parseIssues, toCel, type Activation } from './cel.js';

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

describe('the Kubernetes CEL libraries', () => {
  beforeAll(celReady);
  const ev = (e: string, object: unknown = {}) => evaluate(e, { object: toCel(object) });
  it('lists, regex and strings', () => {
    expect(ev('[1, 3, 2].sum() == 6 && [3, 1].min() == 1 && [1, 2].isSorted() && ![2, 1].isSorted()')).toBe(true);
    expect(ev("['a', 'b', 'a'].indexOf('a') == 0 && ['a', 'b', 'a'].lastIndexOf('a') == 2 && [1].indexOf(5) == -1")).toBe(true);
    expect(ev("'abc 123 def 456'.find('[0-9]+')")).toBe('123');
    expect(ev("'abc 123 def 456'.findAll('[0-9]+')")).toEqual(['123', '456']);
    expect(ev("'a-b-c'.replace('-', '+', 1) + 'x'.charAt(0)")).toBe('a+b-cx');
    expect(() => ev('object.l.max()', { l: [] })).toThrow("expression 'object.l.max()' resulted in error: max called on empty list");
  });
  it('quantities', () => {
    expect(ev("quantity(object.m).isLessThan(quantity('1Gi')) && quantity('1.5').compareTo(quantity('1500m')) == 0", { m: '512Mi' })).toBe(true);
    expect(ev("quantity('2').add(3).asInteger() == 5 && quantity('500m').sub(quantity('1')).sign() == -1 && isQuantity('1k') && !isQuantity('x')")).toBe(true);
    expect(ev("quantity('1500m').asApproximateFloat()")).toBe(1.5);
  });
});

describe('parseIssues: a syntax error as cel-go displays an issue', () => {
  beforeAll(celReady);

  it('gives line, 1-based column, the source line and a caret', () => {
    expect(parseIssues('object.spec.replicas <= 5')).toBeUndefined();
    expect(parseIssues('object.spec.replicas <=')).toBe('ERROR: <input>:1:24: Syntax error: unexpected token: EOF\n | object.spec.replicas <=\n | .......................^');
    expect(parseIssues('a &&\n\tb +* 2')).toBe('ERROR: <input>:2:5: Syntax error: unexpected token: MULTIPLY\n |  b +* 2\n | ....^');
  });

  it('counts characters, not bytes, and marks wide ones with full-width dots', () => {
    expect(parseIssues('self.x == "\u00e9" +* 1')).toBe('ERROR: <input>:1:16: Syntax error: unexpected token: MULTIPLY\n | self.x == "\u00e9" +* 1\n | ...........\uff0e...^');
  });
});

describe('compileIssues: syntax, then references to undeclared variables', () => {
  beforeAll(celReady);
  const policy = ['object', 'oldObject', 'request', 'namespaceObject', 'authorizer', 'variables'];

  it('names the undeclared variable where it stands', () => {
    expect(compileIssues('objet.spec.replicas > 1', policy)).toBe("ERROR: <input>:1:1: undeclared reference to 'objet' (in container '')\n | objet.spec.replicas > 1\n | ^");
    expect(compileIssues('object.spec.replicas <= params.max', policy)).toBe("ERROR: <input>:1:25: undeclared reference to 'params' (in container '')\n | object.spec.replicas <= params.max\n | ........................^");
    expect(compileIssues('object.spec.replicas <= params.max', [...policy, 'params'])).toBeUndefined();
    expect(compileIssues('self.x <', ['self', 'oldSelf'])).toMatch(/^ERROR: <input>:1:9: Syntax error: /);
  });

  it('lets through what only a typed checker could judge, and comprehension variables', () => {
    expect(compileIssues("object.spec.containers.all(c, c.image.startsWith('x'))", policy)).toBeUndefined();
    expect(compileIssues("type(self) == string && self.?x.orValue(1) == 1", ['self', 'oldSelf'])).toBeUndefined();
    expect(compileIssues('1 + "a"', policy)).toBeUndefined();
  });
});
