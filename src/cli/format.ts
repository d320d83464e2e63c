/** Terminal formatting shared by the CLI commands. */
import { formatIssue, type Issue } from '../core/errors.ts';

/** Issue line for the terminal; NaN and infinities print as themselves rather than JSON's null. */
export function issueLine(i: Issue): string {
  if (typeof i.value === 'number' && !Number.isFinite(i.value)) {
    const where = [i.file, i.id, i.field].filter((x) => x !== undefined && x !== '').join(': ');
    return `${where} = ${i.value}: ${i.message}`;
  }
  return formatIssue(i);
}
