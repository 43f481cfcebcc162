// `config view`'s printer (genericclioptions.PrintFlags with yaml by default): yaml, json, name,
// the jsonpath family and go templates; the error texts PrintFlags gives for formats it cannot match.
import type { Ctx } from '../../context.js';
import { resolveObjectOutput, type OutputFormat } from '../../output/format.js';
import { JsonPathPrinter, JsonPathPrinterError, NO_TEMPLATE_GIVEN, templateReadError } from '../../../../printers/jsonpath/index.js';
import type { Obj } from '../../../../client/types.js';
import { printTemplated } from '../../output/templated.js';
import { toJson, toV1, toYaml } from './encode.js';
import type { Files } from './files.js';
import type { Config } from './model.js';

export type Printer = (cfg: Config) => string;

/** The format and its template, as PrintFlags.ToPrinter chooses them. */
function outputOf(ctx: Ctx): OutputFormat {
  return resolveObjectOutput(ctx.str('output'), ctx.str('template'), ctx.changed('output'));
}

async function jsonPathPrinter(out: OutputFormat, ctx: Ctx, files: Files): Promise<Printer> {
  let template = out.arg;
  if (out.kind === 'jsonpath-file' && template !== '') {
    try {
      template = (await files.read(template)).toString('utf8');
    } catch (err) {
      throw new JsonPathPrinterError(templateReadError(out.arg, (err as Error).message));
    }
  }
  const format = out.kind === 'jsonpath-file' ? 'jsonpath-file' : out.kind === 'jsonpath-as-json' ? 'jsonpath-as-json' : 'jsonpath';
  const printer = new JsonPathPrinter(template, format, { allowMissingKeys: ctx.bool('allow-missing-template-keys'), typed: true });
  return (cfg) => printer.print(JSON.parse(JSON.stringify(toV1(cfg))));
}

/** PrintFlags.ToPrinter for `config view`. */
export async function viewPrinter(ctx: Ctx, files: Files): Promise<Printer> {
  const out = outputOf(ctx);
  if (out.kind !== 'yaml' && out.kind !== 'json' && out.kind !== 'name' && out.kind !== 'table' && out.arg === '') throw new Error(NO_TEMPLATE_GIVEN);
  switch (out.kind) {
    case 'yaml':
      return toYaml;
    case 'json':
      return toJson;
    case 'name':
    case 'table':
      // an empty -o is the name printer, without an operation
      return () => 'config/<unknown>\n';
    case 'jsonpath':
    case 'jsonpath-file':
    case 'jsonpath-as-json':
      return jsonPathPrinter(out, ctx, files);
    default:
      // go-template and go-template-file, over the config as JSON (typed: Go's integers)
      return (cfg) => {
        const value = JSON.parse(JSON.stringify(toV1(cfg))) as Obj;
        return printTemplated([value], value, out, { generated: true, cwd: ctx.io.cwd, allowMissingKeys: ctx.bool('allow-missing-template-keys') });
      };
  }
}
