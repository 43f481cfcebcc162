// `env` / `printenv` without arguments print the process environment as a container's process
// has it: PATH and HOSTNAME first, the pod's variables, HOME last (runc adds it), then what the
// session exported; not the simulated shell's own bookkeeping (IFS, OSTYPE, SHELLOPTS…), and no
// PWD for a command runc started directly. With arguments they are the shell's own commands.
import { defineCommand, type Command, type CommandContext } from 'just-bash';

const SHELL_VARS = new Set(['IFS', 'OSTYPE', 'MACHTYPE', 'HOSTTYPE', 'OPTIND', 'SHELLOPTS', 'BASHOPTS', 'OLDPWD', 'PPID', 'BASH_VERSION', '?']);

type EnvContext = Pick<CommandContext, 'env' | 'exportedEnv'>;

/** The container's variable order: PATH, HOSTNAME, the pod's variables, HOME. */
export function containerOrder(env: Record<string, string>): string[] {
  const rest = Object.keys(env).filter((k) => !['PATH', 'HOSTNAME', 'HOME'].includes(k));
  return ['PATH', 'HOSTNAME', ...rest, 'HOME'].filter((k) => k in env);
}

/** What a command the session runs gets as its environment. */
export function processEnv(ctx: EnvContext, container: Record<string, string>, withPwd: boolean): [string, string][] {
  const src = ctx.exportedEnv ?? Object.fromEntries(ctx.env);
  const first = containerOrder(container).filter((k) => k in src);
  const names = [...first, ...Object.keys(src).filter((k) => !first.includes(k))];
  return names.filter((k) => !SHELL_VARS.has(k) && (withPwd || k !== 'PWD' || k in container)).map((k) => [k, src[k] ?? '']);
}

/** env and printenv over the container's environment; withPwd when a shell started them. */
export function envCommands(container: Record<string, string>, withPwd: boolean): Command[] {
  const make = (name: string) => defineCommand(name, async (args, ctx) => {
    if (args.length > 0 && !(name === 'printenv' && args.every((a) => !a.startsWith('-')))) {
      return ctx.origCommand ? ctx.origCommand(args) : { stdout: '', stderr: `${name}: unsupported\n`, exitCode: 1 };
    }
    const vars = processEnv(ctx, container, withPwd);
    if (args.length === 0) return { stdout: vars.map(([k, v]) => `${k}=${v}\n`).join(''), stderr: '', exitCode: 0 };
    const env = new Map(vars);
    const found = args.filter((a) => env.has(a));
    return { stdout: found.map((a) => `${env.get(a)}\n`).join(''), stderr: '', exitCode: found.length === args.length ? 0 : 1 };
  });
  return [make('env'), make('printenv')];
}
