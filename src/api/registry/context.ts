// What one API request carries into the registry: who asks, the clock, id generators, dry-run.
import type { KObject, UserInfo } from '../types.js';

export interface Generators {
  /** ms since the epoch. */
  now(): number;
  uid(): string;
  /** 5 characters for generateName, from upstream's alphabet. */
  suffix(): string;
}

export interface RequestContext {
  user: UserInfo;
  dryRun: boolean;
  /** Strict | Warn | Ignore (fieldValidation), already resolved. */
  fieldValidation: 'Strict' | 'Warn' | 'Ignore';
  warnings: string[];
  /** Records the write's field ownership in obj.metadata.managedFields (live: undefined on create). */
  trackFields?: (live: KObject | undefined, obj: KObject) => void;
}

/** RFC 3339 with seconds, as metav1.Time marshals. */
export const rfc3339 = (ms: number): string => new Date(Math.floor(ms / 1000) * 1000).toISOString().replace('.000Z', 'Z');

const ALPHABET = 'bcdfghjklmnpqrstvwxz2456789';

export function randomSuffix(rand: () => number = Math.random): string {
  let s = '';
  for (let i = 0; i < 5; i++) s += ALPHABET[Math.floor(rand() * ALPHABET.length)];
  return s;
}

/** A request the control plane makes on its own behalf (no dry run, no field validation). */
export function systemContext(user: UserInfo): RequestContext {
  return { user, dryRun: false, fieldValidation: 'Ignore', warnings: [] };
}
