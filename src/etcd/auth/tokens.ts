// etcd's "simple" tokens: 16 random letters, a dot, and the raft index of the Authenticate entry.
// Each lives --auth-token-ttl after its last use; all die when auth is disabled, a user's die when
// the user is deleted or changes password.
import { randomInt } from 'node:crypto';

const LETTERS = 'abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ';
const PREFIX_LENGTH = 16;
export const DEFAULT_TOKEN_TTL_S = 300;

export class SimpleTokens {
  private readonly tokens = new Map<string, { user: string; expires: number }>();
  private enabled = false;
  private readonly ttlMs: number;

  constructor(
    ttlSeconds: number,
    private readonly clock: () => number,
  ) {
    this.ttlMs = (ttlSeconds > 0 ? ttlSeconds : DEFAULT_TOKEN_TTL_S) * 1000;
  }

  genPrefix(): string {
    let s = '';
    for (let i = 0; i < PREFIX_LENGTH; i++) s += LETTERS[randomInt(LETTERS.length)];
    return s;
  }

  enable(): void {
    this.enabled = true;
  }

  disable(): void {
    this.enabled = false;
    this.tokens.clear();
  }

  /** The token for a user authenticated by the raft entry at index. */
  assign(user: string, prefix: string, index: number): string {
    const token = `${prefix}.${index}`;
    if (this.enabled) this.tokens.set(token, { user, expires: this.clock() + this.ttlMs });
    return token;
  }

  /** The user a live token belongs to (each use renews it), or undefined. */
  user(token: string): string | undefined {
    const parts = token.split('.');
    if (parts.length !== 2 || !/^[+-]?\d+$/.test(parts[1]!)) return undefined;
    const entry = this.tokens.get(token);
    if (!entry) return undefined;
    const now = this.clock();
    if (now > entry.expires) {
      this.tokens.delete(token);
      return undefined;
    }
    entry.expires = now + this.ttlMs;
    return entry.user;
  }

  invalidateUser(user: string): void {
    for (const [token, entry] of this.tokens) if (entry.user === user) this.tokens.delete(token);
  }
}
