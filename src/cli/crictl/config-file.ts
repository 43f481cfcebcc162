// crictl's config file (pkg/common/file.go): a flat YAML map of six known keys, read in order and
// written back with the keys kept in place and new keys appended (as its yaml.v3 node edits do).
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { parseGoBool } from './urfave/parse.js';
import { goErrnoText } from '../../client/go-errno.js';

export const CONFIG_KEYS = ['runtime-endpoint', 'image-endpoint', 'timeout', 'debug', 'pull-image-on-create', 'disable-pull-on-run'] as const;
export type ConfigKey = (typeof CONFIG_KEYS)[number];

export interface CrictlConfig {
  runtimeEndpoint: string;
  imageEndpoint: string;
  /** Seconds. */
  timeout: number;
  debug: boolean;
  pullImageOnCreate: boolean;
  disablePullOnRun: boolean;
  /** The file's lines: comments kept verbatim, entries by key. */
  lines: ConfigLine[];
}

export type ConfigLine = { raw: string } | { key: string; value: string };

function unquote(v: string): string {
  const t = v.trim();
  if (t.startsWith('"') && t.endsWith('"') && t.length >= 2) return JSON.parse(t) as string;
  if (t.startsWith("'") && t.endsWith("'") && t.length >= 2) return t.slice(1, -1).replace(/''/g, "'");
  return t.replace(/\s+#.*$/, '');
}

function parseLines(text: string): ConfigLine[] {
  const out: ConfigLine[] = [];
  text.split('\n').forEach((raw, i) => {
    if (/^\s*(#.*)?$/.test(raw) || raw === '---') {
      out.push({ raw });
      return;
    }
    const m = /^([^\s:#][^:]*?)\s*:(?:\s+(.*))?$/.exec(raw);
    if (!m) throw new Error(`yaml: line ${i + 1}: could not find expected ':'`);
    out.push({ key: unquote(m[1]!), value: unquote(m[2] ?? '') });
  });
  return out;
}

const atoiError = (v: string): string => `strconv.Atoi: parsing ${JSON.stringify(v)}: invalid syntax`;
const boolError = (v: string): string => `strconv.ParseBool: parsing ${JSON.stringify(v)}: invalid syntax`;

/** Reads and checks a config file; throws with crictl's texts (ENOENT as Go's open error). */
export function readConfig(hostFile: string, shownFile: string): CrictlConfig {
  let text: string;
  try {
    text = readFileSync(hostFile, 'utf8');
  } catch (err) {
    throw new Error(`open ${shownFile}: ${goErrnoText(err)}`);
  }
  const lines = parseLines(text);
  const c: CrictlConfig = { runtimeEndpoint: '', imageEndpoint: '', timeout: 0, debug: false, pullImageOnCreate: false, disablePullOnRun: false, lines };
  for (const l of lines) {
    if ('key' in l) applyOption(c, l.key, l.value, true);
  }
  return c;
}

function applyOption(c: CrictlConfig, key: string, value: string, reading: boolean): void {
  const fail = (detail: string): never => {
    throw new Error(reading ? `parsing config option '${key}': ${detail}` : detail);
  };
  const bool = (): boolean => parseGoBool(value) ?? fail(boolError(value));
  switch (key) {
    case 'runtime-endpoint':
      c.runtimeEndpoint = value;
      return;
    case 'image-endpoint':
      c.imageEndpoint = value;
      return;
    case 'timeout':
      c.timeout = /^[+-]?\d+$/.test(value) ? parseInt(value, 10) : fail(atoiError(value));
      return;
    case 'debug':
      c.debug = bool();
      return;
    case 'pull-image-on-create':
      c.pullImageOnCreate = bool();
      return;
    case 'disable-pull-on-run':
      c.disablePullOnRun = bool();
      return;
    default:
      throw new Error(`Config option '${key}' is not valid`);
  }
}

/** crictl config's setValue: the option's new value, with its parse errors. */
export function setConfigValue(c: CrictlConfig, key: string, value: string): void {
  const names: Record<string, string> = { timeout: 'timeout', debug: 'debug', 'pull-image-on-create': 'pull-image-on-create', 'disable-pull-on-run': 'disable-pull-on-run' };
  if (!(CONFIG_KEYS as readonly string[]).includes(key)) throw new Error(`no configuration option named ${key}`);
  try {
    applyOption(c, key, value, false);
  } catch (err) {
    throw new Error(`parse ${names[key]} value '${value}': ${(err as Error).message}`);
  }
}

export function configValue(c: CrictlConfig, key: ConfigKey): string {
  const values: Record<ConfigKey, string> = {
    'runtime-endpoint': c.runtimeEndpoint,
    'image-endpoint': c.imageEndpoint,
    timeout: String(c.timeout),
    debug: String(c.debug),
    'pull-image-on-create': String(c.pullImageOnCreate),
    'disable-pull-on-run': String(c.disablePullOnRun),
  };
  return values[key];
}

function yamlScalar(key: ConfigKey, value: string): string {
  const isString = key === 'runtime-endpoint' || key === 'image-endpoint';
  if (!isString) return value;
  if (value === '' || /^[\s\-?:,[\]{}#&*!|>'"%@`]|[:#]\s|\s$|^(true|false|null|~|yes|no|on|off|[-+]?[\d.]+)$/i.test(value)) {
    return JSON.stringify(value);
  }
  return value;
}

/** WriteConfig: every key set on its existing line (all of them), missing keys appended. */
export function writeConfig(c: CrictlConfig | null, hostFile: string): void {
  const conf = c ?? { runtimeEndpoint: '', imageEndpoint: '', timeout: 0, debug: false, pullImageOnCreate: false, disablePullOnRun: false, lines: [] };
  const lines = conf.lines.map((l) => ('key' in l && (CONFIG_KEYS as readonly string[]).includes(l.key) ? { key: l.key, value: configValue(conf, l.key as ConfigKey) } : l));
  while (lines.length > 0 && 'raw' in lines[lines.length - 1]! && (lines[lines.length - 1] as { raw: string }).raw.trim() === '') lines.pop();
  for (const key of CONFIG_KEYS) {
    if (!lines.some((l) => 'key' in l && l.key === key)) lines.push({ key, value: configValue(conf, key) });
  }
  const text = lines
    .map((l) => ('key' in l ? `${l.key}: ${yamlScalar(l.key as ConfigKey, l.value)}` : l.raw))
    .join('\n')
    .replace(/\n*$/, '\n');
  mkdirSync(dirname(hostFile), { recursive: true });
  writeFileSync(hostFile, text);
}
