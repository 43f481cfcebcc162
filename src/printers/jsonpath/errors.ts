// The errors of the jsonpath engine. Messages are upstream's texts, without kubectl's wrapping.

import type { Val } from './values.js';

/** A template that does not parse (parser.go). */
export class JsonPathParseError extends Error {}

/**
 * A template that fails on the data (jsonpath.go), e.g. `nope is not found`. Upstream's steps
 * return a value alongside their error, and an existence filter (`[?(@.a[1])]`) still tests that
 * value: `partial` carries it.
 */
export class JsonPathExecError extends Error {
  constructor(
    message: string,
    readonly partial: Val[] = [],
  ) {
    super(message);
  }
}
