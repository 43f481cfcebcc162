// The descriptor JSON @grpc/proto-loader gives for a message type (package definition entries'
// `type`): what the protojson printers of etcdctl and crictl walk to emit fields in .proto order.

export interface FieldDescriptor {
  name: string;
  type: string;
  typeName: string;
  label: string;
}

export interface MessageDescriptor {
  name?: string;
  field: FieldDescriptor[];
  nestedType?: (MessageDescriptor & { name: string; options?: { mapEntry?: boolean } | null })[];
}
