/**
 * What every storage backend must do, as one suite run against each (SQLite and PostgreSQL): tokens, owned
 * scenarios and shipments, gapless event numbers under concurrent writes, jobs that finish once, and data that
 * survives closing and reopening.
 */
import { describe, expect, it } from 'vitest';
import type { Storage } from '../../../src/server/storage/storage.ts';

export interface Backend {
  /** A fresh, empty store. */
  open(): Promise<Storage>;
  /** The same store opened again (a restart). */
  reopen(): Promise<Storage>;
}

const event = (node: string) => ({ type: 'arrived', node, at: '2026-03-03T00:00:00.000Z', warnings: [] });

export function storageContract(name: string, backend: () => Backend): void {
  describe(`${name}: the storage contract`, () => {
    it('verifies, lists and revokes tokens; a revoked or forged token is refused', async () => {
      const s = await backend().open();
      const { token, info } = await s.createToken('ops');
      expect((await s.verifyToken(token))?.id).toBe(info.id);
      expect(await s.verifyToken(`${token.slice(0, -2)}xx`)).toBeUndefined();
      expect((await s.listTokens()).map((t) => t.id)).toEqual([info.id]);
      expect(await s.revokeToken(info.id)).toBe(true);
      expect(await s.revokeToken(info.id)).toBe(false);
      expect(await s.verifyToken(token)).toBeUndefined();
      await s.close();
    });

    it('keeps scenarios per owner: another owner sees, changes and deletes nothing', async () => {
      const s = await backend().open();
      const a = (await s.createToken('a')).info.id;
      const b = (await s.createToken('b')).info.id;
      const sc = await s.createScenario(a, { name: 'S', document: { id: 's', changes: [{ kind: 'close' }] } });
      expect(await s.findScenario(b, sc.id)).toBeUndefined();
      expect(await s.updateScenario(b, sc.id, { name: 'X', document: {} })).toBeUndefined();
      expect(await s.deleteScenario(b, sc.id)).toBe(false);
      const up = await s.updateScenario(a, sc.id, { name: 'S2', document: { id: 's', changes: [] } });
      expect(up).toMatchObject({ name: 'S2', document: { id: 's', changes: [] } });
      expect((await s.listScenarios(a)).map((x) => x.id)).toEqual([sc.id]);
      expect(await s.deleteScenario(a, sc.id)).toBe(true);
      expect(await s.listScenarios(a)).toEqual([]);
      await s.close();
    });

    it('numbers a shipment’s events 1..n without gaps or repeats, even when written at once', async () => {
      const s = await backend().open();
      const owner = (await s.createToken('ops')).info.id;
      const sh = await s.createShipment(owner, { request: { from: 'a' }, itinerary: { legs: [] }, deadline: 'd' });
      const recs = await Promise.all(
        Array.from({ length: 20 }, (_, i) => s.addShipmentEvent(owner, sh.id, event(`n${i}`))),
      );
      expect(recs.map((r) => r?.seq).sort((x, y) => (x ?? 0) - (y ?? 0))).toEqual(
        Array.from({ length: 20 }, (_, i) => i + 1),
      );
      const listed = await s.listShipmentEvents(owner, sh.id);
      expect(listed?.map((e) => e.seq)).toEqual(Array.from({ length: 20 }, (_, i) => i + 1));
      expect(await s.addShipmentEvent('nobody', sh.id, event('x'))).toBeUndefined();
      expect(await s.listShipmentEvents('nobody', sh.id)).toBeUndefined();
      expect(await s.deleteShipment(owner, sh.id)).toBe(true);
      expect(await s.findShipment(owner, sh.id)).toBeUndefined();
      await s.close();
    });

    it('runs a job to the end once: later changes to a finished job are refused', async () => {
      const s = await backend().open();
      const owner = (await s.createToken('ops')).info.id;
      const j = await s.createJob(owner, 'port', { teuPerWeek: 100 });
      expect(j).toMatchObject({ status: 'queued', progress: 0, request: { teuPerWeek: 100 } });
      expect(await s.countActiveJobs(owner)).toBe(1);
      expect(await s.updateJob(j.id, { status: 'running', progress: 0.5 })).toMatchObject({ progress: 0.5 });
      const done = await s.updateJob(j.id, { status: 'done', result: { ok: 1 } });
      expect(done).toMatchObject({ status: 'done', progress: 1, result: { ok: 1 } });
      expect(done?.finishedAt).toBeDefined();
      expect(await s.updateJob(j.id, { status: 'failed' })).toBeUndefined();
      expect(await s.countActiveJobs(owner)).toBe(0);
      expect(await s.findJob('nobody', j.id)).toBeUndefined();
      expect((await s.getJob(j.id))?.status).toBe('done');
      expect(await s.getJob('no-such-job')).toBeUndefined();
      await s.close();
    });

    it('keeps each part of a job once, the first written, even when parts are written at once', async () => {
      const s = await backend().open();
      const owner = (await s.createToken('ops')).info.id;
      const j = await s.createJob(owner, 'sweep', {});
      // Parts 0..9, each written three times concurrently (a variant run again after a worker died).
      const writes = Array.from({ length: 30 }, (_, i) => s.addJobPart(j.id, i % 10, { part: i % 10, copy: i }));
      const stored = await Promise.all(writes);
      expect(stored.filter(Boolean)).toHaveLength(10);
      expect(await s.countJobParts(j.id)).toBe(10);
      const parts = await s.listJobParts(j.id);
      expect(parts.map((p) => p.part)).toEqual([0, 1, 2, 3, 4, 5, 6, 7, 8, 9]);
      expect(parts.every((p) => (p.result as { part: number }).part === p.part)).toBe(true);
      expect(await s.addJobPart(j.id, 3, { again: true })).toBe(false);
      expect(await s.countJobParts('no-such-job')).toBe(0);
      await s.close();
    });

    it("counts a client's requests per window, together across concurrent calls, and starts a new window", async () => {
      const s = await backend().open();
      const key = `client-${Math.random()}`;
      const t = 1_700_000_000_000;
      const hits = await Promise.all(Array.from({ length: 20 }, () => s.hitRateLimit(key, 60_000, t)));
      expect(hits.map((h) => h.hits).sort((a, b) => a - b)).toEqual(Array.from({ length: 20 }, (_, i) => i + 1));
      expect(new Set(hits.map((h) => h.resetAtMs))).toEqual(new Set([t + 60_000]));
      expect(await s.hitRateLimit(key, 60_000, t + 59_999)).toEqual({ hits: 21, resetAtMs: t + 60_000 });
      expect(await s.hitRateLimit(key, 60_000, t + 60_000)).toEqual({ hits: 1, resetAtMs: t + 120_000 });
      expect(await s.hitRateLimit(`${key}-other`, 60_000, t)).toEqual({ hits: 1, resetAtMs: t + 60_000 });
      await s.close();
    });

    it('keeps everything acknowledged across closing and reopening', async () => {
      const b = backend();
      const s = await b.open();
      const { token, info } = await s.createToken('ops');
      const sc = await s.createScenario(info.id, { name: 'S', document: { id: 's' } });
      const sh = await s.createShipment(info.id, { name: 'Box', request: {}, itinerary: { k: 1 }, deadline: 'd' });
      const ev = await s.addShipmentEvent(info.id, sh.id, event('a'));
      await s.close();
      const r = await b.reopen();
      expect((await r.verifyToken(token))?.id).toBe(info.id);
      expect(await r.findScenario(info.id, sc.id)).toEqual(sc);
      expect(await r.findShipment(info.id, sh.id)).toEqual(sh);
      expect(await r.listShipmentEvents(info.id, sh.id)).toEqual([ev]);
      expect(await r.integrityCheck()).toBe('ok');
      await r.close();
    });
  });
}
