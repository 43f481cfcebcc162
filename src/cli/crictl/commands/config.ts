// crictl config: --get KEY, --set k=v[,k=v], --list, or the legacy `config KEY VALUE`; the file
// (default /etc/crictl.yaml on the node) is created with defaults when missing.
import { existsSync } from 'node:fs';
import type { Ctx } from '../context.js';
import { wrapError } from '../errors.js';
import { CONFIG_KEYS, configValue, readConfig, setConfigValue, writeConfig, type ConfigKey, type CrictlConfig } from '../config-file.js';
import { CLEAR_SCREEN, TableDisplay } from '../format/table.js';

function applySettings(conf: CrictlConfig, settings: string[]): void {
  for (const setting of settings) {
    for (const option of setting.split(',')) {
      const pair = option.split('=');
      if (pair.length !== 2) throw new Error(`incorrectly specified option: ${setting}`);
      setConfigValue(conf, pair[0]!, pair[1]!);
    }
  }
}

export async function config(ctx: Ctx): Promise<number | void> {
  const path = ctx.string('config');
  const host = ctx.hostPath(path);
  if (!existsSync(host)) writeConfig(null, host);
  let conf: CrictlConfig;
  try {
    conf = readConfig(host, path);
  } catch (err) {
    throw wrapError('load config file', err);
  }
  if (ctx.isSet('get')) {
    const key = ctx.string('get');
    if (!(CONFIG_KEYS as readonly string[]).includes(key)) throw new Error(`no configuration option named ${key}`);
    return void ctx.out(`${configValue(conf, key as ConfigKey)}\n`);
  }
  if (ctx.isSet('set')) {
    applySettings(conf, ctx.slice('set'));
    return void writeConfig(conf, host);
  }
  if (ctx.bool('list')) {
    const table = new TableDisplay();
    table.addRow(['KEY', 'VALUE']);
    for (const key of CONFIG_KEYS) table.addRow([key, configValue(conf, key)]);
    return void ctx.out(CLEAR_SCREEN + table.render());
  }
  const key = ctx.args[0] ?? '';
  if (key === '') return ctx.showHelp();
  const value = ctx.args[1] ?? '';
  ctx.log.info(`No --get, --set or --list provided, setting key ${JSON.stringify(key)} to value ${JSON.stringify(value)}`);
  try {
    setConfigValue(conf, key, value);
  } catch (err) {
    throw wrapError(`set ${JSON.stringify(key)} to ${JSON.stringify(value)}`, err);
  }
  writeConfig(conf, host);
}
