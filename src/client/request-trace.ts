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
