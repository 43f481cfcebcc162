import { describe, expect, it } from 'vitest';
import { SimpleTokens } from './tokens.js';

describe('simple tokens', () => {
  it('are 16 letters, a dot and the raft index', () => {
    const t = new SimpleTokens(300, () => 0);
    t.enable();
    expect(t.assign('alice', t.genPrefix(), 42)).toMatch(/^[a-zA-Z]{16}\.42$/);
  });

  it('live their TTL after the last use, and die with their user or with auth', () => {
    let now = 0;
    const t = new SimpleTokens(10, () => now);
    t.enable();
    const a = t.assign('alice', 'AAAAAAAAAAAAAAAA', 7);
    now = 9_000;
    expect(t.user(a)).toBe('alice'); // renewed until 19 s
    now = 18_000;
    expect(t.user(a)).toBe('alice');
    now = 28_001;
    expect(t.user(a)).toBeUndefined();
    const b = t.assign('bob', 'BBBBBBBBBBBBBBBB', 8);
    t.invalidateUser('bob');
    expect(t.user(b)).toBeUndefined();
    const c = t.assign('carol', 'CCCCCCCCCCCCCCCC', 9);
    t.disable();
    expect(t.user(c)).toBeUndefined();
  });

  it('are not kept while auth is off, and malformed ones are unknown', () => {
    const t = new SimpleTokens(0, () => 0);
    expect(t.user(t.assign('alice', 'AAAAAAAAAAAAAAAA', 1))).toBeUndefined();
    t.enable();
    expect(t.user('no-dot')).toBeUndefined();
    expect(t.user('a.b')).toBeUndefined();
  });
});
