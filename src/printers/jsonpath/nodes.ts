// The parse tree of client-go's util/jsonpath (node.go): a template is a list of text runs and
// actions; every action (`{…}`) is one ListNode at the top level, whatever its nesting in the text
// (`range`/`end` are plain identifiers that the executor pairs up).

/** One slice bound of `[start:end:step]`: Known when written (or derived, for a bare index). */
export interface SliceParam {
  value: number;
  known: boolean;
  /** `[i]` stands for `[i:i+1]`: the end is derived from the start. */
  derived: boolean;
}

export interface ListNode {
  type: 'list';
  nodes: Node[];
}

export type Node =
  | ListNode
  | { type: 'text'; text: string }
  | { type: 'field'; name: string }
  | { type: 'identifier'; name: string }
  | { type: 'array'; params: readonly [SliceParam, SliceParam, SliceParam] }
  | { type: 'filter'; left: ListNode; right: ListNode; operator: string }
  | { type: 'int'; value: number }
  | { type: 'float'; value: number }
  | { type: 'bool'; value: boolean }
  | { type: 'wildcard' }
  | { type: 'recursive' }
  | { type: 'union'; nodes: ListNode[] };

export const newList = (): ListNode => ({ type: 'list', nodes: [] });
