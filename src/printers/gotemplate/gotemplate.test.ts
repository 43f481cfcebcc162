// The engine against outputs captured from the real kubectl v1.32.4: each testdata/*.json file
// holds the command that produced it, the object kubectl gave its template engine, and per
// template the output, the Go parse error or the Go execution error (with what was printed
// before it). Regenerate by running that command for each template.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { GoTemplateExecError } from './index.js';
import { kubectlGoTemplate } from './kubectl.js';

interface Capture {
  command: string;
  object: unknown;
  cases: { template: string; output?: string; parseError?: string; execError?: string }[];
}

const load = (name: string): Capture => JSON.parse(readFileSync(new URL(`./testdata/${name}`, import.meta.url), 'utf8')) as Capture;

function run(template: string, object: unknown, allowMissingKeys: boolean): { output?: string; parseError?: string; execError?: string } {
  let tmpl;
  try {
    tmpl = kubectlGoTemplate(template, allowMissingKeys);
  } catch (err) {
    return { parseError: (err as Error).message.replace(`error parsing template ${template}, `, '') };
  }
  try {
    return { output: tmpl.execute(object) };
  } catch (err) {
    if (!(err instanceof GoTemplateExecError)) throw err;
    return { execError: err.message, output: err.output };
  }
}

for (const [file, allowMissingKeys] of [['configmap.json', true], ['deployment.json', true], ['configmap-strict.json', false]] as const) {
  const capture = load(file);
  describe(`${file}: ${capture.command}`, () => {
    for (const c of capture.cases) {
      it(c.template, () => {
        expect(run(c.template, capture.object, allowMissingKeys)).toEqual({ output: c.output, parseError: c.parseError, execError: c.execError });
      });
    }
  });
}
