/** Ties a request to its heavy task: a client that closes its connection cancels the task it was waiting for. */
import type { FastifyReply } from 'fastify';

export function cancelOnClose(reply: FastifyReply): AbortSignal {
  const ac = new AbortController();
  // 'close' also fires after a response is sent; only a close before the answer was written cancels.
  reply.raw.once('close', () => {
    if (!reply.raw.writableFinished) ac.abort();
  });
  return ac.signal;
}
