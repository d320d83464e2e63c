/**
 * Builds the Fastify instance of the Keruen API (started by server.ts, tested in-process with app.inject()):
 * security headers, body and rate limits, zod validation of every request, OpenAPI 3.1 at /openapi.json with
 * interactive docs at /docs, the routes, and the web page at / when it has been built.
 */
import { existsSync } from 'node:fs';
import helmet from '@fastify/helmet';
import rateLimit from '@fastify/rate-limit';
import fastifyStatic from '@fastify/static';
import swagger from '@fastify/swagger';
import swaggerUi from '@fastify/swagger-ui';
import Fastify, { type FastifyInstance } from 'fastify';
import {
  jsonSchemaTransform,
  serializerCompiler,
  validatorCompiler,
  type ZodTypeProvider,
} from 'fastify-type-provider-zod';
import type { AppDeps } from './deps.ts';
import { errorHandler, sendError } from './errors.ts';
import { emissionsRoutes } from './routes/emissions.ts';
import { healthRoutes } from './routes/health.ts';
import { networkRoutes } from './routes/network.ts';
import { reliabilityRoutes } from './routes/reliability.ts';
import { routeRoutes } from './routes/routes.ts';
import { scenarioFlowRoutes } from './routes/scenario-flows.ts';
import { scenarioRoutes } from './routes/scenarios.ts';
import { shipmentRoutes } from './routes/shipments.ts';
import { simulationRoutes } from './routes/simulations.ts';

export interface AppOptions extends Omit<AppDeps, 'now'> {
  now?: (() => Date) | undefined;
  /** Folder of the built web page (dist/web); served at / when it exists. */
  webDir?: string | undefined;
  logger?: boolean | undefined;
  /** Requests per minute per client (token id, else IP); 0 turns the limit off. Default 600. */
  rateLimitPerMinute?: number | undefined;
  /** Route responses kept in the response cache (0 turns it off). Default 2000. */
  routeCacheEntries?: number | undefined;
  /** Largest accepted request body, bytes. Default 256 KiB: a scenario with new records fits, a dump does not. */
  bodyLimitBytes?: number | undefined;
}

export async function buildApp(opts: AppOptions): Promise<FastifyInstance> {
  const deps: AppDeps = { ...opts, now: opts.now ?? (() => new Date()) };
  const app = Fastify({
    logger: opts.logger ?? false,
    bodyLimit: opts.bodyLimitBytes ?? 256 * 1024,
    // Query strings: ignore keys beyond this many instead of building huge objects.
    routerOptions: { maxParamLength: 200 },
  }).withTypeProvider<ZodTypeProvider>();
  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);
  app.setErrorHandler(errorHandler);
  app.setNotFoundHandler((req, reply) =>
    sendError(reply, 404, { error: 'not_found', message: `no route ${req.method} ${req.url.split('?')[0]}` }),
  );

  await app.register(helmet, {
    // The docs page and the web page load their own scripts and styles; keep the CSP to same origin.
    contentSecurityPolicy: {
      directives: {
        defaultSrc: ["'self'"],
        scriptSrc: ["'self'", "'unsafe-inline'"],
        styleSrc: ["'self'", "'unsafe-inline'"],
        imgSrc: ["'self'", 'data:', 'blob:', 'https:'],
        connectSrc: ["'self'", 'https:'],
        workerSrc: ["'self'", 'blob:'],
      },
    },
  });
  const perMinute = opts.rateLimitPerMinute ?? 600;
  if (perMinute > 0) {
    await app.register(rateLimit, {
      max: perMinute,
      timeWindow: 60_000,
      keyGenerator: (req) => {
        const h = req.headers.authorization;
        const m = typeof h === 'string' ? /^Bearer\s+krn_([0-9a-f]{12})_/i.exec(h) : null;
        return m ? `token:${m[1]}` : `ip:${req.ip}`;
      },
      errorResponseBuilder: (_req, ctx) => {
        const e = new Error(`rate limit: at most ${ctx.max} requests per minute; retry in ${ctx.after}`) as Error & {
          statusCode: number;
          code: string;
        };
        e.statusCode = 429;
        e.code = 'rate_limited';
        return e;
      },
    });
  }

  await app.register(swagger, {
    openapi: {
      openapi: '3.1.0',
      info: {
        title: 'Keruen API',
        description:
          'Digital twin of the Eurasian freight corridors: the sourced network, multi-criteria route search, ' +
          'reliability, emissions, scenarios and shipment tracking. Reads are public; writes need a bearer token ' +
          '(`keruen token create`).',
        version: '0.1.0',
      },
      components: { securitySchemes: { bearerAuth: { type: 'http', scheme: 'bearer' } } },
    },
    transform: jsonSchemaTransform,
  });
  await app.register(swaggerUi, { routePrefix: '/docs' });

  await app.register(healthRoutes(deps));
  await app.register(networkRoutes(deps));
  await app.register(routeRoutes(deps, opts.routeCacheEntries ?? 2000));
  await app.register(reliabilityRoutes(deps));
  if (deps.emissionFactors !== undefined) await app.register(emissionsRoutes(deps.emissionFactors));
  await app.register(simulationRoutes(deps));
  await app.register(scenarioFlowRoutes(deps));
  await app.register(scenarioRoutes(deps));
  await app.register(shipmentRoutes(deps));
  app.get('/openapi.json', { schema: { hide: true } }, async () => app.swagger());

  if (opts.webDir !== undefined && existsSync(opts.webDir)) {
    await app.register(fastifyStatic, { root: opts.webDir, prefix: '/', wildcard: false });
  }
  await app.ready();
  return app;
}
