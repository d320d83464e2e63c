/**
 * Builds the Fastify instance of the Keruen API (started by server.ts, tested in-process with app.inject()):
 * identity first (the token is verified before anything reads the request), rate limits on that identity, a
 * JSON parser that refuses deep and ambiguous bodies, finite timeouts, security headers, zod validation of every
 * request with the core's schemas, heavy questions in the work pool, OpenAPI 3.1 at /openapi.json with
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
import { EMPTY_LIBRARY, type ScenarioLibrary } from '../core/index.ts';
import { clientOf, identify } from './auth.ts';
import type { AppDeps } from './deps.ts';
import { errorHandler, sendError } from './errors.ts';
import { JobRunner } from './job-runner.ts';
import { parseJsonBody } from './json-body.ts';
import { completeDocument } from './openapi.ts';
import { appraisalRoutes } from './routes/appraisal.ts';
import { emissionsRoutes } from './routes/emissions.ts';
import { exportsRoutes } from './routes/exports.ts';
import { healthRoutes } from './routes/health.ts';
import { itineraryEmissionsRoutes } from './routes/itinerary-emissions.ts';
import { jobRoutes } from './routes/jobs.ts';
import { networkRoutes } from './routes/network.ts';
import { reliabilityRoutes } from './routes/reliability.ts';
import { routeRoutes } from './routes/routes.ts';
import { scenarioFlowRoutes } from './routes/scenario-flows.ts';
import { scenarioRoutes } from './routes/scenarios.ts';
import { shipmentRoutes } from './routes/shipments.ts';
import { simulationRoutes } from './routes/simulations.ts';
import { sweepRoutes } from './routes/sweeps.ts';
import { sharedRateLimitStore } from './shared-rate-limit.ts';
import { WorkPool, type WorkPoolOptions } from './work-pool.ts';
import { type WorkContext, workContext } from './work-tasks.ts';

export interface AppOptions extends Omit<AppDeps, 'now' | 'library' | 'work'> {
  now?: (() => Date) | undefined;
  /** The dataset's scenarios and demand sets (default: none). */
  library?: ScenarioLibrary | undefined;
  /** Work pool settings; `threads: 0` answers heavy questions in this thread (default: 1 thread). */
  workPool?: Partial<WorkPoolOptions> | undefined;
  /** Whether the server is reached over TLS (then HSTS is sent). */
  tls?: boolean | undefined;
  /** Time for a whole request (headers and body) to arrive, ms. Default 15 s. */
  requestTimeoutMs?: number | undefined;
  /** Folder of the built web page (dist/web); served at / when it exists. */
  webDir?: string | undefined;
  logger?: boolean | undefined;
  /** Requests per minute per client (token id, else IP); 0 turns the limit off. Default 600. */
  rateLimitPerMinute?: number | undefined;
  /** Count requests in the database, shared with other instances on it (PostgreSQL), not in this process. */
  sharedRateLimits?: boolean | undefined;
  /** Route responses kept in the response cache (0 turns it off). Default 2000. */
  routeCacheEntries?: number | undefined;
  /** Largest accepted request body, bytes. Default 256 KiB: a scenario with new records fits, a dump does not. */
  bodyLimitBytes?: number | undefined;
}

/** Timeouts, ms: a request (headers and body) must arrive within REQUEST; an idle socket closes after IDLE. */
const HEADERS_TIMEOUT_MS = 10_000;
const REQUEST_TIMEOUT_MS = 15_000;
const KEEP_ALIVE_TIMEOUT_MS = 5_000;

function workPoolOf(opts: AppOptions, library: ScenarioLibrary): WorkPool {
  const data = { network: opts.network, emissionFactors: opts.emissionFactors, library };
  // A pool thread rebuilds the emissions model from the factors; without them it could not match this one.
  const threads = opts.emissions !== undefined && opts.emissionFactors === undefined ? 0 : opts.workPool?.threads;
  const inline = (): WorkContext => workContext(data, opts.emissions);
  return new WorkPool(data, { ...opts.workPool, ...(threads === undefined ? {} : { threads }) }, inline);
}

/** The bare Fastify instance: limits and timeouts, the guarded JSON parser, identity first, errors as JSON. */
function createFastify(opts: AppOptions, deps: AppDeps): FastifyInstance {
  const idleMs = deps.work.options.timeoutMs + 10_000;
  const requestMs = opts.requestTimeoutMs ?? REQUEST_TIMEOUT_MS;
  const app = Fastify({
    logger: opts.logger ?? false,
    bodyLimit: opts.bodyLimitBytes ?? 256 * 1024,
    // A socket idle past the heavy-work budget, a request slower to arrive than REQUEST_TIMEOUT_MS: closed.
    connectionTimeout: idleMs,
    requestTimeout: requestMs,
    keepAliveTimeout: KEEP_ALIVE_TIMEOUT_MS,
    // Node checks the timeouts above every connectionsCheckingInterval (30 s by default): check often.
    http: {
      headersTimeout: Math.min(HEADERS_TIMEOUT_MS, requestMs),
      connectionsCheckingInterval: Math.max(250, Math.min(1000, requestMs / 4)),
    },
    routerOptions: { maxParamLength: 200 },
  }).withTypeProvider<ZodTypeProvider>();
  app.addHook('onClose', async () => deps.work.close());
  app.removeContentTypeParser('application/json');
  app.addContentTypeParser('application/json', { parseAs: 'string' }, (_req, body, done) => {
    try {
      done(null, parseJsonBody(body as string));
    } catch (e) {
      done(e as Error, undefined);
    }
  });
  // Identity before anything else reads the request: the rate limit keys on it.
  app.addHook('onRequest', identify(deps.storage));
  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);
  app.setErrorHandler(errorHandler);
  app.setNotFoundHandler((req, reply) =>
    sendError(reply, 404, { error: 'not_found', message: `no route ${req.method} ${req.url.split('?')[0]}` }),
  );
  return app;
}

/** Security headers and the rate limit on the verified identity. */
async function registerGuards(app: FastifyInstance, opts: AppOptions): Promise<void> {
  await app.register(helmet, {
    // Same origin only, no inline scripts (docs/security.md). Inline styles stay allowed: MapLibre and
    // Observable Plot set style attributes on the elements they draw.
    contentSecurityPolicy: {
      directives: {
        defaultSrc: ["'self'"],
        scriptSrc: ["'self'"],
        styleSrc: ["'self'", "'unsafe-inline'"],
        imgSrc: ["'self'", 'data:', 'blob:'],
        connectSrc: ["'self'"],
        workerSrc: ["'self'", 'blob:'],
        upgradeInsecureRequests: opts.tls === true ? [] : null,
      },
    },
    // HSTS over plain HTTP is ignored by browsers at best and pins a host to HTTPS it may not serve at worst.
    strictTransportSecurity: opts.tls === true,
  });
  const perMinute = opts.rateLimitPerMinute ?? 600;
  if (perMinute <= 0) return;
  await app.register(rateLimit, {
    max: perMinute,
    timeWindow: 60_000,
    // The verified token (identify ran first), else the address: a made-up token id is just the address.
    keyGenerator: clientOf,
    ...(opts.sharedRateLimits ? { store: sharedRateLimitStore(opts.storage), skipOnError: true } : {}),
    errorResponseBuilder: (_req, ctx) =>
      Object.assign(new Error(`rate limit: at most ${ctx.max} requests per minute; retry in ${ctx.after}`), {
        statusCode: 429,
        code: 'rate_limited',
      }),
  });
}

/** OpenAPI 3.1 from the request schemas, at /openapi.json, and the interactive docs at /docs. */
async function registerDocs(app: FastifyInstance): Promise<void> {
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
    transformObject: (documentObject) =>
      'openapiObject' in documentObject ? completeDocument(documentObject.openapiObject) : documentObject.swaggerObject,
  });
  await app.register(swaggerUi, { routePrefix: '/docs' });
  app.get('/openapi.json', { schema: { hide: true } }, async () => app.swagger());
}

async function registerRoutes(app: FastifyInstance, deps: AppDeps, opts: AppOptions): Promise<void> {
  await app.register(healthRoutes(deps));
  await app.register(networkRoutes(deps));
  await app.register(routeRoutes(deps, opts.routeCacheEntries ?? 2000));
  await app.register(reliabilityRoutes(deps));
  if (deps.emissionFactors !== undefined) await app.register(emissionsRoutes(deps.emissionFactors));
  if (deps.emissionFactors !== undefined) await app.register(itineraryEmissionsRoutes(deps, deps.emissionFactors));
  await app.register(exportsRoutes(deps, deps.exports));
  await app.register(simulationRoutes(deps));
  await app.register(sweepRoutes(deps));
  await app.register(jobRoutes(deps));
  await app.register(scenarioFlowRoutes(deps));
  await app.register(appraisalRoutes(deps));
  await app.register(scenarioRoutes(deps));
  await app.register(shipmentRoutes(deps));
}

const PAGE_NOT_BUILT =
  '<!doctype html><html lang="en"><meta charset="utf-8"><title>Keruen: web page not built</title>' +
  '<h1>The web page has not been built</h1><p>Run <code>npm run build:web</code> (it writes ' +
  '<code>dist/web</code>), then reload; <code>keruen serve</code> also builds it on start when Vite is ' +
  'installed. The API is running: <a href="/docs">/docs</a>, <a href="/openapi.json">/openapi.json</a>.</p>';

/** Vite names the files under assets/ after their content: they never change, so they are cached for a year. */
export function cacheControlOf(path: string): string {
  return /[\\/]assets[\\/]/.test(path) ? 'public, max-age=31536000, immutable' : 'no-cache';
}

/** The built page at /, or, before `npm run build:web`, a page that says how to build it (never a bare 404). */
async function registerWebPage(app: FastifyInstance, webDir: string | undefined): Promise<void> {
  if (webDir === undefined) return;
  if (existsSync(`${webDir}/index.html`)) {
    await app.register(fastifyStatic, {
      root: webDir,
      prefix: '/',
      wildcard: false,
      // The build writes .br and .gz twins (web/build/compress-assets.ts): sent as they are, per Accept-Encoding.
      preCompressed: true,
      setHeaders: (reply, path) => reply.header('cache-control', cacheControlOf(path)),
    });
    return;
  }
  app.get('/', { schema: { hide: true } }, (_req, reply) =>
    reply.code(503).type('text/html; charset=utf-8').send(PAGE_NOT_BUILT),
  );
}

export async function buildApp(opts: AppOptions): Promise<FastifyInstance> {
  const library = opts.library ?? EMPTY_LIBRARY;
  const work = workPoolOf(opts, library);
  // One job queue for every route that starts jobs, so that a cancel or a progress stream finds any of them.
  const jobs = opts.jobs ?? new JobRunner(opts.storage, work);
  const deps: AppDeps = { ...opts, library, work, jobs, now: opts.now ?? (() => new Date()) };
  const app = createFastify(opts, deps);
  await registerGuards(app, opts);
  await registerDocs(app);
  await registerRoutes(app, deps, opts);
  await registerWebPage(app, opts.webDir);
  await app.ready();
  return app;
}
