// The editor's printer: YAML (keys sorted as for any decoded object) or, with -o json, JSON.
import type { Obj } from '../../../../client/types.js';
import { toKubectlJson } from '../../../../printers/json.js';
import { toKubectlYaml } from '../../../../printers/yaml.js';

export const printForEdit = (obj: Obj, format: 'yaml' | 'json'): string => (format === 'json' ? toKubectlJson(obj) : toKubectlYaml(obj));
