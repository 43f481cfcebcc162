// The validation edit runs on the saved file (the Schema of --validate): StripComments' text is
// parsed as YAML and checked for apiVersion and kind (paramVerifyingSchema); the failures,
// flattened as an Aggregate prints them, become the reason the file is reopened.
import { ApiError } from '../../../../client/types.js';
import { splitYamlDocuments } from '../../resource/files-yaml.js';
import { yamlToJson } from '../../../../printers/yaml/go-yaml-read.js';
import { objectKindErrors } from '../apply/objects/stream.js';

/** The validation failure's text, or undefined when the file passes. */
export function validateEdited(stripped: string): string | undefined {
  const errs: string[] = [];
  if (stripped.trimStart().startsWith('{')) {
    try {
      return aggregateText(objectKindErrors(JSON.parse(stripped)));
    } catch (err) {
      return (err as Error).message;
    }
  }
  const { chunks } = splitYamlDocuments(stripped);
  const r = yamlToJson(chunks[0] ?? '');
  if ('error' in r) errs.push(r.error);
  else errs.push(...objectKindErrors(r.value ?? null));
  return aggregateText(errs);
}

function aggregateText(errs: string[]): string | undefined {
  const unique = [...new Set(errs)];
  if (unique.length === 0) return undefined;
  return unique.length === 1 ? unique[0] : `[${unique.join(', ')}]`;
}

/** apierrors.NewInvalid(…, field.Invalid(nil, "The edited file failed validation", detail)). */
export function validationCause(detail: string): ApiError {
  return new ApiError({
    kind: 'Status', apiVersion: 'v1', status: 'Failure', code: 422, reason: 'Invalid', message: 'invalid',
    details: { causes: [{ reason: 'FieldValueInvalid', field: '<nil>', message: `Invalid value: "The edited file failed validation": ${detail}` }] },
  });
}
