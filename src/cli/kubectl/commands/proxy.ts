// kubectl proxy: a local HTTP server in front of the apiserver (ProxyOptions' Complete, Validate and
// RunProxy): `Starting to serve on 127.0.0.1:8001` once it listens (port 0: one the system picks;
// --unix-socket: a socket only its user may use), then it serves until killed.
import { existsSync, statSync, rmSync } from 'node:fs';
import type { Server } from 'node:net';
import type { Ctx } from '../context.js';
import { klog } from '../klog.js';
import { regexps, type Filter } from './proxy/filter.js';
import { proxyServer } from './proxy/server.js';
import { goErrnoText } from '../../../client/go-errno.js';

const DEFAULT_PORT = 8001;

const withSlash = (p: string): string => (p.endsWith('/') ? p : `${p}/`);

function filterOf(ctx: Ctx): Filter | undefined {
  if (ctx.bool('disable-filter')) {
    if (ctx.str('unix-socket') === '') klog(ctx.io.stderr, 'W', 'proxy.go:177', 'Request filter disabled, your proxy is vulnerable to XSRF attacks, please be cautious');
    return undefined;
  }
  return {
    acceptPaths: regexps(ctx.str('accept-paths')), rejectPaths: regexps(ctx.str('reject-paths')),
    acceptHosts: regexps(ctx.str('accept-hosts')), rejectMethods: regexps(ctx.str('reject-methods')),
  };
}

function validate(ctx: Ctx): void {
  if (ctx.int('port') !== DEFAULT_PORT && ctx.str('unix-socket') !== '') throw new Error('cannot set --unix-socket and --port at the same time');
  const dir = ctx.str('www');
  if (dir === '') return;
  try {
    if (!statSync(dir).isDirectory()) klog(ctx.io.stderr, 'W', 'proxy.go:202', `Static file directory ${dir} is not a directory`);
  } catch (err) {
    klog(ctx.io.stderr, 'W', 'proxy.go:200', `Failed to stat static file directory ${dir}: stat ${dir}: ${goErrnoText(err)}`);
  }
}

/** Go's listen error: `listen tcp 127.0.0.1:8001: bind: address already in use`. */
function listenError(err: NodeJS.ErrnoException, where: string, unix: boolean): Error {
  const why = err.code === 'EADDRINUSE' ? 'address already in use' : err.code === 'EACCES' ? 'permission denied' : err.code === 'EADDRNOTAVAIL' ? 'cannot assign requested address' : err.message;
  return new Error(`listen ${unix ? 'unix' : 'tcp'} ${where}: bind: ${why}`);
}

function listen(server: Server, ctx: Ctx): Promise<string> {
  const socket = ctx.str('unix-socket');
  const address = ctx.str('address');
  const port = ctx.int('port');
  const where = socket || `${address.includes(':') ? `[${address}]` : address}:${port}`;
  return new Promise((resolve, reject) => {
    server.once('error', (err) => reject(listenError(err, where, socket !== '')));
    const done = () => {
      const a = server.address();
      resolve(typeof a === 'string' || !a ? socket : `${a.family === 'IPv6' ? `[${a.address}]` : a.address}:${a.port}`);
    };
    if (socket) {
      if (existsSync(socket) && statSync(socket).isSocket()) rmSync(socket);
      const mask = process.umask(0o077);
      server.listen(socket, () => {
        process.umask(mask);
        done();
      });
    } else server.listen(port, address, done);
  });
}

export async function run(ctx: Ctx): Promise<number> {
  const config = (await ctx.factory.client()).config;
  const target = new URL(config.server);
  if (!ctx.bool('append-server-path') && target.pathname !== '' && target.pathname !== '/') {
    klog(ctx.io.stderr, 'W', 'proxy.go:172', `Your kube context contains a server path ${target.pathname}, use --append-server-path to automatically append the path to each request`);
  }
  const filter = filterOf(ctx);
  validate(ctx);
  const server = proxyServer({
    config, apiPrefix: withSlash(ctx.str('api-prefix')), staticPrefix: withSlash(ctx.str('www-prefix')), staticDir: ctx.str('www'), filter,
    log: (m) => klog(ctx.io.stderr, 'E', 'proxy_server.go:147', m),
  });
  const at = await listen(server, ctx);
  ctx.io.stdout.write(`Starting to serve on ${at}\n`);
  await new Promise<void>((resolve) => server.once('close', () => resolve()));
  return 0;
}
