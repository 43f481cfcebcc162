// Differential checks of the HTTP API: the same requests (raw HTTP, or the real etcdctl in v2
// mode) against a fresh real etcd 3.4.23 and a fresh one of ours must get equal answers: status,
// the headers etcd sets, bodies. Only expiration timestamps and TTLs, the run-time ports and, on
// request, the raft index (which etcd's 500 ms SYNC moves while TTL keys exist) are masked.
import { expect } from 'vitest';
import { etcdctl2, startOurs, startReal, type Endpoint, type Run } from './etcd-pair.js';

export interface Step {
  method?: string;
  path: string;
  form?: Record<string, string> | string;
  headers?: Record<string, string>;
}

export interface Answer {
  status: number;
  headers: Record<string, string>;
  body: string;
}

const COMPARED_HEADERS = [
  'access-control-allow-headers',
  'access-control-allow-methods',
  'access-control-allow-origin',
  'allow',
  'content-length',
  'content-type',
  'location',
  'x-content-type-options',
  'x-etcd-cluster-id',
  'x-etcd-index',
  'x-raft-index',
  'x-raft-term',
];

export function mask(text: string, ep: Endpoint): string {
  return text
    .replaceAll(String(ep.port), 'PORT')
    .replace(/"expiration":"[^"]*"/g, '"expiration":"T"')
    .replace(/"ttl":\d+/g, '"ttl":N');
}

export async function send(ep: Endpoint, step: Step, opts: { raft?: boolean } = {}): Promise<Answer> {
  const method = step.method ?? 'GET';
  const form = typeof step.form === 'string' ? step.form : step.form ? new URLSearchParams(step.form).toString() : undefined;
  const headers: Record<string, string> = { ...(form !== undefined ? { 'Content-Type': 'application/x-www-form-urlencoded' } : {}), ...step.headers };
  const r = await fetch(`${ep.url}${step.path}`, { method, headers, redirect: 'manual', ...(form !== undefined ? { body: form } : {}) });
  const body = mask(await r.text(), ep);
  const out: Record<string, string> = {};
  for (const name of COMPARED_HEADERS) {
    const v = r.headers.get(name);
    if (v === null) continue;
    // A masked body changes its length; a masked raft index is not compared.
    if (name === 'content-length' && body.includes('"T"')) continue;
    if (name === 'x-raft-index' && opts.raft === false) continue;
    out[name] = v;
  }
  return { status: r.status, headers: out, body };
}

export const maskRun = (r: Run, ep: Endpoint): Run => ({ stdout: mask(r.stdout, ep), stderr: mask(r.stderr, ep), code: r.code });

/** Pairs of servers started by a test file; stop() (in afterEach) ends them. */
export class V2Diff {
  readonly running: Endpoint[] = [];

  async pair(v2 = true): Promise<[Endpoint, Endpoint]> {
    const [real, ours] = await Promise.all([startReal({ v2 }), startOurs({ v2 })]);
    this.running.push(real, ours);
    return [real, ours];
  }

  async stop(): Promise<void> {
    await Promise.all(this.running.splice(0).map((e) => e.stop()));
  }

  /** Sends each step to both, in turn; every answer must be equal. */
  async same(steps: Step[], opts: { raft?: boolean } = {}, eps?: [Endpoint, Endpoint]): Promise<void> {
    const [real, ours] = eps ?? (await this.pair());
    for (const step of steps) {
      const want = await send(real, step, opts);
      const got = await send(ours, step, opts);
      expect({ step, ...got }).toEqual({ step, ...want });
    }
  }

  /** Runs each etcdctl (v2) command against both; outputs and exit codes must be equal. Returns the real outputs. */
  async sameCtl(commands: (string[] | { args: string[]; input: string })[], eps?: [Endpoint, Endpoint]): Promise<string[]> {
    const [real, ours] = eps ?? (await this.pair());
    const outputs: string[] = [];
    for (const c of commands) {
      const [args, input] = Array.isArray(c) ? [c, ''] : [c.args, c.input];
      const want = maskRun(await etcdctl2(real, args, input), real);
      const got = maskRun(await etcdctl2(ours, args, input), ours);
      expect({ args, ...got }).toEqual({ args, ...want });
      outputs.push(`${want.stdout}${want.stderr}`);
    }
    return outputs;
  }
}
