// The recordings need 127.0.0.1:2379/2380, so replay runs (of any checkout on this machine)
// take turns: a lock directory holding the owner's pid, stolen when that process is gone.
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import net from 'node:net';

export function portOpen(port: number): Promise<boolean> {
  return new Promise((done) => {
    const sock = net.connect({ host: '127.0.0.1', port });
    sock.once('connect', () => { sock.destroy(); done(true); });
    sock.once('error', () => done(false));
  });
}

const LOCK = join(tmpdir(), 'kubedojo-replay-2379.lock');
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

function tryLock(): boolean {
  try {
    mkdirSync(LOCK);
    writeFileSync(join(LOCK, 'pid'), String(process.pid));
    return true;
  } catch {
    const owner = Number(readFileSync(join(LOCK, 'pid'), { encoding: 'utf8', flag: 'a+' }) || 0);
    if (owner !== 0 && !alive(owner)) rmSync(LOCK, { recursive: true, force: true });
    return false;
  }
}

/** Waits (up to `limitMs`) for the replay lock. */
export async function lockPorts(limitMs = 15 * 60_000): Promise<void> {
  const deadline = Date.now() + limitMs;
  while (!tryLock()) {
    if (Date.now() > deadline) throw new Error(`replay lock ${LOCK} still held after ${limitMs / 1000}s`);
    await sleep(500);
  }
}

export function unlockPorts(): void {
  rmSync(LOCK, { recursive: true, force: true });
}

/** Waits for 127.0.0.1:2379 and :2380 to be free (another program may hold them for a while). */
export async function waitPortsFree(limitMs = 30_000): Promise<void> {
  const deadline = Date.now() + limitMs;
  while ((await portOpen(2379)) || (await portOpen(2380))) {
    if (Date.now() > deadline) throw new Error('127.0.0.1:2379/2380 still in use by another program after 30s');
    await sleep(200);
  }
}
