// Go's %q of a string (strconv.Quote) and the wording of its file-system errors.
import { goQuote } from '../../../../printers/go-quote.js';
import { goErrnoText } from '../../../../client/go-errno.js';

export { goQuote };
/** The syscall error's text (a *PathError's Err), as Go prints it. */
export { goErrnoText as goErrno };

