/**
 * GET /exports for the Exports view (issue 18): the same request schema as `keruen exports`, sent as a query
 * string; the answer's type is the core's (type-only import, erased at build).
 */
import type { ExportsAnswer, ExportsRequestInput } from '../../src/core/index.ts';
import { getToken } from './api.ts';

export type { ExportsAnswer };

export async function getExports(q: ExportsRequestInput): Promise<ExportsAnswer> {
  const params = new URLSearchParams();
  if (q.commodity) params.set('commodity', q.commodity);
  if (q.scenario && q.scenario !== 'baseline') params.set('scenario', q.scenario);
  const token = getToken();
  const res = await fetch(`/exports${params.size > 0 ? `?${params}` : ''}`, {
    headers: { accept: 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
  });
  const body = (await res.json().catch(() => undefined)) as { message?: string } | undefined;
  if (!res.ok) throw new Error(body?.message ?? `GET /exports: HTTP ${res.status}`);
  return body as ExportsAnswer;
}
