// The messages of package openapi.v2 (gnostic's OpenAPIv2.proto, github.com/google/gnostic-models),
// in which kube-apiserver sends /openapi/v2 to clients that ask for protobuf: names, field
// numbers, types and oneofs, written as protobufjs's JSON descriptor (Root.fromJSON reads it), so
// the encoder and a decoder share one table. A field is `[repeated] <type> <number>`.
//
// The JSON document maps onto them as gnostic's compiler maps it: `x-` keys become
// `vendor_extension` (NamedAny, the value as YAML text in Any.yaml); JSON objects keyed by name
// (definitions, properties, parameters, ...) become `additional_properties` lists of Named*
// pairs in document order; a oneof message wraps the same JSON object as one of its members.

export interface FieldDescriptor {
  type: string;
  id: number;
  rule?: 'repeated';
}

export interface MessageDescriptor {
  fields: Record<string, FieldDescriptor>;
  oneofs?: Record<string, { oneof: string[] }>;
}

type Spec = Record<string, string>;

function field(spec: string): FieldDescriptor {
  const parts = spec.split(' ');
  const id = Number(parts.pop());
  const type = parts.pop()!;
  return parts[0] === 'repeated' ? { rule: 'repeated', type, id } : { type, id };
}

function message(spec: Spec): MessageDescriptor {
  return { fields: Object.fromEntries(Object.entries(spec).map(([name, s]) => [name, field(s)])) };
}

/** A message that is one of its fields (gnostic names the oneof `oneof`). */
function oneof(spec: Spec): MessageDescriptor {
  return { ...message(spec), oneofs: { oneof: { oneof: Object.keys(spec) } } };
}

/** A message with one list of (name, value) pairs: a JSON object keyed by name. */
function named(pair: string): MessageDescriptor {
  return message({ additional_properties: `repeated ${pair} 1` });
}

/** A (name, value) pair of a map. */
function pair(valueType: string): MessageDescriptor {
  return message({ name: 'string 1', value: `${valueType} 2` });
}

/** The primitive-value run shared by items, headers and non-body parameters, from field `n`. */
function primitive(n: number): Spec {
  const run = [
    ['type', 'string'], ['format', 'string'], ['items', 'PrimitivesItems'], ['collection_format', 'string'],
    ['default', 'Any'], ['maximum', 'double'], ['exclusive_maximum', 'bool'], ['minimum', 'double'],
    ['exclusive_minimum', 'bool'], ['max_length', 'int64'], ['min_length', 'int64'], ['pattern', 'string'],
    ['max_items', 'int64'], ['min_items', 'int64'], ['unique_items', 'bool'], ['enum', 'repeated Any'],
    ['multiple_of', 'double'],
  ] as const;
  return Object.fromEntries(run.map(([name, type], i) => [name, `${type} ${n + i}`]));
}

const ext = (n: number): Spec => ({ vendor_extension: `repeated NamedAny ${n}` });
const NON_BODY_HEAD: Spec = { required: 'bool 1', in: 'string 2', description: 'string 3', name: 'string 4' };
const WITH_EMPTY: Spec = { ...NON_BODY_HEAD, allow_empty_value: 'bool 5', ...primitive(6), ...ext(23) };
const WITHOUT_EMPTY: Spec = { ...NON_BODY_HEAD, ...primitive(5), ...ext(22) };
const OAUTH_HEAD: Spec = { type: 'string 1', flow: 'string 2', scopes: 'Oauth2Scopes 3' };

const SCHEMA: Spec = {
  _ref: 'string 1', format: 'string 2', title: 'string 3', description: 'string 4', default: 'Any 5',
  multiple_of: 'double 6', maximum: 'double 7', exclusive_maximum: 'bool 8', minimum: 'double 9',
  exclusive_minimum: 'bool 10', max_length: 'int64 11', min_length: 'int64 12', pattern: 'string 13',
  max_items: 'int64 14', min_items: 'int64 15', unique_items: 'bool 16', max_properties: 'int64 17',
  min_properties: 'int64 18', required: 'repeated string 19', enum: 'repeated Any 20',
  additional_properties: 'AdditionalPropertiesItem 21', type: 'TypeItem 22', items: 'ItemsItem 23',
  all_of: 'repeated Schema 24', properties: 'Properties 25', discriminator: 'string 26',
  read_only: 'bool 27', xml: 'Xml 28', external_docs: 'ExternalDocs 29', example: 'Any 30', ...ext(31),
};

const DOCUMENT: Spec = {
  swagger: 'string 1', info: 'Info 2', host: 'string 3', base_path: 'string 4',
  schemes: 'repeated string 5', consumes: 'repeated string 6', produces: 'repeated string 7',
  paths: 'Paths 8', definitions: 'Definitions 9', parameters: 'ParameterDefinitions 10',
  responses: 'ResponseDefinitions 11', security: 'repeated SecurityRequirement 12',
  security_definitions: 'SecurityDefinitions 13', tags: 'repeated Tag 14', external_docs: 'ExternalDocs 15',
  ...ext(16),
};

const OPERATION: Spec = {
  tags: 'repeated string 1', summary: 'string 2', description: 'string 3', external_docs: 'ExternalDocs 4',
  operation_id: 'string 5', produces: 'repeated string 6', consumes: 'repeated string 7',
  parameters: 'repeated ParametersItem 8', responses: 'Responses 9', schemes: 'repeated string 10',
  deprecated: 'bool 11', security: 'repeated SecurityRequirement 12', ...ext(13),
};

const PATH_ITEM: Spec = {
  _ref: 'string 1', get: 'Operation 2', put: 'Operation 3', post: 'Operation 4', delete: 'Operation 5',
  options: 'Operation 6', head: 'Operation 7', patch: 'Operation 8', parameters: 'repeated ParametersItem 9',
  ...ext(10),
};

const MESSAGES: Record<string, MessageDescriptor> = {
  Document: message(DOCUMENT),
  Info: message({
    title: 'string 1', version: 'string 2', description: 'string 3', terms_of_service: 'string 4',
    contact: 'Contact 5', license: 'License 6', ...ext(7),
  }),
  Contact: message({ name: 'string 1', url: 'string 2', email: 'string 3', ...ext(4) }),
  License: message({ name: 'string 1', url: 'string 2', ...ext(3) }),
  ExternalDocs: message({ description: 'string 1', url: 'string 2', ...ext(3) }),
  Tag: message({ name: 'string 1', description: 'string 2', external_docs: 'ExternalDocs 3', ...ext(4) }),
  Xml: message({
    name: 'string 1', namespace: 'string 2', prefix: 'string 3', attribute: 'bool 4', wrapped: 'bool 5', ...ext(6),
  }),
  Paths: message({ ...ext(1), path: 'repeated NamedPathItem 2' }),
  PathItem: message(PATH_ITEM),
  Operation: message(OPERATION),
  ParametersItem: oneof({ parameter: 'Parameter 1', json_reference: 'JsonReference 2' }),
  Parameter: oneof({ body_parameter: 'BodyParameter 1', non_body_parameter: 'NonBodyParameter 2' }),
  BodyParameter: message({
    description: 'string 1', name: 'string 2', in: 'string 3', required: 'bool 4', schema: 'Schema 5', ...ext(6),
  }),
  NonBodyParameter: oneof({
    header_parameter_sub_schema: 'HeaderParameterSubSchema 1',
    form_data_parameter_sub_schema: 'FormDataParameterSubSchema 2',
    query_parameter_sub_schema: 'QueryParameterSubSchema 3',
    path_parameter_sub_schema: 'PathParameterSubSchema 4',
  }),
  HeaderParameterSubSchema: message(WITHOUT_EMPTY),
  FormDataParameterSubSchema: message(WITH_EMPTY),
  QueryParameterSubSchema: message(WITH_EMPTY),
  PathParameterSubSchema: message(WITHOUT_EMPTY),
  PrimitivesItems: message({ ...primitive(1), ...ext(18) }),
  Header: message({ ...primitive(1), description: 'string 18', ...ext(19) }),
  JsonReference: message({ _ref: 'string 1', description: 'string 2' }),
  Responses: message({ response_code: 'repeated NamedResponseValue 1', ...ext(2) }),
  ResponseValue: oneof({ response: 'Response 1', json_reference: 'JsonReference 2' }),
  Response: message({
    description: 'string 1', schema: 'SchemaItem 2', headers: 'Headers 3', examples: 'Examples 4', ...ext(5),
  }),
  SchemaItem: oneof({ schema: 'Schema 1', file_schema: 'FileSchema 2' }),
  FileSchema: message({
    format: 'string 1', title: 'string 2', description: 'string 3', default: 'Any 4', required: 'repeated string 5',
    type: 'string 6', read_only: 'bool 7', external_docs: 'ExternalDocs 8', example: 'Any 9', ...ext(10),
  }),
  Schema: message(SCHEMA),
  AdditionalPropertiesItem: oneof({ schema: 'Schema 1', boolean: 'bool 2' }),
  TypeItem: message({ value: 'repeated string 1' }),
  ItemsItem: message({ schema: 'repeated Schema 1' }),
  StringArray: message({ value: 'repeated string 1' }),
  Any: message({ value: 'google.protobuf.Any 1', yaml: 'string 2' }),
  SecurityDefinitionsItem: oneof({
    basic_authentication_security: 'BasicAuthenticationSecurity 1', api_key_security: 'ApiKeySecurity 2',
    oauth2_implicit_security: 'Oauth2ImplicitSecurity 3', oauth2_password_security: 'Oauth2PasswordSecurity 4',
    oauth2_application_security: 'Oauth2ApplicationSecurity 5', oauth2_access_code_security: 'Oauth2AccessCodeSecurity 6',
  }),
  BasicAuthenticationSecurity: message({ type: 'string 1', description: 'string 2', ...ext(3) }),
  ApiKeySecurity: message({ type: 'string 1', name: 'string 2', in: 'string 3', description: 'string 4', ...ext(5) }),
  Oauth2ImplicitSecurity: message({ ...OAUTH_HEAD, authorization_url: 'string 4', description: 'string 5', ...ext(6) }),
  Oauth2PasswordSecurity: message({ ...OAUTH_HEAD, token_url: 'string 4', description: 'string 5', ...ext(6) }),
  Oauth2ApplicationSecurity: message({ ...OAUTH_HEAD, token_url: 'string 4', description: 'string 5', ...ext(6) }),
  Oauth2AccessCodeSecurity: message({
    ...OAUTH_HEAD, authorization_url: 'string 4', token_url: 'string 5', description: 'string 6', ...ext(7),
  }),
  Definitions: named('NamedSchema'),
  Properties: named('NamedSchema'),
  ParameterDefinitions: named('NamedParameter'),
  ResponseDefinitions: named('NamedResponse'),
  SecurityDefinitions: named('NamedSecurityDefinitionsItem'),
  SecurityRequirement: named('NamedStringArray'),
  Headers: named('NamedHeader'),
  Examples: named('NamedAny'),
  Default: named('NamedAny'),
  VendorExtension: named('NamedAny'),
  Oauth2Scopes: named('NamedString'),
  NamedAny: pair('Any'),
  NamedHeader: pair('Header'),
  NamedParameter: pair('Parameter'),
  NamedPathItem: pair('PathItem'),
  NamedResponse: pair('Response'),
  NamedResponseValue: pair('ResponseValue'),
  NamedSchema: pair('Schema'),
  NamedSecurityDefinitionsItem: pair('SecurityDefinitionsItem'),
  NamedString: pair('string'),
  NamedStringArray: pair('StringArray'),
};

/** The openapi.v2 messages by name. */
export function openapiV2Message(name: string): MessageDescriptor {
  const m = MESSAGES[name];
  if (!m) throw new Error(`openapi.v2 has no message ${name}`);
  return m;
}

export interface NamespaceDescriptor {
  nested: Record<string, NamespaceDescriptor | MessageDescriptor>;
}

/** The package as protobufjs's JSON descriptor (with google.protobuf.Any, which Any.value uses). */
export function openapiV2Descriptor(): NamespaceDescriptor {
  const any = message({ type_url: 'string 1', value: 'bytes 2' });
  return {
    nested: {
      google: { nested: { protobuf: { nested: { Any: any } } } },
      openapi: { nested: { v2: { nested: MESSAGES } } },
    },
  };
}
