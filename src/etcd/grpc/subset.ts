// The part of a protobufjs descriptor JSON (Root.toJSON) that one service needs: the service and
// every type its methods reach through fields, transitively. proto-loader's fromJSON builds a
// descriptor and a codec for every type it is given, so a client that calls one service loads
// only that service's part of rpc.proto (most of a dialing etcdctl call's proto cost otherwise).

/** A namespace, service, message or enum in Root.toJSON form. */
export interface JsonNode {
  nested?: Record<string, JsonNode>;
  methods?: Record<string, { requestType: string; responseType: string }>;
  fields?: Record<string, { type: string; [other: string]: unknown }>;
  [other: string]: unknown;
}

function at(root: JsonNode, path: string[]): JsonNode | undefined {
  let node: JsonNode | undefined = root;
  for (const part of path) node = node?.nested?.[part];
  return node;
}

/** protobuf's name resolution: a relative name is looked up in the scope, then each enclosing one. */
function resolve(root: JsonNode, scope: string[], name: string): string[] | undefined {
  if (name.startsWith('.')) {
    const path = name.slice(1).split('.');
    return at(root, path) ? path : undefined;
  }
  const parts = name.split('.');
  for (let i = scope.length; i >= 0; i--) {
    const path = [...scope.slice(0, i), ...parts];
    if (at(root, path)) return path;
  }
  return undefined;
}

/** The paths (dotted) of the service at `servicePath` and of every type it reaches. */
export function reachable(root: JsonNode, servicePath: string): Set<string> {
  const keep = new Set<string>();
  const todo: string[][] = [];
  const add = (path: string[] | undefined): void => {
    if (path === undefined || keep.has(path.join('.'))) return;
    keep.add(path.join('.'));
    todo.push(path);
  };
  add(resolve(root, [], `.${servicePath}`));
  for (let path = todo.pop(); path !== undefined; path = todo.pop()) {
    const node = at(root, path)!;
    for (const m of Object.values(node.methods ?? {})) {
      add(resolve(root, path.slice(0, -1), m.requestType));
      add(resolve(root, path.slice(0, -1), m.responseType));
    }
    // a field's type resolves from inside its message (nested types first); scalars resolve to nothing
    for (const f of Object.values(node.fields ?? {})) add(resolve(root, path, f.type));
  }
  return keep;
}

/** A Root.toJSON holding only what the service at `servicePath` (`pkg.Service`) reaches. */
export function serviceSubset(root: JsonNode, servicePath: string): JsonNode {
  const keep = reachable(root, servicePath);
  if (keep.size === 0) throw new Error(`no service ${servicePath} in the descriptor`);
  const out: JsonNode = {};
  // parents before children: a kept message is copied without its nested types, which are added
  // as they are kept
  for (const dotted of [...keep].sort((a, b) => a.split('.').length - b.split('.').length)) {
    const path = dotted.split('.');
    let src: JsonNode = root;
    let dst: JsonNode = out;
    for (const [i, part] of path.entries()) {
      src = src.nested![part]!;
      dst.nested ??= {};
      if (i === path.length - 1) {
        const { nested: _nested, ...own } = src;
        dst.nested[part] = own;
      } else {
        dst = dst.nested[part] ??= {};
      }
    }
  }
  return out;
}
