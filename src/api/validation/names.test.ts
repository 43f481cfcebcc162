import { describe, expect, it } from 'vitest';
import { isConfigMapKey, isDNS1035Label, isDNS1123Label, isDNS1123Subdomain, isQualifiedName, isValidLabelValue, isValidPortName } from './names.js';
import { nameIsDNSSubdomain, pathSegmentName } from './namefuncs.js';

const SUBDOMAIN = "a lowercase RFC 1123 subdomain must consist of lower case alphanumeric characters, '-' or '.', and must start and end with an alphanumeric character (e.g. 'example.com', regex used for validation is '[a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*')";
const LABEL = "a lowercase RFC 1123 label must consist of lower case alphanumeric characters or '-', and must start and end with an alphanumeric character (e.g. 'my-name',  or '123-abc', regex used for validation is '[a-z0-9]([-a-z0-9]*[a-z0-9])?')";
const DNS1035 = "a DNS-1035 label must consist of lower case alphanumeric characters or '-', start with an alphabetic character, and end with an alphanumeric character (e.g. 'my-name',  or 'abc-123', regex used for validation is '[a-z]([-a-z0-9]*[a-z0-9])?')";
const QNAME = "name part must consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character (e.g. 'MyName',  or 'my.name',  or '123-abc', regex used for validation is '([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9]')";
const LABEL_VALUE = "a valid label must be an empty string or consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character (e.g. 'MyValue',  or 'my_value',  or '12345', regex used for validation is '(([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9])?')";

describe('name checks', () => {
  it.each([
    ['web-1', isDNS1123Subdomain, []],
    ['Foo_', isDNS1123Subdomain, [SUBDOMAIN]],
    ['a'.repeat(254), isDNS1123Subdomain, ['must be no more than 253 characters']],
    ['my.ns', isDNS1123Label, ['must not contain dots']],
    ['My_NS', isDNS1123Label, [LABEL]],
    ['1svc', isDNS1035Label, [DNS1035]],
    ['app', isQualifiedName, []],
    ['example.com/app', isQualifiedName, []],
    ['-app', isQualifiedName, [QNAME]],
    ['/app', isQualifiedName, ['prefix part must be non-empty']],
    ['bad value!', isValidLabelValue, [LABEL_VALUE]],
    ['a b', isConfigMapKey, ["a valid config key must consist of alphanumeric characters, '-', '_' or '.' (e.g. 'key.name',  or 'KEY_NAME',  or 'key-name', regex used for validation is '[-._a-zA-Z0-9]+')"]],
    ['..x', isConfigMapKey, ["must not start with '..'"]],
    ['http', isValidPortName, []],
    ['HTTP', isValidPortName, ['must contain only alpha-numeric characters (a-z, 0-9), and hyphens (-)', 'must contain at least one letter (a-z)']],
  ])('%s', (value, fn, want) => expect(fn(value)).toEqual(want));

  it('masks a trailing dash for generateName', () => {
    expect(nameIsDNSSubdomain('web-', true)).toEqual([]);
    expect(nameIsDNSSubdomain('web-', false)).toEqual([SUBDOMAIN]);
  });

  it('path segment names (RBAC) only forbid . .. / %', () => {
    expect(pathSegmentName('system:controller:Foo', false)).toEqual([]);
    expect(pathSegmentName('..', false)).toEqual(["may not be '..'"]);
    expect(pathSegmentName('a/b%c', false)).toEqual(["may not contain '/'", "may not contain '%'"]);
  });
});
