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

/** Reports one request made outside RestClient (an upgrade: WebSocket or SPDY) to `trace`. */
export function traceRequest(trace: RequestTrace | undefined, r: TracedRequest): { done(res: { statusCode?: number; statusMessage?: string; rawHeaders: string[] } | undefined, error?: Error): void } {
  if (!trace) return { done: () => undefined };
  trace.request(r);
  const start = performance.now();
  let reported = false;
  return {
    done(res, error) {
      if (reported) return;
      reported = true;
      const ms = performance.now() - start;
      const headers: Array<[string, string]> = [];
      for (let i = 0; res && i + 1 < res.rawHeaders.length; i += 2) headers.push([res.rawHeaders[i]!, res.rawHeaders[i + 1]!]);
      const status = res ? `${res.statusCode ?? 0} ${res.statusMessage ?? ''}` : '';
      trace.response(r, { status, headers, ms, connectMs: 0, serverMs: res ? ms : 0, ...(error ? { error } : {}) });
    },
  };
}
