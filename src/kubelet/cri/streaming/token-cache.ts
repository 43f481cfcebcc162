// The streaming server's request cache (k8s.io/kubelet/pkg/cri/streaming/request_cache.go): an
// Exec, Attach or PortForward request is kept under a random single-use token for one minute, so
// the URL the RPC returns needs no other parameter. At most 1000 requests wait at once (then
// ResourceExhausted); expired entries are dropped on every insert, and a token consumed after its
// minute finds nothing. Tokens are 8 characters of URL-safe base64 (6 random bytes).
import { randomBytes } from 'node:crypto';
import { CriError } from '../../../client/cri/errors.js';

/** How long a token is good for. */
export const TOKEN_TTL_MS = 60_000;
/** The most requests waiting for their stream at once. */
export const MAX_IN_FLIGHT = 1000;
const TOKEN_LEN = 8;

interface Entry<T> {
  req: T;
  expires: number;
}

export class TokenCache<T> {
  /** In insertion order, so the oldest come first. */
  private readonly entries = new Map<string, Entry<T>>();

  constructor(
    private readonly now: () => number,
    private readonly random: (n: number) => Buffer = randomBytes,
  ) {}

  get size(): number {
    return this.entries.size;
  }

  /** Keeps req; returns its token. */
  insert(req: T): string {
    this.gc();
    if (this.entries.size >= MAX_IN_FLIGHT) throw new CriError('ResourceExhausted', 'maximum number of in-flight requests exceeded');
    const token = this.uniqueToken();
    this.entries.set(token, { req, expires: this.now() + TOKEN_TTL_MS });
    return token;
  }

  /** The request behind token, removing it; undefined when unknown, used or expired. */
  consume(token: string): T | undefined {
    const e = this.entries.get(token);
    if (!e) return undefined;
    this.entries.delete(token);
    return this.now() > e.expires ? undefined : e.req;
  }

  private uniqueToken(): string {
    const bytes = Math.ceil((TOKEN_LEN * 6) / 8);
    for (let i = 0; i < 10; i++) {
      const token = this.random(bytes).toString('base64url').slice(0, TOKEN_LEN);
      if (!this.entries.has(token)) return token;
    }
    throw new Error('failed to generate unique token');
  }

  private gc(): void {
    const now = this.now();
    for (const [token, e] of this.entries) {
      if (now <= e.expires) return;
      this.entries.delete(token);
    }
  }
}
