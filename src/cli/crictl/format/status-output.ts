// outputStatusData (cmd/crictl/util.go): each status becomes {status, <info keys>…}; one result
// prints as an object, several as an array; json (sorted keys, indent 2), yaml, or go-template.
import { toKubectlYaml } from '../../../printers/yaml.js';
import { errorText } from '../errors.js';
import { goIndentedJson } from './gojson.js';
import { executeTemplate } from './template.js';

export interface StatusData {
  /** The status as JSON text (protojson, then crictl's own edits), or '' for none. */
  json: string;
  runtimeHandlers?: string;
  info?: Record<string, string>;
}

function statusObject(s: StatusData): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  if (s.json !== '') out.status = JSON.parse(s.json);
  if (s.runtimeHandlers) {
    const handlers = JSON.parse(s.runtimeHandlers) as unknown;
    if (handlers !== null) out.runtimeHandlers = handlers;
  }
  for (const k of Object.keys(s.info ?? {}).sort()) {
    const val = s.info![k]!;
    if (val.startsWith('{')) {
      try {
        out[k] = JSON.parse(val);
      } catch (err) {
        throw new Error(`unmarshal status info JSON: ${errorText(err)}`);
      }
    } else {
      out[k] = val.replace(/^"+|"+$/g, '');
    }
  }
  return out;
}

/** What crictl prints for the statuses (the text ends with a line feed), or throws its error. */
export function renderStatusData(statuses: StatusData[], format: string, template: string): string {
  if (statuses.length === 0) return '';
  const result = statuses.map(statusObject);
  const data: unknown = result.length === 1 ? result[0] : result;
  switch (format) {
    case 'yaml':
      return `${toKubectlYaml(JSON.parse(JSON.stringify(data)))}\n`;
    case 'json':
      return `${goIndentedJson(data)}\n`;
    case 'go-template':
      try {
        return `${executeTemplate(template, JSON.parse(JSON.stringify(data)))}\n`;
      } catch (err) {
        throw new Error(`execute template: ${errorText(err)}`);
      }
    default:
      throw new Error(`unsupported format: ${JSON.stringify(format)}`);
  }
}
