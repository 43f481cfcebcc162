// kubectl's -o jsonpath / jsonpath-file / jsonpath-as-json printer (cli-runtime JSONPathPrinter
// and JSONPathPrintFlags): the template is used as given (no relaxing), one engine serves every
// object the printer prints, and errors carry upstream's texts. Messages are what kubectl prints
// after `error: `; the execution error ends with "\n\n\n" (kubectl adds no newline to it).

import { JsonPathExecError, JsonPathParseError } from './errors.js';
import { goQuote, goSyntax } from './gofmt.js';
import { JsonPath } from './jsonpath.js';
import { executeWith, parseJsonPath, type JsonPathTemplate } from './print.js';

export type JsonPathFormat = 'jsonpath' | 'jsonpath-file' | 'jsonpath-as-json';

export interface JsonPathPrinterOptions {
  /** --allow-missing-template-keys; kubectl's default is true. */
  allowMissingKeys?: boolean;
  /** Objects built by kubectl itself (create/run --dry-run=client): every number is a float64. */
  typed?: boolean;
}

/** An error kubectl reports as `error: <message>`. */
export class JsonPathPrinterError extends Error {}

export const NO_TEMPLATE_GIVEN = 'template format specified but no template given';

/** The message when -o jsonpath-file=<path> cannot be read (`err` is Go's os error text). */
export const templateReadError = (path: string, err: string): string => `error reading --template ${path}, ${err}`;

export class JsonPathPrinter {
  private readonly tpl: JsonPathTemplate;
  private readonly engine: JsonPath;

  /**
   * `template` is the text after `jsonpath=` (or the file's content for jsonpath-file). Throws
   * JsonPathPrinterError: `template format specified but no template given`, or
   * `error parsing jsonpath <template>, <reason>`.
   */
  constructor(template: string, private readonly format: JsonPathFormat, o: JsonPathPrinterOptions = {}) {
    // a file's content may be empty; only the flag's own value may not
    if (template === '' && format !== 'jsonpath-file') throw new JsonPathPrinterError(NO_TEMPLATE_GIVEN);
    try {
      this.tpl = parseJsonPath(template);
    } catch (err) {
      if (err instanceof JsonPathParseError) throw new JsonPathPrinterError(`error parsing jsonpath ${template}, ${err.message}`);
      throw err;
    }
    this.engine = new JsonPath(this.tpl.tree, { allowMissingKeys: o.allowMissingKeys ?? true, typed: o.typed ?? false });
  }

  /** PrintObj for one decoded object (a List's map for `get` of many). */
  print(obj: unknown): string {
    try {
      return executeWith(this.engine, obj, this.format === 'jsonpath-as-json');
    } catch (err) {
      if (err instanceof JsonPathExecError) throw new JsonPathPrinterError(executionMessage(this.tpl.raw, err.message, goSyntax(obj, this.engine.typed)));
      throw err;
    }
  }
}

function executionMessage(raw: string, reason: string, dump: string): string {
  const debug =
    `Error executing template: ${reason}. Printing more information for debugging the template:\n` +
    `\ttemplate was:\n\t\t${raw}\n` +
    `\tobject given to jsonpath engine was:\n\t\t${dump}\n\n`;
  return `error executing jsonpath ${goQuote(raw)}: ${debug}\n`;
}
