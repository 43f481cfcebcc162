// crictl's app.Before: read the config file (warning when it is missing, v1.32), then settle the
// endpoints, timeout and debug from flags, environment, config file and defaults, in that order.
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import type { Settings } from './connect.js';
import { readConfig, type CrictlConfig } from './config-file.js';
import { errorText } from './errors.js';
import type { Logger } from './logrus.js';
import { hostPath } from './node-root.js';
import { CRICTL_BINARY_DIR } from './specs/global.js';
import type { ParsedFlags } from './urfave/parse.js';

export class ConfigFatal extends Error {}

/** GetServerConfigFromFile; throws when the file is missing or invalid. */
function serverConfig(configPath: string, nodeRoot: string, log: Logger): CrictlConfig {
  const host = hostPath(nodeRoot, configPath);
  if (!existsSync(host)) {
    const next = join(CRICTL_BINARY_DIR, 'crictl.yaml');
    log.warn(`Config ${JSON.stringify(configPath)} does not exist, trying next: ${JSON.stringify(next)}`);
    if (!existsSync(hostPath(nodeRoot, next))) throw new Error(`load config file: stat ${next}: no such file or directory`);
  }
  try {
    return readConfig(host, configPath);
  } catch (err) {
    throw new Error(`load config file: ${errorText(err)}`);
  }
}

function fromFlags(g: ParsedFlags): Settings {
  const str = (n: string): string => String(g.values.get(n) ?? '');
  const timeout = Number(g.values.get('timeout') ?? 2000);
  return {
    runtimeEndpoint: str('runtime-endpoint'),
    runtimeEndpointIsSet: g.set.has('runtime-endpoint'),
    imageEndpoint: str('image-endpoint'),
    imageEndpointIsSet: g.set.has('image-endpoint'),
    timeout: g.set.has('timeout') && timeout <= 0 ? 2000 : timeout,
    debug: g.values.get('debug') === true,
    pullImageOnCreate: false,
    disablePullOnRun: false,
  };
}

function merge(s: Settings, g: ParsedFlags, c: CrictlConfig): void {
  if (!g.set.has('runtime-endpoint') && c.runtimeEndpoint !== '') {
    s.runtimeEndpoint = c.runtimeEndpoint;
    s.runtimeEndpointIsSet = true;
  }
  if (!g.set.has('image-endpoint') && c.imageEndpoint !== '') {
    s.imageEndpoint = c.imageEndpoint;
    s.imageEndpointIsSet = true;
  }
  if (!g.set.has('timeout') && c.timeout > 0) s.timeout = c.timeout * 1000;
  if (!g.set.has('debug')) s.debug = c.debug;
  s.pullImageOnCreate = c.pullImageOnCreate;
  s.disablePullOnRun = c.disablePullOnRun;
}

/** Runs the Before hook; a broken --config given explicitly is fatal (ConfigFatal). */
export function before(g: ParsedFlags, nodeRoot: string, log: Logger): Settings {
  const settings = fromFlags(g);
  let config: CrictlConfig | undefined;
  try {
    config = serverConfig(String(g.values.get('config')), nodeRoot, log);
  } catch (err) {
    if (g.set.has('config')) throw new ConfigFatal(errorText(err));
  }
  if (config) merge(settings, g, config);
  log.debugEnabled = settings.debug;
  return settings;
}
