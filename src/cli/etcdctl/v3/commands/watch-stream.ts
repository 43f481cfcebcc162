// One watch over the Watch stream, printing each response (and running the `-- cmd` per event).
import { spawnSync } from 'node:child_process';
import type { EtcdClient } from '../client/client.js';
import type { CommandContext } from '../context.js';
import { goQuote } from '../printers/format.js';
import { display } from '../printers/printer.js';
import type { WatchResponse } from '../printers/types.js';
import { keyRange } from './kv-range.js';
import { ExitError } from '../../../shared/exit.js';

export interface WatchSpec {
  key: string;
  end?: string;
  prefix: boolean;
  prev_kv: boolean;
  rev: number;
}

/** exec.Cmd.Run's error, as Go words it. */
function runError(exec: string[], r: ReturnType<typeof spawnSync>): string | undefined {
  const code = (r.error as NodeJS.ErrnoException | undefined)?.code;
  if (code === 'ENOENT') return `exec: ${JSON.stringify(exec[0])}: executable file not found in $PATH`;
  if (r.error) return r.error.message;
  if (r.signal) return `signal: ${SIGNAL_NAMES[r.signal] ?? r.signal}`;
  return r.status !== 0 ? `exit status ${r.status}` : undefined;
}

const SIGNAL_NAMES: Record<string, string> = { SIGTERM: 'terminated', SIGKILL: 'killed', SIGINT: 'interrupt', SIGHUP: 'hangup', SIGPIPE: 'broken pipe', SIGSEGV: 'segmentation fault', SIGABRT: 'aborted' };

/** The command run per event; one that fails ends etcdctl: `command [...] error (...)`, exit 1. */
function runExec(ctx: CommandContext, exec: string[], resp: WatchResponse): void {
  for (const ev of resp.events ?? []) {
    const env = {
      ...ctx.io.env,
      ETCD_WATCH_REVISION: String(resp.header?.revision ?? 0),
      ETCD_WATCH_EVENT_TYPE: goQuote(ev.type === 1 ? 'DELETE' : 'PUT'),
      ETCD_WATCH_KEY: goQuote(ev.kv?.key?.toString() ?? ''),
      ETCD_WATCH_VALUE: goQuote(ev.kv?.value?.toString() ?? ''),
    };
    const r = spawnSync(exec[0]!, exec.slice(1), { env, cwd: ctx.io.cwd, stdio: ['ignore', 'pipe', 'pipe'] });
    ctx.out(r.stdout ?? '');
    ctx.err((r.stderr ?? Buffer.alloc(0)).toString());
    const failed = runError(exec, r);
    if (failed !== undefined) {
      ctx.err(`command [${exec.map((a) => JSON.stringify(a)).join(' ')}] error (${failed})\n`);
      throw new ExitError(1, '', true);
    }
  }
}

/** clientv3's WatchResponse.Err() text. */
function cancel_reason(r: WatchResponse): string {
  if (String(r.compact_revision ?? 0) !== '0') return 'etcdserver: mvcc: required revision has been compacted';
  return r.cancel_reason !== undefined && r.cancel_reason !== '' ? r.cancel_reason : 'etcdserver: mvcc: required revision is a future revision';
}

/** clientv3's WatchResponse.IsProgressNotify. */
function isProgressNotify(r: WatchResponse): boolean {
  return (r.events ?? []).length === 0 && r.canceled !== true && r.created !== true && String(r.compact_revision ?? 0) === '0' && String(r.header?.revision ?? 0) !== '0';
}

export interface OpenWatch {
  /** resolves when the server ends the watch (canceled); rejects with what ends etcdctl while printing */
  done: Promise<void>;
  /** asks the server for a progress notification on this watch's stream */
  requestProgress(): void;
}

export function openWatch(c: EtcdClient, ctx: CommandContext, spec: WatchSpec, exec: string[]): OpenWatch {
  const md = c.metadata();
  md.set('hasleader', 'true');
  const svc = c.service('Watch') as unknown as { Watch(md: unknown): NodeJS.ReadWriteStream & { write(o: object): boolean } };
  const call = svc.Watch(md);
  const range = spec.prefix ? keyRange(spec.key, undefined, true, false) : keyRange(spec.key, spec.end, false, false);
  call.write({ create_request: { ...range, start_revision: spec.rev, prev_kv: spec.prev_kv } });
  const done = new Promise<void>((resolve, reject) => {
    call.on('data', (resp: WatchResponse) => {
      if (resp.created === true && (resp.events ?? []).length === 0) return;
      try {
        if (resp.canceled === true) ctx.err(`watch was canceled (${cancel_reason(resp)})\n`);
        if (isProgressNotify(resp)) ctx.out(`progress notify: ${String(resp.header?.revision ?? 0)}\n`);
        display(ctx, { kind: 'watch', resp, rpc: ['Watch', 'Watch'] }, c.proto.def);
        if (exec.length > 0) runExec(ctx, exec, resp);
      } catch (err) {
        call.removeAllListeners('data');
        reject(err);
        return;
      }
      if (resp.canceled === true) resolve();
    });
    call.on('error', () => resolve());
    call.on('end', () => resolve());
  });
  return { done, requestProgress: () => void call.write({ progress_request: {} }) };
}

export function watchStream(c: EtcdClient, ctx: CommandContext, spec: WatchSpec, exec: string[]): Promise<void> {
  return openWatch(c, ctx, spec, exec).done;
}
