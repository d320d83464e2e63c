/**
 * The JSON body parser: refuses, before JSON.parse builds anything, bodies nested deeper than MAX_DEPTH and
 * objects with a repeated key (which JSON.parse would silently resolve to the last one) or a `__proto__` key. One
 * pass over the text (bodies are at most the body limit, 256 KiB by default).
 */

export const MAX_DEPTH = 64;

export class BodyRejected extends Error {
  readonly statusCode = 400;
  constructor(
    readonly code: 'too_deep' | 'duplicate_key' | 'forbidden_key' | 'invalid_json',
    message: string,
  ) {
    super(message);
  }
}

interface Frame {
  object: boolean;
  keys: Set<string> | undefined;
  expectKey: boolean;
}

/** End index (exclusive) of the string literal starting at `i` (a quote). */
function stringEnd(text: string, i: number): number {
  let j = i + 1;
  while (j < text.length) {
    const c = text.charCodeAt(j);
    if (c === 92) j += 2;
    else if (c === 34) return j + 1;
    else j++;
  }
  throw new BodyRejected('invalid_json', 'body is not valid JSON: a string is not closed');
}

function checkKey(frame: Frame, literal: string, at: number): void {
  let key: string;
  try {
    key = JSON.parse(literal) as string;
  } catch {
    throw new BodyRejected('invalid_json', `body is not valid JSON: bad string at position ${at}`);
  }
  if (key === '__proto__')
    throw new BodyRejected('forbidden_key', `body holds the key ${JSON.stringify(key)}, which is refused`);
  frame.keys ??= new Set();
  if (frame.keys.has(key))
    throw new BodyRejected('duplicate_key', `body repeats the key ${JSON.stringify(key)} in one object`);
  frame.keys.add(key);
}

/** Throws BodyRejected for a body too deep, with a duplicate or prototype key; JSON.parse checks the rest. */
export function checkJsonShape(text: string): void {
  const stack: Frame[] = [];
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    const top = stack[stack.length - 1];
    if (c === 34) {
      const end = stringEnd(text, i);
      if (top?.object && top.expectKey) {
        checkKey(top, text.slice(i, end), i);
        top.expectKey = false;
      }
      i = end - 1;
    } else if (c === 123 || c === 91) {
      if (stack.length >= MAX_DEPTH)
        throw new BodyRejected('too_deep', `body is nested deeper than ${MAX_DEPTH} levels`);
      stack.push({ object: c === 123, keys: undefined, expectKey: c === 123 });
    } else if (c === 125 || c === 93) stack.pop();
    else if (c === 44 && top?.object) top.expectKey = true;
  }
}

export function parseJsonBody(text: string): unknown {
  checkJsonShape(text);
  try {
    return JSON.parse(text) as unknown;
  } catch (e) {
    throw new BodyRejected('invalid_json', `body is not valid JSON: ${(e as Error).message}`);
  }
}
