/**
 * The web app and JSON API over one ledger, as a Hono app: routes are testable with app.request()
 * and served by @hono/node-server (see serve.ts). Pages live in src/web, the API in api.ts; errors of
 * both become one shape here: JSON under /api, an error page for people.
 */
import { Hono, type Context } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import { secureHeaders } from 'hono/secure-headers';
import { HTTPException } from 'hono/http-exception';
import { apiRoutes, type AppDeps } from './api.ts';
import { HttpError, errorBody } from './errors.ts';
import { ledgerLinks } from './links.ts';
import { MAX_BODY_BYTES, ingestRequest } from './write.ts';
import { openApiDocument } from './openapi.ts';
import { assetRoute } from '../web/assets.ts';
import { pageRoutes } from '../web/routes.ts';
import { errorPage } from '../web/pages/error.ts';

export type AppOptions = Omit<AppDeps, 'links'> & Partial<Pick<AppDeps, 'links'>>;

const wantsJson = (c: Context) => c.req.path.startsWith('/api/') || c.req.path === '/openapi.json' || (c.req.method !== 'GET' && c.req.method !== 'HEAD');

export function createApp(opts: AppOptions): Hono {
  const deps: AppDeps = { ...opts, links: opts.links ?? ledgerLinks(opts.ledger) };
  const app = new Hono();

  app.use(
    '*',
    secureHeaders({
      // everything the pages need comes from this server; article text can never bring in a script or a frame
      contentSecurityPolicy: {
        defaultSrc: ["'self'"],
        scriptSrc: ["'self'"],
        styleSrc: ["'self'"],
        imgSrc: ["'self'", 'data:'],
        connectSrc: ["'self'"],
        objectSrc: ["'none'"],
        baseUri: ["'none'"],
        formAction: ["'self'"],
        frameAncestors: ["'none'"],
      },
      referrerPolicy: 'no-referrer',
      crossOriginResourcePolicy: 'same-origin',
    }),
  );
  app.use(
    '*',
    bodyLimit({
      maxSize: MAX_BODY_BYTES,
      onError: () => {
        throw new HttpError(413, 'body-too-large', `the request body is over the limit of ${MAX_BODY_BYTES} bytes`);
      },
    }),
  );

  app.onError((err, c) => {
    const e =
      err instanceof HttpError ? err
      : err instanceof HTTPException ? new HttpError(err.status as HttpError['status'], 'http', err.message || 'bad request')
      : new HttpError(500, 'internal', 'the server failed on this request; the log has the details');
    if (e.status === 500) console.error(err);
    if (wantsJson(c)) return c.json(errorBody(e), e.status);
    return c.html(errorPage(e).value, e.status);
  });
  app.notFound((c) => {
    const e = new HttpError(404, 'not-found', `nothing at ${c.req.method} ${c.req.path}`);
    return wantsJson(c) ? c.json(errorBody(e), 404) : c.html(errorPage(e).value, 404);
  });

  app.get('/assets/:name', assetRoute);
  app.route('/api', apiRoutes(deps));
  app.get('/openapi.json', (c) => c.json(openApiDocument()));
  // the issue names POST /documents; the API's own path is /api/documents
  app.post('/documents', (c) => ingestRequest(c, deps.ledger, deps.writeToken));
  app.route('/', pageRoutes(deps));
  return app;
}
