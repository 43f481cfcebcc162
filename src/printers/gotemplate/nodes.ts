// text/template/parse's node tree, and Node.String() (the `<…>` context in execution errors).

export interface NumberNode {
  type: 'number';
  pos: number;
  text: string;
  isInt: boolean;
  isFloat: boolean;
  int: number;
  float: number;
  /** a character constant ('a') */
  isChar: boolean;
}

export type Arg =
  | { type: 'field'; pos: number; ident: string[] }
  | { type: 'variable'; pos: number; ident: string[] }
  | { type: 'chain'; pos: number; node: Arg; field: string[] }
  | { type: 'identifier'; pos: number; ident: string }
  | { type: 'dot'; pos: number }
  | { type: 'nil'; pos: number }
  | { type: 'bool'; pos: number; value: boolean }
  | { type: 'string'; pos: number; quoted: string; text: string }
  | NumberNode
  | PipeNode;

export interface CommandNode {
  type: 'command';
  pos: number;
  args: Arg[];
}

export interface PipeNode {
  type: 'pipe';
  pos: number;
  isAssign: boolean;
  decl: { pos: number; name: string }[];
  cmds: CommandNode[];
}

export interface ListNode {
  type: 'list';
  pos: number;
  nodes: Node[];
}

export interface BranchNode {
  type: 'if' | 'range' | 'with';
  pos: number;
  pipe: PipeNode;
  list: ListNode;
  elseList: ListNode | null;
}

export type Node =
  | { type: 'text'; pos: number; text: string }
  | { type: 'action'; pos: number; pipe: PipeNode }
  | { type: 'template'; pos: number; name: string; pipe: PipeNode | null }
  | { type: 'break' | 'continue' | 'end' | 'else'; pos: number }
  | BranchNode
  | ListNode
  | CommandNode
  | Arg;

function pipeString(p: PipeNode): string {
  let s = '';
  if (p.decl.length > 0) s = `${p.decl.map((d) => d.name).join(', ')}${p.isAssign ? ' = ' : ' := '}`;
  return s + p.cmds.map(nodeString).join(' | ');
}

function listString(l: ListNode | null): string {
  return l === null ? '' : l.nodes.map(nodeString).join('');
}

/** Node.String(). */
export function nodeString(n: Node): string {
  switch (n.type) {
    case 'text':
      return JSON.stringify(n.text);
    case 'action':
      return `{{${pipeString(n.pipe)}}}`;
    case 'template':
      return `{{template ${JSON.stringify(n.name)}${n.pipe ? ` ${pipeString(n.pipe)}` : ''}}}`;
    case 'break':
    case 'continue':
    case 'end':
    case 'else':
      return `{{${n.type}}}`;
    case 'if':
    case 'range':
    case 'with':
      return `{{${n.type} ${pipeString(n.pipe)}}}${listString(n.list)}${n.elseList ? `{{else}}${listString(n.elseList)}` : ''}{{end}}`;
    case 'list':
      return listString(n);
    case 'command':
      return n.args.map((a) => (a.type === 'pipe' ? `(${pipeString(a)})` : nodeString(a))).join(' ');
    case 'pipe':
      return pipeString(n);
    default:
      return argString(n);
  }
}

function argString(n: Arg): string {
  switch (n.type) {
    case 'field':
      return `.${n.ident.join('.')}`;
    case 'variable':
      return n.ident.join('.');
    case 'chain':
      return `${n.node.type === 'pipe' ? `(${pipeString(n.node)})` : nodeString(n.node)}.${n.field.join('.')}`;
    case 'identifier':
      return n.ident;
    case 'dot':
      return '.';
    case 'nil':
      return 'nil';
    case 'bool':
      return String(n.value);
    case 'string':
      return n.quoted;
    case 'number':
      return n.text;
    default:
      return pipeString(n);
  }
}

/** parse.IsEmptyTree. */
export function isEmptyTree(n: Node): boolean {
  if (n.type === 'list') return n.nodes.every(isEmptyTree);
  if (n.type === 'text') return n.text.trim() === '';
  return false;
}
