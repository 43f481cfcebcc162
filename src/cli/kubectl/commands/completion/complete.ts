// cobra's hidden `__complete` / `__completeNoDesc` commands, which the completion scripts run on
// every TAB: the candidates one a line (`name\tdescription` unless NoDesc), then `:<directive>`;
// on stderr, `Completion ended with directive: …` and any `[Debug] [Error] …`. Flag parsing is
// disabled for them, so main hands them the raw arguments.
import type { Io } from '../../../shared/io.js';
import { SPECS } from '../../specs/index.js';
import { buildTree, type CommandNode } from '../../tree.js';
import { directiveString } from './directive.js';
import { getCompletions } from './engine.js';
import { registerPlugins } from './plugins.js';

export const COMPLETE_COMMANDS = ['__complete', '__completeNoDesc'];

/** Commands whose error stream is stdout (kubectl options: cmd.SetErr(out)); cobra writes the
 * closing directive note to the completed command's ErrOrStderr(). */
const ERR_IS_STDOUT = ['options'];

/** strconv.ParseBool */
function parseBool(v: string): boolean | undefined {
  if (['1', 't', 'T', 'TRUE', 'true', 'True'].includes(v)) return true;
  if (['0', 'f', 'F', 'FALSE', 'false', 'False'].includes(v)) return false;
  return undefined;
}

/** Descriptions off for __completeNoDesc, or when KUBECTL_COMPLETION_DESCRIPTIONS (else
 * COBRA_COMPLETION_DESCRIPTIONS) parses as false. */
function noDescriptions(calledAs: string, env: Io['env']): boolean {
  if (calledAs === '__completeNoDesc') return true;
  const v = env.KUBECTL_COMPLETION_DESCRIPTIONS || env.COBRA_COMPLETION_DESCRIPTIONS || '';
  return parseBool(v) === false;
}

/** kubectl's SetupPluginCompletion: the plugins become commands when the first word is being
 * completed, or names no built-in command (which also clears the global flags). */
function setupPlugins(root: CommandNode, args: string[], io: Io): void {
  const first = args[0]!;
  if (first.startsWith('-')) return;
  if (args.length > 1) {
    if (COMPLETE_COMMANDS.includes(first) || root.children.some((c) => c.name === first)) return;
    io.stderr.write('[Debug] Cleared global flags for plugin completion\n');
  }
  registerPlugins(root, io.env.PATH ?? '');
}

function formatCandidate(comp: string, noDesc: boolean): string {
  const plain = noDesc ? comp.split('\t')[0]! : comp;
  return plain.split('\n')[0]!.trim();
}

export async function runComplete(argv: string[], io: Io): Promise<number> {
  const calledAs = argv[0]!;
  const args = argv.slice(1);
  if (args.length === 0) {
    io.stderr.write('Error: requires at least 1 arg(s), only received 0\n');
    return 1;
  }
  const root = buildTree(SPECS);
  setupPlugins(root, args, io);
  const out = await getCompletions(root, args, io);
  if (out.error !== undefined) io.stderr.write(`[Debug] [Error] ${out.error}\n`);
  const noDesc = noDescriptions(calledAs, io.env);
  io.stdout.write(out.comps.map((c) => `${formatCandidate(c, noDesc)}\n`).join(''));
  io.stdout.write(`:${out.directive}\n`);
  const errOut = ERR_IS_STDOUT.includes(out.path ?? '') ? io.stdout : io.stderr;
  errOut.write(`Completion ended with directive: ${directiveString(out.directive)}\n`);
  return 0;
}
