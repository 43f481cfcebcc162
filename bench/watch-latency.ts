// How long a write in one process takes to reach a watch in another, through the store.
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { openStore } from '../src/store/index.js';

const WRITER = `
const { openStore } = await import(process.argv[2]);
const store = openStore(process.argv[3]);
process.stdin.on('data', async (d) => {
  for (const line of d.toString().split('\\n').filter(Boolean)) await store.put({ key: Buffer.from('lat'), value: Buffer.from(String(Date.now())) });
});
process.stdin.on('end', async () => { await store.close(); });
`;

export async function watchLatency(samples: number): Promise<{ median: number; max: number }> {
  const dir = mkdtempSync(join(tmpdir(), 'kubedojo-bench-watch-'));
  const data = join(dir, 'data');
  const store = openStore(data);
  const { build } = await import('esbuild');
  // Bundles live under node_modules/.cache so their bare imports resolve to this repo's packages.
  const code = resolve('node_modules', '.cache', `kubedojo-bench-watch-${process.pid}`);
  const storeModule = join(code, 'store.mjs');
  await build({ entryPoints: [resolve('src/store/index.ts')], outfile: storeModule, bundle: true, format: 'esm', platform: 'node', packages: 'external', logLevel: 'warning' });
  writeFileSync(join(code, 'writer.mjs'), WRITER);
  const child = spawn(process.execPath, [join(code, 'writer.mjs'), storeModule, data], { stdio: ['pipe', 'ignore', 'inherit'] });
  const latencies: number[] = [];
  let sentAt = 0;
  let onEvent: () => void = () => undefined;
  const w = store.watch({ key: Buffer.from('lat') }, () => onEvent());
  // The first put waits for the writer to start and open the store (80-100 ms): not counted.
  for (let i = -1; i < samples; i++) {
    await new Promise<void>((done) => {
      onEvent = () => {
        if (i >= 0) latencies.push(performance.now() - sentAt);
        done();
      };
      sentAt = performance.now();
      child.stdin!.write('put\n');
    });
  }
  child.stdin!.end();
  await w.cancel();
  await store.close();
  await new Promise((r) => child.once('exit', r));
  rmSync(dir, { recursive: true, force: true });
  rmSync(code, { recursive: true, force: true });
  latencies.sort((a, b) => a - b);
  return { median: latencies[Math.floor(latencies.length / 2)]!, max: latencies.at(-1)! };
}
