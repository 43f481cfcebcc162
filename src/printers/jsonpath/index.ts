// kubectl's JSONPath dialect (k8s.io/client-go/util/jsonpath) and its printers' helpers.

export { JsonPathExecError, JsonPathParseError } from './errors.js';
export { goJsonMarshal, goJsonMarshalIndent } from './gojson.js';
export { goSort, type SortInterface } from '../go-sort.js';
export { formatFloatG, goQuote, goSyntax, sprintData } from './gofmt.js';
export { JsonPath, type JsonPathOptions } from './jsonpath.js';
export { executeJsonPath, parseJsonPath, printResults, type ExecuteOptions, type JsonPathTemplate } from './print.js';
export { JsonPathPrinter, JsonPathPrinterError, NO_TEMPLATE_GIVEN, templateReadError, type JsonPathFormat, type JsonPathPrinterOptions } from './printer.js';
export { RELAXED_PATH_ERROR, RelaxedPathError, relaxedJsonPathExpression } from './relaxed.js';
export { compareGoStrings, isGoInt, kindOf, unwrap, type GoKind, type Val } from './values.js';
