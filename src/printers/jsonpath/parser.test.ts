// The parse trees of client-go's jsonpath parser (parser.go), table-driven; the error texts are
// checked against kubectl in printer.test.ts (testdata/label-local.json).
import { describe, expect, it } from 'vitest';
import { JsonPathParseError } from './errors.js';
import type { Node } from './nodes.js';
import { parseJsonPathTree } from './parser.js';

const field = (name: string): Node => ({ type: 'field', name });
const idx = (value: number, known = true, derived = false) => ({ value, known, derived });
const none = idx(0, false);
const action = (...nodes: Node[]): Node => ({ type: 'list', nodes });

describe('parseJsonPathTree', () => {
  it.each<[string, Node[]]>([
    ['text {.a.b} more', [{ type: 'text', text: 'text ' }, action(field('a'), field('b')), { type: 'text', text: ' more' }]],
    ['{.metadata.labels.app\\.kubernetes\\.io/name}', [action(field('metadata'), field('labels'), field('app.kubernetes.io/name'))]],
    ['{.a[0]}', [action(field('a'), { type: 'array', params: [idx(0), idx(1, true, true), none] })]],
    ['{.a[-1:]}', [action(field('a'), { type: 'array', params: [idx(-1), none, none] })]],
    ['{.a[*]}', [action(field('a'), { type: 'array', params: [none, none, none] })]],
    ['{.a[1:3:2]}', [action(field('a'), { type: 'array', params: [idx(1), idx(3), idx(2)] })]],
    ["{['x','y']}", [action({ type: 'union', nodes: [{ type: 'list', nodes: [field('x')] }, { type: 'list', nodes: [field('y')] }] })]],
    ["{['a.b']}", [action(field('a'), field('b'))]],
    ['{..name}', [action({ type: 'recursive' }, field('name'))]],
    ['{.a.*}', [action(field('a'), { type: 'wildcard' })]],
    ['{range .items[*]}{end}', [action({ type: 'identifier', name: 'range' }, field('items'), { type: 'array', params: [none, none, none] }), action({ type: 'identifier', name: 'end' })]],
    ['{"\\t"}{1}{-2.5}{true}', [action({ type: 'text', text: '\t' }), action({ type: 'int', value: 1 }), action({ type: 'float', value: -2.5 }), action({ type: 'bool', value: true })]],
    [
      '{.a[?(@.b=="x")]}',
      [action(field('a'), { type: 'filter', left: { type: 'list', nodes: [field('b')] }, right: { type: 'list', nodes: [{ type: 'text', text: 'x' }] }, operator: '==' })],
    ],
    ['{.a[?(@.b)]}', [action(field('a'), { type: 'filter', left: { type: 'list', nodes: [field('b')] }, right: { type: 'list', nodes: [] }, operator: 'exists' })]],
    ['{.a[?(@.b>)]}', [action(field('a'), { type: 'filter', left: { type: 'list', nodes: [field('b>')] }, right: { type: 'list', nodes: [] }, operator: 'exists' })]],
    ['{@}{$.a}{ }', [action(), action(field('a')), action()]],
    ['}{.a}}', [{ type: 'text', text: '}' }, action(field('a')), { type: 'text', text: '}' }]],
  ])('%s', (text, nodes) => {
    expect(parseJsonPathTree(text).nodes).toEqual(nodes);
  });

  it.each([
    ['{.a', 'unclosed action'],
    ['{.a\n}', 'unclosed action'],
    ['{.a[0', 'unterminated array'],
    ['{"a', 'unterminated quoted string'],
    ['{.a[?(@.b', 'unterminated filter'],
    ['{....a}', 'invalid multiple recursive descent'],
    ['{%}', "unrecognized character in action: U+0025 '%'"],
    ['{\u0007}', 'unrecognized character in action: U+0007'],
  ])('%j fails: %s', (text, msg) => {
    expect(() => parseJsonPathTree(text)).toThrow(new JsonPathParseError(msg));
  });
});
