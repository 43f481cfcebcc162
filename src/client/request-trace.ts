// What a REST client reports about each request as it goes, for a caller that logs it (kubectl's
// -v=6..10 lines come from client-go's debugging round tripper and its body logging).

export interface TracedRequest {
  method: string;
  /** the full URL as sent, query included */
  url: string;
  /** the headers the client set (Accept, User-Agent, credentials, impersonation, Content-Type) */
  headers: Record<string, string | string[]>;
  /** the request body (undefined: none) */
  body?: string;
  /** an upgrade (WebSocket or SPDY) on a connection of its own, not a REST call */
  upgrade?: boolean;
}

export interface TracedResponse {
  /** `200 OK`: the status code and the server's reason phrase; '' when no response came */
  status: string;
  /** response headers in the order received (names as the server sent them) */
  headers: Array<[string, string]>;
  /** milliseconds from sending to the response head (or the failure) */
  ms: number;
  /** milliseconds waiting for a usable connection (0 for a kept-alive one) */
  connectMs: number;
  /** an upgrade's own connection: the TLS handshake's milliseconds */
  tlsMs?: number;
  /** milliseconds from the request written to the response head (0: none came) */
  serverMs: number;
  error?: Error;
}

export interface RequestTrace {
  /** before the request is sent */
  request(r: TracedRequest): void;
  /** when the response head arrived or the request failed */
  response(r: TracedRequest, res: TracedResponse): void;
  /** the whole response body, for requests whose body is read in one piece */
  body(r: TracedRequest, body: string): void;
}

/**
 * Reports one upgrade request (WebSocket or SPDY, made outside RestClient on a connection of its
 * own) to `trace`. done() with no response: none reached the caller (a refused WebSocket
 * handshake); serverTime: whether the server's time is known (the WebSocket dialer's trace).
 */
export function traceRequest(trace: RequestTrace | undefined, r: TracedRequest, serverTime = true): { socket(s: { once(e: 'secureConnect', f: () => void): unknown }): void; done(res: { statusCode?: number; statusMessage?: string; rawHeaders: string[] } | undefined, error?: Error): void } {
  if (!trace) return { socket: () => undefined, done: () => undefined };
  const req = { ...r, upgrade: true };
  trace.request(req);
  const start = performance.now();
  let tlsMs = 0;
  let reported = false;
  return {
    socket(s) {
      s.once('secureConnect', () => { tlsMs = performance.now() - start; });
    },
    done(res, error) {
      if (reported) return;
      reported = true;
      const ms = performance.now() - start;
      const headers: Array<[string, string]> = [];
      for (let i = 0; res && i + 1 < res.rawHeaders.length; i += 2) headers.push([res.rawHeaders[i]!, res.rawHeaders[i + 1]!]);
      const status = res ? `${res.statusCode ?? 0} ${res.statusMessage ?? ''}` : '';
      const serverMs = error || !serverTime ? 0 : Math.max(ms - tlsMs, 0);
      trace.response(req, { status, headers, ms, connectMs: 0, tlsMs, serverMs, ...(error ? { error } : {}) });
    },
  };
}
