import { describe, expect, it } from 'vitest';
import type { FlagSpec } from '../../../shared/pflag.js';
import { parseInteractiveLine, type WatchEnv } from './watch-interactive.js';

const FLAGS: FlagSpec[] = [
  { name: 'interactive', short: 'i', type: 'bool', def: 'false', usage: '' },
  { name: 'prefix', type: 'bool', def: 'false', usage: '' },
  { name: 'prev-kv', type: 'bool', def: 'false', usage: '' },
  { name: 'rev', type: 'int', def: '0', usage: '' },
];
const NO_ENV: WatchEnv = { key: '', range: '' };
const watch = (key: string, more: object = {}) => ({ kind: 'watch', spec: { key, prefix: false, prev_kv: false, rev: 0, ...more }, exec: [] });

describe('watch -i lines (parseWatchArgs, interactive)', () => {
  it.each<[string, WatchEnv, unknown]>([
    ['watch a', NO_ENV, watch('a')],
    ['watch a b', NO_ENV, watch('a', { end: 'b' })],
    ['watch a b c', NO_ENV, watch('a')],
    ['watch --rev 3 a --prev-kv', NO_ENV, watch('a', { rev: 3, prev_kv: true })],
    ['watch a --prefix -i', NO_ENV, watch('a', { prefix: true })],
    ['watch a b -- echo a', NO_ENV, { ...watch('a', { end: 'b' }), exec: ['echo', 'a'] }],
    ['watch', { key: 'k', range: 'z' }, watch('k', { end: 'z' })],
    ['progress now', NO_ENV, { kind: 'progress' }],
    ['get a', NO_ENV, { kind: 'skip', message: 'Invalid command get a (only support watch)\n' }],
    ['watch a b --prefix', NO_ENV, { kind: 'skip', message: 'Invalid command watch a b --prefix (`range_end` and `--prefix` are mutually exclusive)\n' }],
    ['watch -- echo', NO_ENV, { kind: 'skip', message: 'Invalid command watch -- echo (bad number of arguments)\n' }],
  ])('%j', (line, env, want) => {
    expect(parseInteractiveLine(line, env, FLAGS)).toEqual(want);
  });

  it.each<[string, WatchEnv, string]>([
    ['watch a --nope', NO_ENV, 'unknown flag: --nope'],
    ['watch -h', NO_ENV, 'pflag: help requested'],
    ['watch --prev-kv', NO_ENV, 'bad number of arguments'],
    ['watch a --', NO_ENV, 'bad number of arguments (found separator --, but no commands)'],
    ['watch a', { key: 'k', range: '' }, 'bad number of arguments (found conflicting environment key)'],
  ])('%j ends etcdctl', (line, env, message) => {
    expect(() => parseInteractiveLine(line, env, FLAGS)).toThrow(message);
  });
});
