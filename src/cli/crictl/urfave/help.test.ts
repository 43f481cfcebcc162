import { describe, expect, test } from 'vitest';
import { COMMANDS } from '../specs/index.js';
import { GLOBAL_FLAGS, HELP_FLAG, VERSION_FLAG } from '../specs/global.js';
import { appHelp, commandHelp, flagString, subcommandHelp } from './help.js';
import type { FlagSpec } from './types.js';

const cmd = (name: string) => COMMANDS.find((c) => c.name === name)!;

describe('urfave help', () => {
  const flags: [FlagSpec, string][] = [
    [{ kind: 'bool', name: 'all', aliases: ['a'], usage: 'Show all containers' }, '--all, -a\tShow all containers (default: false)'],
    [{ kind: 'string', name: 'output', aliases: ['o'], usage: 'Output format', value: 'table' }, '--output value, -o value\tOutput format (default: "table")'],
    [{ kind: 'string', name: 'name', usage: 'Filter' }, '--name value\tFilter'],
    [{ kind: 'int64', name: 'tail', usage: 'Lines', value: -1 }, '--tail value\tLines (default: -1)'],
    [{ kind: 'duration', name: 'timeout', aliases: ['t'], usage: 'T', value: '2s' }, '--timeout value, -t value\tT (default: 2s)'],
    [{ kind: 'duration', name: 'pull-timeout', aliases: ['pt'], usage: 'P', env: ['CRICTL_PULL_TIMEOUT'] }, '--pull-timeout value, --pt value\tP (default: 0s) [$CRICTL_PULL_TIMEOUT]'],
    [{ kind: 'slice', name: 'label', usage: 'L' }, '--label value [ --label value ]\tL'],
    [{ kind: 'string', name: 'creds', usage: 'Use `USERNAME[:PASSWORD]` for x' }, '--creds USERNAME[:PASSWORD]\tUse USERNAME[:PASSWORD] for x'],
    [HELP_FLAG, '--help, -h\tshow help'],
  ];
  test.each(flags)('flag %#', (f, text) => expect(flagString(f)).toBe(text));

  test('a command prints its own help with SubcommandHelpTemplate', () => {
    const text = subcommandHelp('crictl logs', cmd('logs'));
    expect(text.startsWith('NAME:\n   crictl logs - Fetch the logs of a container\n\nUSAGE:\n   crictl logs command [command options] CONTAINER-ID\n\nCOMMANDS:\n   help, h  Shows a list of commands or help for one command\n\nOPTIONS:\n')).toBe(true);
    expect(text).toContain('\n   --follow, -f         Follow log output (default: false)\n');
    expect(text.endsWith('   --help, -h           show help\n')).toBe(true);
  });

  test('-h uses CommandHelpTemplate (no COMMANDS)', () => {
    const text = commandHelp('crictl ps', cmd('ps'));
    expect(text.startsWith('NAME:\n   crictl ps - List containers\n\nUSAGE:\n   crictl ps [command options]\n\nOPTIONS:\n   --all, -a ')).toBe(true);
    expect(text).not.toContain('COMMANDS:');
  });

  test('flags are sorted by name, help last', () => {
    const names = [...subcommandHelp('crictl ps', cmd('ps')).matchAll(/^ {3}--([a-z-]+)/gm)].map((m) => m[1]);
    expect(names).toEqual(['all', 'id', 'image', 'label', 'last', 'latest', 'name', 'namespace', 'no-trunc', 'output', 'pod', 'quiet', 'resolve-image-path', 'state', 'verbose', 'help']);
  });

  test('app help: commands by name, usage column 23, help last', () => {
    const text = appHelp(COMMANDS, [...GLOBAL_FLAGS, HELP_FLAG, VERSION_FLAG]);
    expect(text).toContain('USAGE:\n   crictl [global options] command [command options]\n\nVERSION:\n   v1.32.0\n\nCOMMANDS:\n   attach                 Attach to a running container\n');
    expect(text).toContain('\n   images, image, img     List images\n');
    expect(text).toContain('\n   help, h                Shows a list of commands or help for one command\n\nGLOBAL OPTIONS:\n');
    expect(text.endsWith('   --version, -v                              print the version\n')).toBe(true);
  });

  test('exec help carries its description', () => {
    expect(subcommandHelp('crictl exec', cmd('exec'))).toContain('DESCRIPTION:\n   The CONTAINER-ID is only required if none of the following filter flags are set:\n   --image, --label, --last, --latest, --name, --pod, --state\n\nCOMMANDS:');
  });
});
