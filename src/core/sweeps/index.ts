/** Sweeps: many scenario runs over scenarios, demand growth and seeds, and their distributions (issue 20). */
export * from './run-variant.ts';
export * from './sweep-summary.ts';
export * from './sweep-variants.ts';
