/**
 * Child process of the SIGKILL test: the API on the fixture network and the database file given as argument,
 * listening on a free port that it prints as one JSON line.
 */
import { fixtureApp } from './fixture-app.ts';

const dbFile = process.argv[2];
if (dbFile === undefined) throw new Error('usage: serve-fixture.ts <db file>');
const { app } = await fixtureApp({ dbFile, now: () => new Date() });
await app.listen({ port: 0, host: '127.0.0.1' });
const addr = app.server.address();
process.stdout.write(`${JSON.stringify({ port: typeof addr === 'object' && addr !== null ? addr.port : 0 })}\n`);
