// Re-records etcd-3.4.23-keys.json: replays its requests against a FRESH etcd 3.4 started with
// --enable-v2 and writes back status, X-Etcd-Index and body. Usage:
//   etcd --data-dir "$(mktemp -d)" --enable-v2 --listen-client-urls http://127.0.0.1:23790 \
//     --advertise-client-urls http://127.0.0.1:23790 --listen-peer-urls http://127.0.0.1:23800 \
//     --initial-advertise-peer-urls http://127.0.0.1:23800 --initial-cluster default=http://127.0.0.1:23800 &
//   node src/store/v2/testdata/record-etcd.mjs [http://127.0.0.1:23790]
import { readFileSync, writeFileSync } from 'node:fs';

const file = new URL('./etcd-3.4.23-keys.json', import.meta.url);
const base = `${process.argv[2] ?? 'http://127.0.0.1:23790'}/v2/keys`;
const out = [];
for (const { method, path, params } of JSON.parse(readFileSync(file, 'utf8'))) {
  const query = new URLSearchParams(params).toString();
  const ctl = new AbortController();
  const timer = setTimeout(() => ctl.abort(), 1500);
  try {
    const res = await fetch(`${base}${path}${query ? `?${query}` : ''}`, { method, signal: ctl.signal, redirect: 'manual' });
    const body = await res.text();
    out.push({ method, path, params, status: res.status, index: Number(res.headers.get('x-etcd-index')), body });
  } catch {
    // A watch with nothing to report yet: recorded as still waiting.
    out.push({ method, path, params, timeout: true });
  } finally {
    clearTimeout(timer);
  }
}
writeFileSync(file, `${JSON.stringify(out, null, 1)}\n`);
process.stdout.write(`${out.length} requests recorded\n`);
