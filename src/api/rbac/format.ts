// Go's text formatting as RBAC messages use it: %q quoting (strconv.Quote) and the message of
// apimachinery's utilerrors.Aggregate.
import { goQuote } from '../../printers/go-quote.js';

export { goQuote };

/**
 * utilerrors.NewAggregate(errs).Error(): nested aggregates are flattened, one message is
 * itself, several are de-duplicated and wrapped as "[a, b]". Undefined when there are none.
 */
export function aggregateMessage(messages: readonly string[]): string | undefined {
  if (messages.length === 0) return undefined;
  const seen = [...new Set(messages)];
  if (seen.length === 1) return seen[0];
  return `[${seen.join(', ')}]`;
}
