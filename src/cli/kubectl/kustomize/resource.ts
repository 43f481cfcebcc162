// One resource of a kustomize build: the object, the names and namespaces it had before the
// transformers renamed it (for fixing references), and whether a generator asked for a hash suffix.
export type Json = Record<string, unknown>;

export interface Gvk {
  group: string;
  version: string;
  kind: string;
}

export class Resource {
  /** every (namespace, name) this resource had, oldest first */
  readonly previous: { namespace: string; name: string }[] = [];
  needsHash = false;
  /** generator behavior: create, merge, replace */
  behavior = 'create';
  /** why writing it out fails (a key its YAML repeats), if it does */
  writeError?: string;

  constructor(public obj: Json) {}

  gvk(): Gvk {
    const av = typeof this.obj.apiVersion === 'string' ? this.obj.apiVersion : '';
    const slash = av.indexOf('/');
    return { group: slash < 0 ? '' : av.slice(0, slash), version: slash < 0 ? av : av.slice(slash + 1), kind: typeof this.obj.kind === 'string' ? this.obj.kind : '' };
  }

  private meta(): Json {
    if (this.obj.metadata === null || typeof this.obj.metadata !== 'object') this.obj.metadata = {};
    return this.obj.metadata as Json;
  }

  get name(): string {
    const n = this.meta().name;
    return typeof n === 'string' ? n : '';
  }

  get namespace(): string {
    const n = this.meta().namespace;
    return typeof n === 'string' ? n : '';
  }

  /** StorePreviousId then SetName */
  rename(name: string): void {
    this.previous.push({ namespace: this.namespace, name: this.name });
    this.meta().name = name;
  }

  setNamespace(ns: string): void {
    this.previous.push({ namespace: this.namespace, name: this.name });
    this.meta().namespace = ns;
  }

  /** the original name (before any prefix, suffix or hash) */
  get originalName(): string {
    return this.previous[0]?.name ?? this.name;
  }

  hasName(name: string): boolean {
    return this.name === name || this.previous.some((p) => p.name === name);
  }
}
