// crictl events: the runtime's container event stream, one protojson document per event (json,
// yaml or go-template).
import type { Ctx } from '../context.js';
import { errorText, wrapError } from '../errors.js';
import { protoJsonText } from '../format/gojson.js';
import { ProtoJson } from '../format/protojson.js';
import { executeTemplate } from '../format/template.js';
import { toKubectlYaml } from '../../../printers/yaml.js';

function checkFormat(format: string, template: string): void {
  if (format === 'json' || format === 'yaml') {
    if (template !== '') throw new Error(`template can't be used with ${JSON.stringify(format)} format`);
    return;
  }
  if (format !== 'go-template') throw new Error(`don't support ${JSON.stringify(format)} format`);
  try {
    executeTemplate(template, {});
  } catch (err) {
    const text = errorText(err);
    if (text.startsWith('failed to generate go-template: ')) throw new Error(`failed to parse go-template: ${text.slice(32)}`);
  }
}

export async function events(ctx: Ctx): Promise<number | void> {
  if (ctx.args.length !== 0) return ctx.showHelp();
  const format = ctx.string('output');
  const template = ctx.string('template');
  checkFormat(format, template);
  const runtime = await ctx.connector.runtime();
  const pj = await ProtoJson.load();
  try {
    for await (const ev of runtime.getContainerEvents({})) {
      const text = protoJsonText(pj.message('runtime.v1.ContainerEventResponse', ev));
      try {
        if (format === 'yaml') ctx.out(`${toKubectlYaml(JSON.parse(text))}\n`);
        else if (format === 'json') ctx.out(`${text}\n`);
        else ctx.out(`${executeTemplate(template, JSON.parse(text))}\n`);
      } catch (err) {
        ctx.out(`failed to format container event with the error: ${errorText(err)}\n`);
      }
    }
  } catch (err) {
    throw wrapError('getting container events', err);
  }
}
