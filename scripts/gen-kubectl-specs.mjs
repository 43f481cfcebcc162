#!/usr/bin/env node
// Writes src/cli/kubectl/specs/: kubectl's command tree as data (paths, aliases, flags, the exact
// `--help` text), read from the real kubectl v1.32.4. Run by hand, not in CI:
//
//   node scripts/gen-kubectl-specs.mjs [--kubectl /usr/bin/kubectl]
//
// It walks `kubectl --help` and every "…Commands:" list below it, plus the commands the root help
// hides (alpha, options, help). Each flag's type is asked of the binary itself: pflag rejects a bad
// value with its parser's error (`strconv.ParseBool` → bool, `strconv.ParseInt` → int, `time:
// invalid duration` → duration, `malformed pair` → a map); a `[]` default given `"x` fails the CSV
// reader of a StringSlice, fails a StringToString with `must be formatted as key=value`, and is
// taken by a StringArray. The tables of array and map flags below (from the Go sources) must agree.
// A non-bool flag has a NoOptDefVal when a bare `--flag --zz-probe=1` reports `--zz-probe` unknown;
// the values come from the table below (kubectl v0.32.4 `grep -rn NoOptDefVal`), and the generator
// fails if the binary and the table disagree. Hidden flags (only cli-runtime's deprecated
// `--record` in v1.32) are probed per command with `--record --help`. The script `kubectl completion
// SHELL` prints for each shell is kept as is in completion-scripts.ts (COMPLETION_SCRIPTS).
//
// Machine-dependent text: HOME is a fresh temporary directory, replaced by `<HOME>` in the output
// (not `${HOME}`: `kubectl config --help` prints that literally; the generator checks that kubectl
// never prints `<HOME>` itself); PATH holds no kubectl-* plugin (so the root help's plugin list is
// empty); no KUBECTL_* feature gate is set (KUBECTL_APPLYSET=true would add `apply --applyset`);
// stdout is a pipe (kubectl wraps flag usages only on a terminal). Re-running gives the same files.
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';

const OUT = 'src/cli/kubectl/specs';
const HOME_PLACEHOLDER = '<HOME>';
const { values: cli } = parseArgs({ options: { kubectl: { type: 'string', default: '/usr/bin/kubectl' } } });

/** Commands that exist but are not listed by `kubectl --help` (filtered there, or cobra's own). */
const EXTRA_PATHS = [['alpha'], ['options'], ['help']];

/** pflag NoOptDefVal set in kubectl v0.32.4 (cli-runtime and klog set none): flag name, or `path --name`. */
const NO_OPT_DEF = {
  'dry-run': 'unchanged', // cmdutil.AddDryRunFlag
  validate: 'strict', // cmdutil.AddValidateFlags
  cascade: 'background', // delete_flags.go
  'config view --merge': 'true', // tristate
  'config set --set-raw-bytes': 'true', // tristate
  'config set-cluster --embed-certs': 'true', // tristate
  'config set-cluster --insecure-skip-tls-verify': 'true', // tristate
  'config set-credentials --embed-certs': 'true', // tristate
  'config set-credentials --exec-provide-cluster-info': 'true', // tristate
};

/** pflag StringArray flags (repeatable, no comma split) of kubectl v0.32.4, cli-runtime (as-group) and
 * kustomize (env, mount, helm-api-versions), from `grep -rn StringArray`; every other `[]` flag is a
 * StringSlice, except the map ones below. Checked against the binary. */
const STRING_ARRAY = new Set(['annotation', 'annotations', 'as-group', 'audience', 'env', 'exec-env', 'from-literal', 'group',
  'helm-api-versions', 'mount', 'prune-allowlist', 'resource-name', 'rule', 'serviceaccount', 'user']);
/** Flags whose `k=v,k2=v2` values accumulate into a map: pflag StringToString (debug, printed `[]`) and
 * component-base's MapStringString (create clusterrole, printed empty and unquoted). Typed stringSlice. */
const MAP_TYPED = new Set(['debug --env', 'debug --set-image', 'create clusterrole --aggregation-rule']);

/** Flags that are MarkHidden/MarkDeprecated (so absent from help) in kubectl v0.32.4. */
const HIDDEN = [
  { name: 'record', type: 'bool', def: 'false', hidden: true,
    usage: 'Record current kubectl command in the resource annotation. If set to false, do not record the command. If set to true, record the command. If not set, default to updating the existing annotation value only if one already exists.' },
];

function makeEnv() {
  const home = mkdtempSync(join(tmpdir(), 'kubectl-specs-'));
  const bin = join(home, 'bin');
  mkdirSync(bin);
  writeFileSync(join(home, 'kubeconfig'), '');
  const env = { HOME: home, PATH: bin, KUBECONFIG: join(home, 'kubeconfig'), LANG: 'C', TERM: 'dumb' };
  return { home, env };
}

const { home, env } = makeEnv();
let runs = 0;

function kubectl(args) {
  runs++;
  const r = spawnSync(cli.kubectl, args, { env, cwd: home, encoding: 'utf8', timeout: 30_000, stdio: ['ignore', 'pipe', 'pipe'] });
  if (r.error) throw r.error;
  const scrub = (s) => {
    if (s.includes(HOME_PLACEHOLDER)) throw new Error(`kubectl ${args.join(' ')} printed ${HOME_PLACEHOLDER}`);
    return s.split(home).join(HOME_PLACEHOLDER);
  };
  return { stdout: scrub(r.stdout), stderr: scrub(r.stderr), status: r.status };
}

// ---- parsing one help text ----

const FLAG_LINE = /^    (?:-(\S), )?--([^=\s]+)=(.*):$/;
const CMDS_HEADER = /^[A-Z][\w ()]*Commands[\w ()]*:$/;

function parseHelp(help) {
  const lines = help.split('\n');
  const at = (title) => lines.lastIndexOf(title);
  const aliasAt = at('Aliases:');
  const aliases = aliasAt < 0 ? [] : lines[aliasAt + 1].split(', ').slice(1);
  const children = [];
  lines.forEach((line, i) => {
    if (!CMDS_HEADER.test(line)) return;
    for (let j = i + 1; j < lines.length && lines[j].startsWith('  '); j++) children.push(lines[j].trim().split(/\s+/)[0]);
  });
  const flags = [];
  const optAt = at('Options:');
  for (let i = optAt + 1; optAt >= 0 && i < lines.length && lines[i] !== 'Usage:'; i++) {
    const m = FLAG_LINE.exec(lines[i]);
    if (m === null) continue;
    const next = lines[i + 1] ?? '';
    if (!next.startsWith('\t')) throw new Error(`no usage line after ${lines[i]}`);
    flags.push({ short: m[1], name: m[2], raw: m[3], usage: next.slice(1) });
  }
  return { aliases, children, flags, hasUsage: at('Usage:') >= 0 };
}

// ---- flag types, by asking the binary ----

function probeError(path, args) {
  const r = kubectl([...path, ...args, '--help']);
  return r.status === 0 ? '' : r.stderr;
}

function flagType(path, f) {
  if (/^'.*'$/s.test(f.raw)) return { type: 'string', def: f.raw.slice(1, -1) };
  if (f.raw.startsWith('[') && f.raw.endsWith(']')) return listType(path, f);
  const err = probeError(path, [`--${f.name}=zz`]);
  const key = `${path.join(' ')} --${f.name}`;
  if (err.includes('malformed pair') !== MAP_TYPED.has(key)) throw new Error(`${key}: map type not in MAP_TYPED, or the reverse: ${err}`);
  if (MAP_TYPED.has(key)) return { type: 'stringSlice', def: f.raw, map: true };
  if (err.includes('strconv.ParseBool')) return { type: 'bool', def: f.raw };
  if (err.includes('strconv.ParseInt') || err.includes('strconv.ParseUint')) return { type: 'int', def: f.raw };
  if (err.includes('time: invalid duration') || /^(\d+(\.\d+)?(ns|us|µs|ms|s|m|h))+$/.test(f.raw)) return { type: 'duration', def: f.raw };
  if (key !== ' --vmodule') throw new Error(`${key}: unknown type: ${err}`);
  return { type: 'string', def: f.raw }; // klog's moduleSpec: printed unquoted
}

function listType(path, f) {
  const err = probeError(path, [`--${f.name}="x`]);
  const kind = err === '' ? 'array' : err.includes('parse error on line') ? 'slice' : err.includes('must be formatted as key=value') ? 'map' : err;
  const key = `${path.join(' ')} --${f.name}`;
  const expected = MAP_TYPED.has(key) ? 'map' : STRING_ARRAY.has(f.name) ? 'array' : 'slice';
  if (kind !== expected) throw new Error(`${key}: the binary says ${kind}, the table ${expected}`);
  return { type: kind === 'array' ? 'stringArray' : 'stringSlice', def: f.raw, map: kind === 'map' };
}

function noOptDef(path, f, type) {
  const table = NO_OPT_DEF[`${path.join(' ')} --${f.name}`] ?? NO_OPT_DEF[f.name];
  if (type === 'bool') return table;
  const has = probeError(path, [`--${f.name}`, '--zz-probe=1']).includes('unknown flag: --zz-probe');
  if (has !== (table !== undefined)) throw new Error(`${path.join(' ')} --${f.name}: NoOptDefVal ${has ? 'present' : 'absent'} but table says ${table}`);
  return table;
}

const mapFlags = [];

function toFlagSpec(path, f) {
  const { type, def, map } = flagType(path, f);
  if (map) mapFlags.push(`${path.join(' ')} --${f.name}`);
  const spec = { name: f.name };
  if (f.short !== undefined) spec.short = f.short;
  Object.assign(spec, { type, def, usage: f.usage });
  const noOpt = noOptDef(path, f, type);
  if (noOpt !== undefined) spec.noOptDef = noOpt;
  return spec;
}

function hiddenFlags(path) {
  return HIDDEN.filter((h) => probeError(path, [`--${h.name}`]) === '').map((h) => ({ ...h }));
}

// ---- walking the tree ----

/** `kubectl <path>` with no arguments on a command with children or no Usage: does it print its help? */
function groupRun(path, help) {
  const r = kubectl(path);
  const pick = (text, stream) => (text !== '' && (text === help || help.startsWith(text.trimEnd())) ? { stream, exit: r.status, text } : undefined);
  return pick(r.stdout, 'stdout') ?? pick(r.stderr, 'stderr');
}

function describe(path, quirks) {
  const r = kubectl([...path, '--help']);
  if (r.status !== 0) throw new Error(`kubectl ${path.join(' ')} --help: exit ${r.status}: ${r.stderr}`);
  if (r.stderr !== '') quirks.helpStderr[path.join(' ')] = r.stderr;
  const parsed = parseHelp(r.stdout);
  const flags = path.length === 0 ? [] : [...parsed.flags.map((f) => toFlagSpec(path, f)), ...hiddenFlags(path)];
  const g = parsed.children.length > 0 || !parsed.hasUsage ? groupRun(path, r.stdout === '' ? r.stderr : r.stdout) : undefined;
  if (g !== undefined) quirks.groupRun[path.join(' ')] = { stream: g.stream, exit: g.exit, ...(g.text === r.stdout ? {} : { text: g.text }) };
  const runnable = g === undefined;
  const spec = { path, ...(parsed.aliases.length > 0 ? { aliases: parsed.aliases } : {}), help: r.stdout, flags, runnable };
  return { spec, children: parsed.children };
}

function crawl() {
  const specs = [];
  const quirks = { groupRun: {}, helpStderr: {} };
  const visit = (path) => {
    if (specs.some((s) => s.path.join(' ') === path.join(' '))) return;
    const { spec, children } = describe(path, quirks);
    specs.push(spec);
    for (const c of children) visit([...path, c]);
  };
  visit([]);
  for (const p of EXTRA_PATHS) visit(p);
  return { specs, quirks };
}

function globalFlags() {
  const r = kubectl(['options']);
  if (r.status !== 0) throw new Error(`kubectl options: ${r.stderr}`);
  const flags = parseHelp(r.stdout.replace(/^The following options can be passed to any command:$/m, 'Options:')).flags;
  return { optionsHelp: r.stdout, flags: flags.map((f) => toFlagSpec([], f)) };
}

// ---- writing TypeScript ----

const HEADER = `// Generated by scripts/gen-kubectl-specs.mjs from the real kubectl v1.32.4 (\`kubectl version\`
// says v1.32.4-dispatcher); do not edit, re-run the generator.
// Help texts are byte for byte what \`kubectl <path> --help\` prints to a pipe (no terminal, so flag
// usages are not wrapped), with no kubectl-* plugin on PATH and no KUBECTL_* variable set, except
// that the user's home directory is written \`${HOME_PLACEHOLDER}\` (HOME_PLACEHOLDER, e.g.
// --cache-dir='${HOME_PLACEHOLDER}/.kube/cache'): substitute the real one before printing. (\`\${HOME}\`
// in \`config --help\` is kubectl's own text.)
`;

const str = (s) => JSON.stringify(s);
const tpl = (s) => '`' + s.replace(/\\/g, '\\\\').replace(/`/g, '\\`').replace(/\$\{/g, '\\${') + '`';

function flagTs(f, indent) {
  const parts = Object.entries(f).map(([k, v]) => `${k}: ${typeof v === 'string' ? str(v) : String(v)}`);
  return `${indent}{ ${parts.join(', ')} },`;
}

function specTs(s) {
  const lines = ['  {', `    path: ${JSON.stringify(s.path)},`];
  if (s.aliases) lines.push(`    aliases: ${JSON.stringify(s.aliases)},`);
  lines.push(`    runnable: ${s.runnable},`);
  lines.push(s.flags.length === 0 ? '    flags: [],' : `    flags: [\n${s.flags.map((f) => flagTs(f, '      ')).join('\n')}\n    ],`);
  lines.push(`    help: ${tpl(s.help)},`, '  },');
  return lines.join('\n');
}

const constName = (file) => file.toUpperCase().replace(/-/g, '_') + '_SPECS';

/** Files hold one top-level command each; one past SPLIT_BYTES gets a file per second-level subtree. */
const SPLIT_BYTES = 60_000;

function groupByFile(specs) {
  const top = new Map();
  for (const s of specs) top.set(s.path[0] ?? 'root', [...(top.get(s.path[0] ?? 'root') ?? []), s]);
  const files = new Map();
  for (const [name, list] of top) {
    const big = list.reduce((n, s) => n + specTs(s).length, 0) > SPLIT_BYTES;
    for (const s of list) {
      const file = big && s.path.length > 1 ? `${name}-${s.path[1]}` : name;
      files.set(file, [...(files.get(file) ?? []), s]);
    }
  }
  return files;
}

function writeGroupFiles(specs) {
  const files = groupByFile(specs);
  for (const [file, list] of files) {
    const body = `${HEADER}import type { KubectlSpec } from '../spec.js';\n\nexport const ${constName(file)}: KubectlSpec[] = [\n${list.map(specTs).join('\n')}\n];\n`;
    writeFileSync(join(OUT, `${file}.ts`), body);
  }
  return [...files.keys()];
}

function writeGlobal({ optionsHelp, flags }) {
  const body = `${HEADER}import type { FlagSpec } from '../spec.js';

/** Stands for the user's home directory in help texts and flag defaults. */
export const HOME_PLACEHOLDER = ${str(HOME_PLACEHOLDER)};

/** The flags every command takes (\`kubectl options\`); \`-v\` is klog's Level, \`--vmodule\` klog's pattern list. */
export const GLOBAL_FLAGS: FlagSpec[] = [
${flags.map((f) => flagTs(f, '  ')).join('\n')}
];

/** What \`kubectl options\` prints. */
export const OPTIONS_HELP = ${tpl(optionsHelp)};
`;
  writeFileSync(join(OUT, 'global.ts'), body);
}

function writeQuirks(quirks) {
  const body = `${HEADER}
/** What a non-runnable command (a pure group) does when run with no argument: it prints its help
 * (or \`text\` when given) on \`stream\` and exits with \`exit\`. Keyed by the path joined with spaces. */
export interface GroupRun {
  stream: 'stdout' | 'stderr';
  exit: number;
  text?: string;
}

export const GROUP_RUN: Record<string, GroupRun> = ${JSON.stringify(quirks.groupRun, null, 2)};

/** What \`kubectl <path> --help\` prints on stderr besides the (possibly empty) help on stdout. */
export const HELP_STDERR: Record<string, string> = ${JSON.stringify(quirks.helpStderr, null, 2)};

/** Flags whose comma-separated \`k=v\` pairs accumulate into a map (pflag StringToString, printed \`[]\`;
 * component-base MapStringString, printed empty), typed stringSlice here. A value without \`=\` is
 * refused: \`"x must be formatted as key=value\` / \`malformed pair, expect string=string\`. */
export const MAP_FLAGS: string[] = ${JSON.stringify(mapFlags)};

/** Hidden flags that pflag warns about when used: \`Flag --<name> has been deprecated, <message>\`. */
export const DEPRECATED_FLAGS: Record<string, string> = { record: '--record will be removed in the future' };
`;
  writeFileSync(join(OUT, 'quirks.ts'), body);
}

/** The shells `kubectl completion SHELL` writes a script for (kubectl's completionShells). */
const SHELLS = ['bash', 'zsh', 'fish', 'powershell'];

/** `kubectl completion <shell>`: cobra's scripts behind kubectl's boilerplate; they name the program
 * (kubectl, the root command's Use, not argv[0]) and read nothing from HOME or the environment. */
function completionScripts() {
  const scripts = {};
  for (const shell of SHELLS) {
    const r = kubectl(['completion', shell]);
    if (r.status !== 0 || r.stderr !== '') throw new Error(`kubectl completion ${shell}: exit ${r.status}: ${r.stderr}`);
    if (r.stdout.includes(HOME_PLACEHOLDER)) throw new Error(`kubectl completion ${shell} depends on HOME`);
    scripts[shell] = r.stdout;
  }
  return scripts;
}

function writeCompletionScripts(scripts) {
  const entries = Object.entries(scripts).map(([shell, text]) => `  ${shell}: ${tpl(text)},`).join('\n');
  const body = `${HEADER}
/** What \`kubectl completion <shell>\` prints, byte for byte. */
export const COMPLETION_SCRIPTS: Record<string, string> = {
${entries}
};
`;
  writeFileSync(join(OUT, 'completion-scripts.ts'), body);
}

function writeIndex(files) {
  const imports = files.map((f) => `import { ${constName(f)} } from './${f}.js';`).join('\n');
  const body = `${HEADER}import type { KubectlSpec } from '../spec.js';
${imports}

export { GLOBAL_FLAGS, HOME_PLACEHOLDER, OPTIONS_HELP } from './global.js';
export { DEPRECATED_FLAGS, GROUP_RUN, HELP_STDERR, MAP_FLAGS, type GroupRun } from './quirks.js';

/** Every kubectl command, parents before children. */
export const SPECS: KubectlSpec[] = [
${files.map((f) => `  ...${constName(f)},`).join('\n')}
];
`;
  writeFileSync(join(OUT, 'index.ts'), body);
}

function main() {
  try {
    const { specs, quirks } = crawl();
    const global = globalFlags();
    const scripts = completionScripts();
    mkdirSync(OUT, { recursive: true });
    for (const f of readdirSync(OUT)) if (f.endsWith('.ts') && !f.endsWith('.test.ts')) rmSync(join(OUT, f));
    const files = writeGroupFiles(specs);
    writeGlobal(global);
    writeQuirks(quirks);
    writeIndex(files);
    writeCompletionScripts(scripts);
    console.log(`${specs.length} commands, ${global.flags.length} global flags, ${runs} kubectl runs`);
  } finally {
    rmSync(home, { recursive: true, force: true });
  }
}

main();
