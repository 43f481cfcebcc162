// Go's text/tabwriter lives with the printers; the CLIs' help formatting uses it from there.
export { tabwrite, type TabOptions } from '../../printers/tabwriter.js';
