// Data the package ships under fixtures/ (OpenAPI schemas, protobuf field tables), found by
// walking up from the calling module, so it works from src/ (tests) and from dist/ (bundles).
import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';

export function fixturePath(relative: string, what: string, from: string): string {
  for (let dir = from; ; dir = dirname(dir)) {
    const candidate = join(dir, relative);
    if (existsSync(candidate)) return candidate;
    if (dirname(dir) === dir) throw new Error(`${what} (${relative}) was not found above ${from}`);
  }
}
