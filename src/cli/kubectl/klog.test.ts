import { describe, expect, it } from 'vitest';
import { kvValue } from './klog.js';

// klog's writeStringValue, as the real kubectl v1.32.4 printed `"command failed" err=…` for
// a one-line and a multi-line error (kubectl kustomize on a resource with a repeated key).
describe('kvValue', () => {
  it('quotes a one-line value as strconv.Quote does', () => {
    expect(kvValue("accumulating resources: 'x': \"y\"\t\x01")).toBe('"accumulating resources: \'x\': \\"y\\"\\t\\x01"');
  });
  it('writes a multi-line value tab-indented between < and >', () => {
    expect(kvValue('map[string]interface {}(nil): yaml: unmarshal errors:\n  line 5: mapping key "a" already defined at line 5'))
      .toBe('<\n\tmap[string]interface {}(nil): yaml: unmarshal errors:\n\t  line 5: mapping key "a" already defined at line 5\n >');
  });
  it('adds no line break after a value that ends with one', () => {
    expect(kvValue('a\nb\n')).toBe('<\n\ta\n\tb\n >');
  });
});
