// apimachinery's ValidateNameFunc family: which rule an object's metadata.name follows.
// `prefix` is true for generateName, where a trailing dash is allowed.
import { isDNS1035Label, isDNS1123Label, isDNS1123Subdomain, isValidPathSegmentName } from './names.js';

export type NameFn = (name: string, prefix: boolean) => string[];

function maskTrailingDash(name: string): string {
  return name.length > 1 && name.endsWith('-') ? `${name.slice(0, -2)}a` : name;
}

export const nameIsDNSSubdomain: NameFn = (name, prefix) => isDNS1123Subdomain(prefix ? maskTrailingDash(name) : name);
export const nameIsDNSLabel: NameFn = (name, prefix) => isDNS1123Label(prefix ? maskTrailingDash(name) : name);
export const nameIsDNS1035Label: NameFn = (name, prefix) => isDNS1035Label(prefix ? maskTrailingDash(name) : name);

/** path.ValidatePathSegmentName: the generic rule every stored object's name passes. */
export const pathSegmentName: NameFn = (name, prefix) => {
  if (prefix) return ['/', '%'].filter((c) => name.includes(c)).map((c) => `may not contain '${c}'`);
  return isValidPathSegmentName(name);
};

/** CertificateSigningRequest names are not checked beyond the generic path-segment rule. */
export const anyName: NameFn = () => [];
