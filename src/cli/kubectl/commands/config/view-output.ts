// `config view`'s printer (genericclioptions.PrintFlags with yaml by default): yaml, json, name,
// the jsonpath family and go templates; the error texts PrintFlags gives for formats it cannot match.
import type { Ctx } from '../../context.js';
import { parseOutput, type OutputFormat } from '../../output/format.js';
import { JsonPathPrinter, JsonPathPrinterError, templateReadError } from '../../../../printers/jsonpath/index.js';
import type { Obj } from '../../../../client/types.js';
import { printTemplated } from '../../output/templated.js';
import { toJson, toV1, toYaml } from './encode.js';
import type { Files } from './files.js';
import type { Config } from './model.js';

export type Printer = (cfg: Config) => string;

/** The format and its template: `-o jsonpath=…` wins over --template. */
function outputOf(ctx: Ctx): OutputFormat {
  const raw = ctx.str('output');
  const template = ctx.str('template');
  if (template !== '' && !ctx.changed('output')) return { kind: 'go-template', arg: template };
  const out = parseOutput(raw, 'object');
  return out.arg === '' && !raw.includes('=') ? { ...out, arg: template } : out;
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
  switch (out.kind) {
    case 'yaml':
      return toYaml;
    case 'json':
      return toJson;
    case 'name':
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
