// client-go util/jsonpath JSONPath: FindResults walks each top-level node of the template against
// the data; `{range …}` re-runs the following nodes once per result until its `{end}`. Like
// upstream, an instance keeps its range state between calls (the CLI reuses one printer across
// watch events) and must not be shared across concurrent uses.

import { compareOp } from './compare.js';
import { JsonPathExecError } from './errors.js';
import { sprintVal } from './gofmt.js';
import type { ListNode, Node } from './nodes.js';
import { evalArray, evalField, evalRecursive, evalWildcard, type StepOptions } from './steps.js';
import { data, INVALID, type Val } from './values.js';

export interface JsonPathOptions {
  /** --allow-missing-template-keys (kubectl's default is true). */
  allowMissingKeys?: boolean;
  /** The data was built client-side and round-tripped through encoding/json: all numbers float64. */
  typed?: boolean;
}

/** The root value FindResults starts from (reflect.ValueOf(data); nil is the invalid Value). */
const rootVal = (v: unknown): Val => (v === null || v === undefined ? INVALID : data(v));

export class JsonPath {
  private readonly o: StepOptions;
  /** parser.Root.Nodes is re-pointed at the nodes after a range; an offset into the template. */
  private offset = 0;
  private beginRange = 0;
  private inRange = 0;
  private endRange = 0;
  private lastEndNode = -1;

  constructor(private readonly template: ListNode, options: JsonPathOptions = {}) {
    this.o = { allowMissingKeys: options.allowMissingKeys ?? false, typed: options.typed ?? false };
  }

  get typed(): boolean {
    return this.o.typed;
  }

  /** FindResults: one result list per top-level node (ranges add one list per iteration). */
  findResults(value: unknown): Val[][] {
    return this.find(rootVal(value));
  }

  private find(root: Val): Val[][] {
    const base = this.offset;
    const nodes = this.template.nodes;
    const full: Val[][] = [];
    for (let i = base; i < nodes.length; i++) {
      const results = this.walk([root], nodes[i]!);
      if (this.endRange > 0 && this.endRange <= this.inRange) {
        this.endRange--;
        this.lastEndNode = i;
        break;
      }
      if (this.beginRange > 0) {
        i = this.runRange(results, i, full);
        continue;
      }
      full.push(results);
    }
    return full;
  }

  /** Runs the nodes after a range node once per result; returns where the caller resumes. */
  private runRange(results: Val[], i: number, full: Val[][]): number {
    this.beginRange--;
    this.inRange++;
    if (results.length > 0) {
      for (const value of results) {
        this.offset = i + 1;
        full.push(...this.find(value.t === 'data' ? rootVal(value.v) : value));
      }
    } else {
      this.offset = i + 1;
      this.find(INVALID);
    }
    this.inRange--;
    for (let k = i + 1; k < this.template.nodes.length; k++) {
      if (k === this.lastEndNode) return k;
    }
    return i;
  }

  private walk(input: Val[], node: Node): Val[] {
    switch (node.type) {
      case 'list':
        return this.evalList(input, node);
      case 'text':
        return [{ t: 'string', v: node.text }];
      case 'field':
        return evalField(input, node.name, this.o);
      case 'array':
        return evalArray(input, node.params, this.o);
      case 'filter':
        return this.evalFilter(input, node);
      case 'int':
      case 'float':
      case 'bool':
        return input.map((): Val => ({ t: node.type, v: node.value }) as Val);
      case 'wildcard':
        return evalWildcard(input);
      case 'recursive':
        return evalRecursive(input);
      case 'union':
        return this.evalUnion(input, node.nodes);
      case 'identifier':
        return this.evalIdentifier(input, node.name);
    }
  }

  private evalList(input: Val[], list: ListNode): Val[] {
    let cur = input;
    for (const node of list.nodes) cur = this.walk(cur, node);
    return cur;
  }

  private evalIdentifier(input: Val[], name: string): Val[] {
    if (name === 'range') {
      this.beginRange++;
      return input;
    }
    if (name !== 'end') throw new JsonPathExecError(`unrecognized identifier ${name}`, input);
    if (this.inRange === 0) throw new JsonPathExecError('not in range, nothing to end');
    this.endRange++;
    return [];
  }

  private evalUnion(input: Val[], lists: ListNode[]): Val[] {
    try {
      return lists.flatMap((list) => this.evalList(input, list));
    } catch (err) {
      throw withPartial(err, input);
    }
  }

  private evalFilter(input: Val[], node: FilterNode): Val[] {
    const results: Val[] = [];
    for (const val of input) {
      if (val.t !== 'data' || !Array.isArray(val.v)) throw new JsonPathExecError(`${sprintVal(val, this.o.typed)} is not array or slice and cannot be filtered`, input);
      for (const item of val.v) {
        if (this.filterPasses(data(item), node, input, results)) results.push(data(item));
      }
    }
    return results;
  }

  /** Whether one item passes. Errors report the input, or the results so far when comparing fails. */
  private filterPasses(item: Val, node: FilterNode, input: Val[], results: Val[]): boolean {
    let lefts: Val[];
    try {
      lefts = this.evalList([item], node.left);
    } catch (err) {
      if (node.operator === 'exists') return err instanceof JsonPathExecError && err.partial.length > 0;
      throw withPartial(err, input);
    }
    if (node.operator === 'exists') return lefts.length > 0;
    const left = single(lefts, input);
    if (!left) return false;
    let rights: Val[];
    try {
      rights = this.evalList([item], node.right);
    } catch (err) {
      throw withPartial(err, input);
    }
    const right = single(rights, input);
    if (!right) return false;
    try {
      return compareOp(node.operator, left, right, this.o.typed);
    } catch (err) {
      throw withPartial(err, results);
    }
  }
}

type FilterNode = Extract<Node, { type: 'filter' }>;

/** The same error, reporting `partial` as the value its step returned. */
function withPartial(err: unknown, partial: Val[]): unknown {
  return err instanceof JsonPathExecError ? new JsonPathExecError(err.message, partial) : err;
}

/** The one value a filter side compares, or null when it has none. */
function single(values: Val[], input: Val[]): Val | null {
  if (values.length > 1) throw new JsonPathExecError('can only compare one element at a time', input);
  return values[0] ?? null;
}
