/** Terminal formatting shared by the CLI commands. */
import { formatIssue, type Issue } from '../core/index.ts';

/** One issue per terminal line: `file: id: field = value: message`. */
export function issueLine(i: Issue): string {
  return formatIssue(i);
}
