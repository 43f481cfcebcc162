// --for as kubectl wait reads it (conditionFuncFor): delete, create, condition=NAME[=VALUE] and
// jsonpath='{expr}'[=VALUE], with the JSONPath input rules and their error texts.
import { JsonPath } from '../../../../printers/jsonpath/jsonpath.js';
import { sprintVal } from '../../../../printers/jsonpath/gofmt.js';
import { parseJsonPath } from '../../../../printers/jsonpath/print.js';
import { kindOf } from '../../../../printers/jsonpath/values.js';
import { conditionCheck, IsCreated, IsDeleted, watchCondition, type ConditionFn, type ObjectCheck } from '../mutate/conditions.js';

const RELAXED = /^\{\.?([^{}]+)\}$|^\.?([^{}]+)$/;

/** get's RelaxedJSONPathExpression: `.a.b`, `a.b`, `{a.b}` all become `{.a.b}`. */
export function relaxedJsonPath(expr: string): string {
  if (expr === '') return expr;
  const m = RELAXED.exec(expr);
  if (!m) throw new Error("unexpected path string, expected a 'name1.name2' or '.name1.name2' or '{name1.name2}' or '{.name1.name2}'");
  return `{.${m[1] ?? m[2] ?? ''}}`;
}

/** splitJSONPathInput: splits on single `=`, keeps `==`. */
export function splitJsonPathInput(input: string): string[] {
  const out: string[] = [];
  let cur = '';
  for (let i = 0; i < input.length; i++) {
    if (input[i] === '=') {
      if (input[i + 1] === '=') {
        cur += '==';
        i++;
        continue;
      }
      out.push(cur);
      cur = '';
      continue;
    }
    cur += input[i];
  }
  out.push(cur);
  return out;
}

function processJsonPathInput(input: string): { expr: string; value: string } {
  const parts = splitJsonPathInput(input);
  if (parts.length < 1 || parts.length > 2) {
    throw new Error("jsonpath wait format must be --for=jsonpath='{.status.readyReplicas}'=3 or --for=jsonpath='{.status.readyReplicas}'");
  }
  const expr = relaxedJsonPath(parts[0]!);
  if (parts.length === 1) return { expr, value: '' };
  const value = parts[1]!.replace(/^['"]+|['"]+$/g, '');
  if (value === '') throw new Error("jsonpath wait has to have a value after equal sign, like --for=jsonpath='{.status.readyReplicas}'=3");
  return { expr, value };
}

function jsonPathCheck(input: string): ObjectCheck {
  const { expr, value } = processJsonPathInput(input);
  if (expr === '') throw new Error('jsonpath expression cannot be empty');
  const engine = new JsonPath(parseJsonPath(expr).tree, { allowMissingKeys: true });
  return (obj) => {
    const results = engine.findResults(obj);
    const first = results[0];
    if (first === undefined || first.length === 0) return false;
    if (results.length > 1) throw new Error('given jsonpath expression matches more than one list');
    if (first.length > 1) throw new Error('given jsonpath expression matches more than one value');
    if (value === '') return true;
    const kind = kindOf(first[0]!, false);
    if (kind === 'map' || kind === 'slice') throw new Error('jsonpath leads to a nested object or list which is not supported');
    return sprintVal(first[0]!, false).trim() === value.trim();
  };
}

/** conditionFuncFor. */
export function conditionFor(condition: string): ConditionFn {
  const lower = condition.toLowerCase();
  if (lower === 'delete') return IsDeleted;
  if (lower === 'create') return IsCreated;
  if (condition.startsWith('condition=')) {
    const spec = condition.slice('condition='.length);
    const eq = spec.indexOf('=');
    return watchCondition(eq < 0 ? conditionCheck(spec, 'true') : conditionCheck(spec.slice(0, eq), spec.slice(eq + 1)));
  }
  if (condition.startsWith('jsonpath=')) return watchCondition(jsonPathCheck(condition.slice('jsonpath='.length)));
  throw new Error(`unrecognized condition: ${JSON.stringify(condition)}`);
}
