/**
 * `must`: the one guard for a lookup that cannot miss unless the code has a bug (an index built from the same
 * records, an id validated at the entry point, an element inside a loop's own bounds). It narrows `T | undefined`
 * to `T` for the compiler (noUncheckedIndexedAccess) and, unlike a non-null assertion, fails at the lookup with a
 * message naming what was missing instead of letting `undefined` travel on. Bad input is not a bug: entry points
 * reject it with a KeruenError first.
 *
 * Cost: one comparison, and the `what` string; in a loop pass a literal, not a template that builds a string
 * per call. Typed-array reads in hot loops use `?? 0` (or a sentinel) instead: a typed-array element within its
 * bounds check is never undefined, so V8 drops the test.
 */

/**
 * `value`, or a thrown Error "`what` is missing" when it is undefined or null (a DOM query that found nothing).
 * Pure; worker-safe.
 * @example
 *   const i = must(net.nodeIndex.get(id), `index of node ${id}`);
 */
export function must<T>(value: T | null | undefined, what: string): T {
  if (value === undefined || value === null) throw new Error(`${what} is missing`);
  return value;
}
