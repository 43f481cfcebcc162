// etcdctl: ETCDCTL_API unset, empty or 3 → the API 3 client (gRPC); 2 → the v2 client (HTTP).
import { processIo, type Io } from '../shared/io.js';
import { runV3 } from './v3/app.js';

export async function main(argv: string[], io: Io = processIo()): Promise<number> {
  const api = io.env.ETCDCTL_API;
  if (api === undefined || api === '' || api === '3') {
    return runV3(argv, io);
  }
  if (api === '2') {
    const { runV2 } = await import('./v2/app.js');
    return runV2(argv, io);
  }
  io.stderr.write(`unsupported API version ${api}\n`);
  return 1;
}
