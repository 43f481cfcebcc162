// The error client-go's Request.DoRaw gives for a non-2xx answer: it never decodes a Status; it is
// errors.NewGenericServerResponse(code, method, resource, name, text) — a fixed message per code,
// the server's text only where that keeps it (403, 415, 5xx; a text/* body, else "unknown"),
// then `(<verb> <resource> <name>)`.
const FIXED: Record<number, string> = {
  409: 'the server reported a conflict',
  404: 'the server could not find the requested resource',
  400: 'the server rejected our request for an unknown reason',
  401: 'the server has asked for the client to provide credentials',
  405: 'the server does not allow this method on the requested resource',
  422: 'the server rejected our request due to an error in our request',
  503: 'the server is currently unable to handle the request',
  504: 'the server was unable to return a response in the time allotted, but may still be processing the request',
  429: 'the server has received too many requests and has asked us to try again later',
};

/** The body as client-go keeps it: text as is (trimmed), anything JSON as "unknown". */
export function serverText(body: string): string {
  try {
    JSON.parse(body);
    return 'unknown';
  } catch {
    return body.trim();
  }
}

/** NewGenericServerResponse's reason for a code. */
const REASONS: Record<number, string> = {
  409: 'Conflict', 404: 'NotFound', 400: 'BadRequest', 401: 'Unauthorized', 403: 'Forbidden', 406: 'NotAcceptable',
  415: 'UnsupportedMediaType', 405: 'MethodNotAllowed', 422: 'Invalid', 503: 'ServiceUnavailable', 504: 'Timeout',
  429: 'TooManyRequests',
};

export function genericServerReason(code: number): string {
  return REASONS[code] ?? (code >= 500 ? 'InternalError' : 'Unknown');
}

export function genericServerMessage(code: number, method: string, resource: string, name: string, text: string): string {
  let message = FIXED[code] ?? `the server responded with the status code ${code} but did not return more information`;
  if (code === 403 || code === 406 || code === 415) message = text;
  else if (FIXED[code] === undefined && code >= 500) message = `an error on the server (${JSON.stringify(text)}) has prevented the request from succeeding`;
  if (resource === '') return message;
  return `${message} (${method.toLowerCase()} ${resource}${name ? ` ${name}` : ''})`;
}
