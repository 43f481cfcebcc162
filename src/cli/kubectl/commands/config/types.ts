// client-go's clientcmd types as data: the internal api.Config (maps keyed by name, json tags that
// `kubectl config set` navigates, e.g. `act-as`) and how each field is written in v1 (named lists,
// `as`, omitempty). One table drives decoding, encoding, set/unset and redaction.

/** A Go type as the kubeconfig types use them. */
export type GoType =
  | { k: 'string' }
  | { k: 'bool' }
  | { k: 'bytes' }
  | { k: 'slice'; elem: GoType }
  | MapType
  | { k: 'ptr'; elem: StructType }
  | StructType
  | { k: 'object' };

export interface MapType {
  k: 'map';
  elem: GoType;
  /** map values are pointers (map[string]*api.Cluster) */
  ptr?: boolean;
  /** v1 writes the map as a list of {name, <key>: value} (NamedCluster, NamedExtension…) */
  named?: { key: string; type: string };
}

export interface StructType {
  k: 'struct';
  name: string;
  fields: Field[];
}

export interface Field {
  /** the internal json tag (what `config set` paths name); '-' for LocationOfOrigin */
  tag: string;
  /** the v1 json name, null when not serialized */
  v1: string | null;
  type: GoType;
  omitempty: boolean;
  /** v1's omitempty when it differs from the internal one */
  v1OmitEmpty?: boolean;
  /** carries a datapolicy tag: redacted by `config view` */
  secret?: boolean;
}

const STRING: GoType = { k: 'string' };
const BOOL: GoType = { k: 'bool' };
const BYTES: GoType = { k: 'bytes' };
const OBJECT_MAP: MapType = { k: 'map', elem: { k: 'object' }, named: { key: 'extension', type: 'NamedExtension' } };

const f = (tag: string, type: GoType, omitempty = true, v1: string | null = tag): Field => ({ tag, v1, type, omitempty });
const origin = (): Field => f('-', STRING, false, null);
const extensions = (): Field => f('extensions', OBJECT_MAP);

const PREFERENCES: StructType = {
  k: 'struct', name: 'Preferences', fields: [f('colors', BOOL), extensions()],
};

export const CLUSTER: StructType = {
  k: 'struct', name: 'Cluster', fields: [
    origin(), f('server', STRING, false), f('tls-server-name', STRING), f('insecure-skip-tls-verify', BOOL),
    f('certificate-authority', STRING), f('certificate-authority-data', BYTES), f('proxy-url', STRING),
    f('disable-compression', BOOL), extensions(),
  ],
};

export const AUTH_PROVIDER: StructType = {
  k: 'struct', name: 'AuthProviderConfig', fields: [
    f('name', STRING, false), { ...f('config', { k: 'map', elem: STRING }), v1OmitEmpty: false },
  ],
};

export const EXEC_ENV: StructType = {
  k: 'struct', name: 'ExecEnvVar', fields: [f('name', STRING, false), f('value', STRING, false)],
};

export const EXEC: StructType = {
  k: 'struct', name: 'ExecConfig', fields: [
    f('command', STRING, false), f('args', { k: 'slice', elem: STRING }, false),
    f('env', { k: 'slice', elem: EXEC_ENV }, false), f('apiVersion', STRING), f('installHint', STRING),
    f('provideClusterInfo', BOOL, false), f('interactiveMode', STRING),
  ],
};

export const AUTH_INFO: StructType = {
  k: 'struct', name: 'AuthInfo', fields: [
    origin(), f('client-certificate', STRING), f('client-certificate-data', BYTES), f('client-key', STRING),
    { ...f('client-key-data', BYTES), secret: true }, { ...f('token', STRING), secret: true }, f('tokenFile', STRING),
    f('act-as', STRING, true, 'as'), f('act-as-uid', STRING, true, 'as-uid'),
    f('act-as-groups', { k: 'slice', elem: STRING }, true, 'as-groups'),
    f('act-as-user-extra', { k: 'map', elem: { k: 'slice', elem: STRING } }, true, 'as-user-extra'),
    f('username', STRING), { ...f('password', STRING), secret: true },
    f('auth-provider', { k: 'ptr', elem: AUTH_PROVIDER }), f('exec', { k: 'ptr', elem: EXEC }), extensions(),
  ],
};

export const CONTEXT: StructType = {
  k: 'struct', name: 'Context', fields: [
    origin(), f('cluster', STRING, false), f('user', STRING, false), f('namespace', STRING), extensions(),
  ],
};

const named = (elem: StructType, key: string, type: string): MapType => ({ k: 'map', elem, ptr: true, named: { key, type } });

export const CONFIG: StructType = {
  k: 'struct', name: 'Config', fields: [
    f('kind', STRING), f('apiVersion', STRING), f('preferences', PREFERENCES, false),
    f('clusters', named(CLUSTER, 'cluster', 'NamedCluster'), false),
    f('users', named(AUTH_INFO, 'user', 'NamedAuthInfo'), false),
    f('contexts', named(CONTEXT, 'context', 'NamedContext'), false),
    f('current-context', STRING, false), extensions(),
  ],
};

/** reflect.Type's String() for the type, in the internal (`api`) or v1 package. */
export function goTypeName(t: GoType, pkg: 'api' | 'v1'): string {
  switch (t.k) {
    case 'string':
    case 'bool':
      return t.k;
    case 'bytes':
      return '[]uint8';
    case 'object':
      return 'runtime.Object';
    case 'slice':
      return `[]${goTypeName(t.elem, pkg)}`;
    case 'ptr':
      return `*${goTypeName(t.elem, pkg)}`;
    case 'struct':
      return `${pkg}.${t.name}`;
    case 'map':
      if (pkg === 'v1' && t.named) return `[]v1.${t.named.type}`;
      return `map[string]${t.ptr ? '*' : ''}${goTypeName(t.elem, pkg)}`;
  }
}
