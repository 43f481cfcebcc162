import { describe, expect, it } from 'vitest';
import type { FlagSpec, KubectlSpec } from '../spec.js';
import { GLOBAL_FLAGS, GROUP_RUN, HELP_STDERR, HOME_PLACEHOLDER, MAP_FLAGS, OPTIONS_HELP, SPECS } from './index.js';

const key = (s: KubectlSpec) => s.path.join(' ');
const byPath = new Map(SPECS.map((s) => [key(s), s]));
const spec = (path: string): KubectlSpec => {
  const s = byPath.get(path);
  if (s === undefined) throw new Error(`no spec for "${path}"`);
  return s;
};
const flag = (path: string, name: string): FlagSpec | undefined => spec(path).flags.find((f) => f.name === name);

/** The Options block as kubectl's HelpFlagPrinter writes it (pkg/util/templates/help_flags_printer.go). */
function renderOptions(flags: FlagSpec[]): string {
  return flags
    .filter((f) => f.hidden !== true)
    .map((f) => `    ${f.short !== undefined ? `-${f.short}, ` : ''}--${f.name}=${f.type === 'string' ? `'${f.def}'` : f.def}:\n\t${f.usage}\n`)
    .join('\n');
}

describe('kubectl specs: integrity', () => {
  it('has unique paths, the root first, and a parent listing every other command', () => {
    expect(byPath.size).toBe(SPECS.length);
    expect(SPECS[0]?.path).toEqual([]);
    const unlisted = ['alpha', 'options', 'help']; // filtered from the root help, or cobra's own
    for (const s of SPECS.slice(1)) {
      const parent = spec(s.path.slice(0, -1).join(' '));
      if (unlisted.includes(key(s))) continue;
      expect(parent.help, key(s)).toMatch(new RegExp(`^  ${s.path.at(-1)} +\\S`, 'm'));
    }
  });

  it('gives every flag a valid type and a default of that type, once per command', () => {
    const valid = ['bool', 'string', 'int', 'duration', 'stringSlice', 'stringArray'];
    const defs: Record<string, RegExp> = { bool: /^(true|false)$/, int: /^-?\d+$/, duration: /^(\d+(ns|us|µs|ms|s|m|h))+$/, stringSlice: /^\[.*\]$/, stringArray: /^\[.*\]$/ };
    for (const s of [...SPECS, { path: ['<global>'], flags: GLOBAL_FLAGS } as KubectlSpec]) {
      expect(new Set(s.flags.map((f) => f.name)).size, key(s)).toBe(s.flags.length);
      for (const f of s.flags) {
        expect(valid, `${key(s)} --${f.name}`).toContain(f.type);
        const map = MAP_FLAGS.includes(`${key(s)} --${f.name}`) && f.def === ''; // MapStringString prints no []
        if (!map) expect(f.def, `${key(s)} --${f.name}`).toMatch(defs[f.type] ?? /^/);
        expect(f.short ?? 'x', `${key(s)} --${f.name}`).toMatch(/^.$/);
      }
    }
  });

  it('agrees with the Options section of each help text', () => {
    for (const s of SPECS.filter((x) => x.flags.some((f) => f.hidden !== true))) {
      expect(s.help, key(s)).toContain(`\nOptions:\n${renderOptions(s.flags)}\nUsage:\n`);
    }
  });

  it('marks runnable exactly the commands whose help has a Usage section, but pure groups', () => {
    for (const s of SPECS) {
      const group = GROUP_RUN[key(s)] !== undefined;
      expect(s.runnable, key(s)).toBe(!group);
      if (s.runnable && key(s) !== 'options') expect(s.help, key(s)).toContain('\nUsage:\n  kubectl ');
    }
  });

  it('reaches every command family of the brief', () => {
    const want = ['', 'create secret tls', 'create service nodeport', 'create token', 'set env', 'rollout undo', 'auth whoami',
      'top pod', 'apply view-last-applied', 'certificate approve', 'config use-context', 'plugin list', 'completion', 'alpha',
      'options', 'help', 'cluster-info dump', 'events', 'debug', 'kustomize', 'wait', 'version', 'api-resources'];
    for (const p of want) expect(byPath.has(p), p).toBe(true);
    expect(SPECS.length).toBe(109);
  });
});

// Expected values below are copied from the real kubectl v1.32.4: defaults and usages from
// `kubectl <path> --help`; list types from `kubectl <path> --<name>='"x' --help` (a StringSlice fails
// with `parse error on line 1, column 3: extraneous or missing " in quoted-field`, a StringArray
// prints the help); NoOptDefVal from `kubectl <path> --<name> --zz=1` answering `unknown flag: --zz`.
const SAMPLES: [string, FlagSpec][] = [
  ['get', { name: 'all-namespaces', short: 'A', type: 'bool', def: 'false', usage: 'If present, list the requested object(s) across all namespaces. Namespace in current context is ignored even if specified with --namespace.' }],
  ['get', { name: 'chunk-size', type: 'int', def: '500', usage: 'Return large lists in chunks rather than all at once. Pass 0 to disable. This flag is beta and may change in the future.' }],
  ['get', { name: 'filename', short: 'f', type: 'stringSlice', def: '[]', usage: 'Filename, directory, or URL to files identifying the resource to get from a server.' }],
  ['get', { name: 'label-columns', short: 'L', type: 'stringSlice', def: '[]', usage: 'Accepts a comma separated list of labels that are going to be presented as columns. Names are case-sensitive. You can also use multiple flag options like -L label1 -L label2...' }],
  ['get', { name: 'server-print', type: 'bool', def: 'true', usage: 'If true, have the server return the appropriate table output. Supports extension APIs and CRDs.' }],
  ['get', { name: 'show-labels', type: 'bool', def: 'false', usage: 'When printing, show all labels as the last column (default hide labels column)' }],
  ['create deployment', { name: 'image', type: 'stringSlice', def: '[]', usage: 'Image names to run. A deployment can have multiple images set for multi-container pod.' }],
  ['create deployment', { name: 'port', type: 'int', def: '-1', usage: 'The containerPort that this deployment exposes.' }],
  ['create deployment', { name: 'replicas', short: 'r', type: 'int', def: '1', usage: 'Number of replicas to create. Default is 1.' }],
  ['create deployment', { name: 'field-manager', type: 'string', def: 'kubectl-create', usage: 'Name of the manager used to track field ownership.' }],
  ['create deployment', { name: 'dry-run', type: 'string', def: 'none', noOptDef: 'unchanged', usage: 'Must be "none", "server", or "client". If client strategy, only print the object that would be sent, without sending it. If server strategy, submit server-side request without persisting the resource.' }],
  ['run', { name: 'annotations', type: 'stringArray', def: '[]', usage: 'Annotations to apply to the pod.' }],
  ['run', { name: 'env', type: 'stringArray', def: '[]', usage: 'Environment variables to set in the container.' }],
  ['run', { name: 'filename', short: 'f', type: 'stringSlice', def: '[]', usage: 'to use to replace the resource.' }],
  ['run', { name: 'pod-running-timeout', type: 'duration', def: '1m0s', usage: 'The length of time (like 5s, 2m, or 3h, higher than zero) to wait until at least one pod is running' }],
  ['run', { name: 'restart', type: 'string', def: 'Always', usage: 'The restart policy for this Pod.  Legal values [Always, OnFailure, Never].' }],
  ['run', { name: 'stdin', short: 'i', type: 'bool', def: 'false', usage: 'Keep stdin open on the container in the pod, even if nothing is attached.' }],
  ['delete', { name: 'cascade', type: 'string', def: 'background', noOptDef: 'background', usage: 'Must be "background", "orphan", or "foreground". Selects the deletion cascading strategy for the dependents (e.g. Pods created by a ReplicationController). Defaults to background.' }],
  ['delete', { name: 'grace-period', type: 'int', def: '-1', usage: 'Period of time in seconds given to the resource to terminate gracefully. Ignored if negative. Set to 1 for immediate shutdown. Can only be set to 0 when --force is true (force deletion).' }],
  ['delete', { name: 'timeout', type: 'duration', def: '0s', usage: 'The length of time to wait before giving up on a delete, zero means determine a timeout from the size of the object' }],
  ['delete', { name: 'wait', type: 'bool', def: 'true', usage: 'If true, wait for resources to be gone before returning. This waits for finalizers.' }],
  ['logs', { name: 'since', type: 'duration', def: '0s', usage: 'Only return logs newer than a relative duration like 5s, 2m, or 3h. Defaults to all logs. Only one of since-time / since may be used.' }],
  ['logs', { name: 'tail', type: 'int', def: '-1', usage: 'Lines of recent log file to display. Defaults to -1 with no selector, showing all log lines otherwise 10, if a selector is provided.' }],
  ['logs', { name: 'limit-bytes', type: 'int', def: '0', usage: 'Maximum bytes of logs to return. Defaults to no limit.' }],
  ['logs', { name: 'pod-running-timeout', type: 'duration', def: '20s', usage: 'The length of time (like 5s, 2m, or 3h, higher than zero) to wait until at least one pod is running' }],
  ['logs', { name: 'previous', short: 'p', type: 'bool', def: 'false', usage: 'If true, print the logs for the previous instance of the container in a pod if it exists.' }],
  ['config view', { name: 'merge', type: 'bool', def: 'true', noOptDef: 'true', usage: 'Merge the full hierarchy of kubeconfig files' }],
  ['config view', { name: 'output', short: 'o', type: 'string', def: 'yaml', usage: 'Output format. One of: (json, yaml, name, go-template, go-template-file, template, templatefile, jsonpath, jsonpath-as-json, jsonpath-file).' }],
  ['config view', { name: 'raw', type: 'bool', def: 'false', usage: 'Display raw byte data and sensitive data' }],
];

describe('kubectl specs: flags observed on the real kubectl', () => {
  it.each(SAMPLES)('%s --%s', (path, want) => {
    expect(flag(path, want.name)).toEqual(want);
  });

  it('records the deprecated --record as hidden where v1.32 accepts it (`kubectl <cmd> --record --help`)', () => {
    const withRecord = SPECS.filter((s) => flag(key(s), 'record')?.hidden === true).map(key);
    expect(withRecord).toEqual(['create', 'expose', 'run', 'set image', 'set resources', 'set selector', 'set serviceaccount',
      'edit', 'scale', 'autoscale', 'apply', 'apply edit-last-applied', 'patch', 'label', 'annotate']);
    expect(flag('replace', 'record')).toBeUndefined(); // Error: unknown flag: --record
  });

  it('has none of the flags removed before v1.32 (`kubectl get --export --help`: Error: unknown flag: --export)', () => {
    for (const [path, name] of [['get', 'export'], ['get', 'show-all'], ['drain', 'delete-local-data'], ['apply', 'prune-whitelist'], ['delete', 'include-uninitialized']]) {
      expect(flag(path ?? '', name ?? ''), `${path} --${name}`).toBeUndefined();
    }
  });

  it('reads aliases from the Aliases section', () => {
    expect(spec('create deployment').aliases).toEqual(['deploy']);
    expect(spec('top pod').aliases).toEqual(['pods', 'po']);
    expect(spec('config use-context').aliases).toEqual(['use']);
    expect(spec('get').aliases).toBeUndefined();
  });

  it('types map flags as slices and lists them (`kubectl debug --env=x --help`: must be formatted as key=value)', () => {
    expect(MAP_FLAGS).toEqual(['create clusterrole --aggregation-rule', 'debug --env', 'debug --set-image']);
    expect(flag('debug', 'env')).toMatchObject({ type: 'stringSlice', def: '[]' });
    // `    --aggregation-rule=:` in `kubectl create clusterrole --help`
    expect(flag('create clusterrole', 'aggregation-rule')).toMatchObject({ type: 'stringSlice', def: '' });
  });
});

describe('kubectl specs: global options and groups', () => {
  it('holds `kubectl options` flags', () => {
    const g = (n: string) => GLOBAL_FLAGS.find((f) => f.name === n);
    expect(g('namespace')).toEqual({ name: 'namespace', short: 'n', type: 'string', def: '', usage: 'If present, the namespace scope for this CLI request' });
    expect(g('server')).toMatchObject({ short: 's', type: 'string', def: '' });
    expect(g('v')).toEqual({ name: 'v', short: 'v', type: 'int', def: '0', usage: 'number for the log level verbosity' });
    expect(g('as-group')).toMatchObject({ type: 'stringArray', def: '[]' });
    expect(g('log-flush-frequency')).toMatchObject({ type: 'duration', def: '5s' });
    expect(g('request-timeout')).toMatchObject({ type: 'string', def: '0' });
    expect(g('cache-dir')?.def).toBe(`${HOME_PLACEHOLDER}/.kube/cache`);
    expect(GLOBAL_FLAGS).toHaveLength(27);
  });

  it('keeps `kubectl options` verbatim, home replaced', () => {
    expect(OPTIONS_HELP.startsWith('The following options can be passed to any command:\n\n    --as=\'\':\n')).toBe(true);
    expect(OPTIONS_HELP).toContain(`    --cache-dir='${HOME_PLACEHOLDER}/.kube/cache':\n\tDefault cache directory\n\n`);
    expect(OPTIONS_HELP).toContain('    --vmodule=:\n'); // klog's moduleSpec is not a "string" flag: no quotes
    expect(OPTIONS_HELP.endsWith('non-zero exit code\n\n')).toBe(true);
  });

  it('records how pure groups print their help (`kubectl config; echo $?` → help on stderr, 1)', () => {
    expect(GROUP_RUN['config']).toEqual({ stream: 'stderr', exit: 1 });
    expect(GROUP_RUN['rollout']).toEqual({ stream: 'stdout', exit: 1 });
    expect(GROUP_RUN['certificate']).toEqual({ stream: 'stdout', exit: 0 });
    expect(GROUP_RUN['']).toEqual({ stream: 'stdout', exit: 0 });
    expect(HELP_STDERR['alpha']).toBe('No alpha commands are available in this version of kubectl\n');
    expect(spec('alpha').help).toBe('');
    expect(spec('options').help).toBe(''); // `kubectl options --help` prints nothing
  });
});
