import { describe, expect, it } from 'vitest';
import { MAX_IN_FLIGHT, TOKEN_TTL_MS, TokenCache } from './token-cache.js';

function cache() {
  let now = 1_000_000;
  const c = new TokenCache<string>(() => now);
  return { c, advance: (ms: number) => (now += ms) };
}

describe('TokenCache', () => {
  it('hands out 8-character URL-safe tokens', () => {
    const { c } = cache();
    for (let i = 0; i < 50; i++) expect(c.insert('r')).toMatch(/^[A-Za-z0-9_-]{8}$/);
  });

  it.each<[string, number, boolean]>([
    ['at once', 0, true],
    ['just before the minute', TOKEN_TTL_MS - 1, true],
    ['at the minute', TOKEN_TTL_MS, true],
    ['after the minute', TOKEN_TTL_MS + 1, false],
  ])('consumed %s: found=%s', (_name, after, found) => {
    const { c, advance } = cache();
    const token = c.insert('req');
    advance(after);
    expect(c.consume(token)).toBe(found ? 'req' : undefined);
  });

  it('is single-use', () => {
    const { c } = cache();
    const token = c.insert('req');
    expect(c.consume(token)).toBe('req');
    expect(c.consume(token)).toBeUndefined();
    expect(c.consume('nope1234')).toBeUndefined();
  });

  it('refuses past the in-flight limit, and drops expired entries on insert', () => {
    const { c, advance } = cache();
    for (let i = 0; i < MAX_IN_FLIGHT; i++) c.insert(String(i));
    expect(() => c.insert('x')).toThrow('rpc error: code = ResourceExhausted desc = maximum number of in-flight requests exceeded');
    advance(TOKEN_TTL_MS + 1);
    c.insert('y');
    expect(c.size).toBe(1);
  });

  it('retries a token already in use', () => {
    let calls = 0;
    const c = new TokenCache<string>(() => 0, (n) => Buffer.alloc(n, calls++ < 2 ? 0 : 1));
    expect(c.insert('a')).toBe('AAAAAAAA');
    expect(c.insert('b')).toBe('AQEBAQEB');
  });
});
