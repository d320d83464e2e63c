/**
 * The part of the core that the web page runs as code (everything else of the core reaches the page as types
 * only, through index.ts): small pure functions, so that the page and the server normalise alike.
 */
export { must } from './must.ts';
export { compactName, normaliseName } from './network/names.ts';
