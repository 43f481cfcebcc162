// just-bash returns a script's output when the script ends; a container's output must reach its
// log as it is written (`while true; do date; sleep 5; done`). So before running, every command
// whose output would reach the script's own stdout/stderr gets `>>/proc/1/fd/1 2>>/proc/1/fd/2`
// put in front of its own redirections, and the shell's filesystem hands writes to those paths
// to the log. Commands in a pipe (but the last), in $(…) and in function bodies keep theirs.
import type { CommandNode, ScriptNode, StatementNode } from 'just-bash';

export const STDOUT_PATH = '/proc/1/fd/1';
export const STDERR_PATH = '/proc/1/fd/2';

interface Redirection { type: 'Redirection'; fd: number; operator: '>>'; target: { type: 'Word'; parts: { type: 'Literal'; value: string }[] } }
type WithRedirections = { redirections: unknown[] };

const redirect = (fd: number, path: string): Redirection => ({ type: 'Redirection', fd, operator: '>>', target: { type: 'Word', parts: [{ type: 'Literal', value: path }] } });

/** Whether a compound command already sends its stdout somewhere of its own. */
function redirectsStdout(c: WithRedirections): boolean {
  return (c.redirections as { fd: number | null; operator: string }[]).some((r) => (r.fd === null || r.fd === 1) && /^(>|>>|>\||&>|&>>|>&)$/.test(r.operator));
}

export function streamScript(ast: ScriptNode): ScriptNode {
  statements(ast.statements);
  return ast;
}

function statements(list: StatementNode[]): void {
  for (const s of list) {
    for (const p of s.pipelines) p.commands.forEach((c, i) => command(c, i === p.commands.length - 1));
  }
}

function command(c: CommandNode, last: boolean): void {
  if (c.type === 'FunctionDef') return;
  if (c.type === 'SimpleCommand') {
    c.redirections.unshift(...((last ? [redirect(1, STDOUT_PATH)] : []) as never[]), redirect(2, STDERR_PATH) as never);
    return;
  }
  if (!last || redirectsStdout(c)) return;
  for (const body of bodiesOf(c)) statements(body);
}

function bodiesOf(c: CommandNode): StatementNode[][] {
  const n = c as unknown as Record<string, unknown>;
  const out: StatementNode[][] = [];
  for (const k of ['condition', 'body', 'elseBody']) if (Array.isArray(n[k])) out.push(n[k] as StatementNode[]);
  for (const k of ['clauses', 'items']) {
    for (const cl of (n[k] as { condition?: StatementNode[]; body?: StatementNode[] }[] | undefined) ?? []) {
      if (cl.condition) out.push(cl.condition);
      if (cl.body) out.push(cl.body);
    }
  }
  return out;
}
