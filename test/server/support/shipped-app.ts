/** The API on the shipped dataset and an in-memory database: the server's own builder (src/server/shipped-app.ts). */
export { type ShippedApp, shippedApp } from '../../../src/server/index.ts';
