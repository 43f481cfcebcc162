// ETCDCTL_API=2 watch is a long poll that client/v2 never times out: a key left
// unchanged for longer than the 5 s a plain request may take must still be waited for. Ours and
// the real etcdctl 3.4.23 (when installed), both against our etcd, must print the same.
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { REAL_ETCDCTL, start, startOurs, type Endpoint } from '../support/etcd-pair.js';

const OUR_ETCDCTL = resolve(import.meta.dirname, '../../bin/etcdctl');
const built = existsSync(resolve(import.meta.dirname, '../../dist/etcdctl.cjs'));
const IDLE_MS = 6_000;

let etcd: Endpoint & { stop(): Promise<void> };
beforeAll(async () => {
  etcd = await startOurs({ v2: true });
}, 30_000);
afterAll(async () => etcd?.stop());

async function setKey(key: string, value: string): Promise<void> {
  const res = await fetch(`${etcd.url}/v2/keys${key}`, { method: 'PUT', body: new URLSearchParams({ value }) });
  expect(res.status).toBeLessThan(300);
}

/** Starts `etcdctl <args>` in v2 mode, sets `key` after IDLE_MS, and returns what it printed. */
async function waitThenSet(cmd: string[], args: string[], key: string, value: string): Promise<{ stdout: string; stderr: string; code: number | null }> {
  const { child, done } = start(cmd[0]!, [...cmd.slice(1), '--endpoints', etcd.url, ...args], { ETCDCTL_API: '2' });
  await new Promise((r) => setTimeout(r, IDLE_MS));
  await setKey(key, value);
  const limit = setTimeout(() => child.kill('SIGKILL'), 10_000);
  try {
    return await done;
  } finally {
    clearTimeout(limit);
  }
}

const clients: Array<[string, string[], boolean]> = [
  ['ours', [process.execPath, OUR_ETCDCTL], built],
  ['real', [REAL_ETCDCTL], existsSync(REAL_ETCDCTL)],
];

describe.each(clients)('etcdctl v2 long polls (%s etcdctl)', (name, cmd, available) => {
  it.skipIf(!available)(`watch waits past ${IDLE_MS} ms of silence for the change`, async () => {
    const got = await waitThenSet(cmd, ['watch', `/lp/${name}/w`], `/lp/${name}/w`, 'hello');
    expect(got).toEqual({ stdout: 'hello\n', stderr: '', code: 0 });
  }, 30_000);
});

