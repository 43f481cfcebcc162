// etcd's services for a client, from the build's static code (scripts/etcd-codec.mjs): the gRPC
// service definitions and message entries @grpc/proto-loader would make from rpc.proto with
// keepCase, without loading proto-loader or building protobuf.js reflection at run time. Present
// only beside a bundled program (dist/); unbundled, callers load rpc.proto with proto-loader.
import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { MethodDefinition, PackageDefinition } from '@grpc/proto-loader';
import { loadBundle } from '../../client/cjs.js';

/** A class pbjs generates for a message. */
interface MessageClass {
  fromObject(o: object): object;
  encode(m: object): { finish(): Uint8Array };
  decode(b: Uint8Array): object;
  toObject(m: object, options: object): object;
}

interface MethodTypes {
  path: string;
  requestStream: boolean;
  responseStream: boolean;
  originalName: string;
  requestType: string;
  responseType: string;
}

/** dist/etcd-rpc-types.json */
interface RpcTypes {
  /** proto-loader's descriptors, with the name and each field's name, type, typeName and label */
  messages: Record<string, object>;
  services: Record<string, Record<string, MethodTypes>>;
}

const MESSAGE_FORMAT = 'Protocol Buffer 3 DescriptorProto';

function built(file: string): string | undefined {
  const path = fileURLToPath(new URL(`./${file}`, import.meta.url));
  return existsSync(path) ? path : undefined;
}

/** proto-loader's serializer: the object converted to a message, encoded (a Buffer, in Node). */
function serializer(C: MessageClass): (o: object) => Buffer {
  return (o) => C.encode(C.fromObject(o)).finish() as Buffer;
}

/**
 * A loader of etcd's services with the toObject options given (proto-loader's, minus keepCase, which
 * the build applied), or undefined when the build's files are absent. Each call returns a package
 * definition holding one service and every message type.
 */
export function staticServiceLoader(options: object): ((service: string) => PackageDefinition) | undefined {
  const codecFile = built('etcd-codec.cjs');
  const typesFile = built('etcd-rpc-types.json');
  if (codecFile === undefined || typesFile === undefined) return undefined;
  const root = loadBundle<Record<string, unknown>>(codecFile);
  const types = JSON.parse(readFileSync(typesFile, 'utf8')) as RpcTypes;
  const messages: PackageDefinition = {};
  const classes = new Map<string, MessageClass>();
  for (const [name, type] of Object.entries(types.messages)) {
    let C: unknown = root;
    for (const part of name.split('.')) C = (C as Record<string, unknown>)[part];
    classes.set(name, C as MessageClass);
    const cls = C as MessageClass;
    Object.assign(messages, {
      [name]: { format: MESSAGE_FORMAT, type, fileDescriptorProtos: [], serialize: serializer(cls), deserialize: (b: Buffer) => cls.toObject(cls.decode(b), options) },
    });
  }
  return (service) => {
    const full = `etcdserverpb.${service}`;
    const methods: Record<string, MethodDefinition<object, object>> = {};
    for (const [name, m] of Object.entries(types.services[full] ?? {})) {
      const req = classes.get(m.requestType)!;
      const res = classes.get(m.responseType)!;
      methods[name] = {
        path: m.path,
        requestStream: m.requestStream,
        responseStream: m.responseStream,
        requestSerialize: serializer(req),
        requestDeserialize: (b: Buffer) => req.toObject(req.decode(b), options),
        responseSerialize: serializer(res),
        responseDeserialize: (b: Buffer) => res.toObject(res.decode(b), options),
        originalName: m.originalName,
        requestType: messages[m.requestType] as MethodDefinition<object, object>['requestType'],
        responseType: messages[m.responseType] as MethodDefinition<object, object>['responseType'],
        options: {} as MethodDefinition<object, object>['options'],
      };
    }
    return { ...messages, [full]: methods };
  };
}
