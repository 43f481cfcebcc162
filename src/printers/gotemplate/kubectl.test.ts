// kubectl's GoTemplatePrinter around the engine: on an execution error, stdout gets what was
// printed, then the debugging dump (template, json.Marshal of the object — a typed object in its
// Go field order — and the map as fmt prints it); the error reads `error executing template …`.
// testdata/exec-errors.json holds, per case, the real kubectl v1.32.4 command and its output.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { GoTemplatePrinterError, goMarshalCompact, kubectlGoTemplate, NO_TEMPLATE_GIVEN, printGoTemplate } from './kubectl.js';

interface Capture {
  command: string;
  object: unknown;
  template: string;
  allowMissingKeys: boolean;
  stdout: string;
  stderr: string;
  exit: number;
}

const CAPTURES = JSON.parse(readFileSync(new URL('./testdata/exec-errors.json', import.meta.url), 'utf8')) as Capture[];

describe('printGoTemplate execution errors (dry-run objects: typed, field order kept)', () => {
  for (const c of CAPTURES) {
    it(c.command, () => {
      const tmpl = kubectlGoTemplate(c.template, c.allowMissingKeys);
      let caught: unknown;
      try {
        printGoTemplate(tmpl, c.template, c.object, { typed: true });
      } catch (err) {
        caught = err;
      }
      expect(caught).toBeInstanceOf(GoTemplatePrinterError);
      const e = caught as GoTemplatePrinterError;
      expect({ stdout: e.output, stderr: `error: ${e.message}\n`, exit: 1 }).toEqual({ stdout: c.stdout, stderr: c.stderr, exit: c.exit });
    });
  }
});

describe('kubectlGoTemplate', () => {
  it('an empty template is no template', () => {
    // kubectl create configmap x --dry-run=client -o go-template=  → error: template format specified but no template given
    expect(() => kubectlGoTemplate('')).toThrow(NO_TEMPLATE_GIVEN);
  });
  it('words parse errors as kubectl does', () => {
    // kubectl create configmap x --dry-run=client -o go-template='{{foo}}'
    expect(() => kubectlGoTemplate('{{foo}}')).toThrow('error parsing template {{foo}}, template: output:1: function "foo" not defined');
  });
});

describe('goMarshalCompact (json.Marshal)', () => {
  const cases: [unknown, boolean, string][] = [
    [{ b: 1, a: '<&>' }, false, '{"b":1,"a":"\\u003c\\u0026\\u003e"}'],
    [{ b: 1, a: [true, null, 0.5] }, true, '{"a":[true,null,0.5],"b":1}'],
    [{ x: undefined, y: {} }, true, '{"y":{}}'],
  ];
  for (const [v, sorted, want] of cases) it(want, () => expect(goMarshalCompact(v, sorted)).toBe(want));
});
