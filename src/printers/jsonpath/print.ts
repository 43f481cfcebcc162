// JSONPath.PrintResults and Execute: each result list is written with single spaces between its
// values; maps and lists as compact JSON (encoding/json), everything else as fmt prints it
// (strings raw, JSON null as `null`). With JSON output (-o jsonpath-as-json) each result list is
// one JSON array, indented by 4 spaces, with a newline.

import { goJsonMarshal, goJsonMarshalIndent } from './gojson.js';
import { sprintVal } from './gofmt.js';
import { JsonPath, type JsonPathOptions } from './jsonpath.js';
import type { ListNode } from './nodes.js';
import { parseJsonPathTree } from './parser.js';
import { kindOf, unwrap, type Val } from './values.js';

export interface JsonPathTemplate {
  /** The template text as given. */
  readonly raw: string;
  readonly tree: ListNode;
}

export interface ExecuteOptions extends JsonPathOptions {
  /** EnableJSONOutput (-o jsonpath-as-json). */
  json?: boolean;
}

/** Parses a template; throws JsonPathParseError with upstream's bare message (`unclosed action`). */
export function parseJsonPath(template: string): JsonPathTemplate {
  return { raw: template, tree: parseJsonPathTree(template) };
}

/** evalToText: fmt.Fprint of a scalar; a nil interface prints `null`. */
function evalToText(val: Val, typed: boolean): string {
  if (val.t === 'invalid') return '<no value>';
  if (val.t === 'data' && (val.v === null || val.v === undefined)) return 'null';
  return sprintVal(val, typed);
}

/** PrintResults for one result list. */
export function printResults(results: Val[], o: { typed: boolean; json: boolean }): string {
  if (o.json) return `${goJsonMarshalIndent(results.map(unwrap), '    ')}\n`;
  return results
    .map((val) => {
      const kind = kindOf(val, o.typed);
      return kind === 'map' || kind === 'slice' ? goJsonMarshal(unwrap(val)) : evalToText(val, o.typed);
    })
    .join(' ');
}

/** Execute on an engine that may be reused (its range state carries over, as upstream's does). */
export function executeWith(engine: JsonPath, value: unknown, json: boolean): string {
  const full = engine.findResults(value);
  return full.map((results) => printResults(results, { typed: engine.typed, json })).join('');
}

/**
 * Runs a parsed template on one value (decoded JSON) and returns what kubectl writes. Missing keys
 * are an error unless allowMissingKeys (kubectl's --allow-missing-template-keys, default true);
 * throws JsonPathExecError with upstream's bare message (`nope is not found`).
 */
export function executeJsonPath(tpl: JsonPathTemplate, value: unknown, o: ExecuteOptions = {}): string {
  return executeWith(new JsonPath(tpl.tree, { ...o, allowMissingKeys: o.allowMissingKeys ?? true }), value, o.json ?? false);
}
