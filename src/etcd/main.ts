// bin/etcd: our etcd server, with etcd 3.4's flags, messages and exit codes.
import { parseFlags } from './flags.js';
import { buildConfig, ConfigError } from './config.js';
import { createLogger } from './log.js';
import { ETCD_HELP, ETCD_SHORT_USAGE } from './usage.js';
import { ETCD_VERSION } from './version.js';

export interface EtcdIo {
  stdout: (s: string) => void;
  stderr: (s: string) => void;
  env: Record<string, string | undefined>;
  /** Resolves when the process is asked to stop (SIGINT/SIGTERM). */
  stopSignal: Promise<string>;
}

function processIo(): EtcdIo {
  return {
    stdout: (s) => process.stdout.write(s),
    stderr: (s) => process.stderr.write(s),
    env: process.env,
    stopSignal: new Promise((resolve) => {
      process.once('SIGINT', () => resolve('interrupt'));
      process.once('SIGTERM', () => resolve('terminated'));
    }),
  };
}

export async function main(argv: string[], io: EtcdIo = processIo()): Promise<number> {
  const parsed = parseFlags(argv, io.env);
  const log = createLogger(io.stderr);
  switch (parsed.kind) {
    case 'help':
      io.stdout(ETCD_HELP);
      return 0;
    case 'version':
      io.stdout(`etcd Version: ${ETCD_VERSION}\nGit SHA: Not provided (use ./build instead of go build)\nGo Version: go1.19.8\nGo OS/Arch: linux/amd64\n`);
      return 0;
    case 'flag-error':
      io.stderr(`${parsed.message}\n${ETCD_SHORT_USAGE}`);
      return 2;
    case 'invalid':
      log.log('E', 'etcdmain', parsed.message);
      return 1;
  }
  for (const w of parsed.warnings) log.log('W', 'pkg/flags', w);
  let config;
  try {
    config = buildConfig(parsed.values);
  } catch (err) {
    if (!(err instanceof ConfigError)) throw err;
    log.log('E', 'etcdmain', err.message);
    for (const line of err.extra) log.log('E', 'etcdmain', line);
    return 1;
  }
  log.log('I', 'etcdmain', `etcd Version: ${ETCD_VERSION}`);
  log.log('I', 'embed', `name = ${config.name}`);
  log.log('I', 'embed', `data dir = ${config.dataDir}`);
  log.log('I', 'embed', `advertise client URLs = ${config.advertiseClientUrls.join(',')}`);
  const { serve } = await import('./serve.js');
  let running;
  try {
    running = await serve(config, log);
  } catch (err) {
    const e = err as NodeJS.ErrnoException;
    log.log('C', 'etcdmain', e.code === 'EADDRINUSE' ? `listen tcp ${e.message.replace(/^.*EADDRINUSE: address already in use /, '')}: bind: address already in use` : String(e.message));
    return 1;
  }
  const signal = await io.stopSignal;
  log.log('N', 'pkg/osutil', `received ${signal} signal, shutting down...`);
  await running.stop();
  return 0;
}
