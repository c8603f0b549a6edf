/** The fake Graph API routes the Switchboard connector calls (apiBaseUrl = simulator URL). */
import type { IncomingMessage } from 'node:http';
import { type RouteContext, type Router, sendJson } from '../http';
import type { SimulatorContext } from './context';
import { authenticatePage } from './graph-auth';
import { GraphError, graphErrors } from './graph-errors';
import { handleSend } from './send-api';
import type { Page } from './types';

const VERSION = /^v\d+(\.\d+)?$/;

export function registerGraphRoutes(router: Router, ctx: SimulatorContext): void {
  const send = graph(async ({ req, url, params }) => handleSend(ctx, req, url, params.node));
  router.add('POST', '/:version/:node/messages', send);
  router.add('GET', '/:version/:node', graph(async ({ req, url, params }) => readNode(ctx, req, url, params.node)));
}

/** Wraps a handler: version check, Graph-shaped errors, 200 JSON on success. */
function graph(handler: (rc: RouteContext) => Promise<unknown>) {
  return async (rc: RouteContext) => {
    try {
      if (!VERSION.test(rc.params.version)) throw graphErrors.unknownPath(rc.url.pathname);
      sendJson(rc.res, 200, await handler(rc));
    } catch (err) {
      if (!(err instanceof GraphError)) throw err;
      // Graph adds this header to token errors; clients such as the PHP SDK look at it.
      const headers: Record<string, string> =
        err.spec.code === 190 ? { 'WWW-Authenticate': `OAuth "Facebook Platform" "invalid_token" "${err.message}"` } : {};
      if (err.spec.retryAfterSeconds !== undefined) headers['Retry-After'] = String(err.spec.retryAfterSeconds);
      sendJson(rc.res, err.spec.httpStatus, err.body(), headers);
    }
  };
}

/** GET /:version/me or /:version/<pageId> → the page; GET /:version/<psid> → that customer's profile. */
function readNode(ctx: SimulatorContext, req: IncomingMessage, url: URL, node: string): Record<string, unknown> {
  const page = authenticatePage(ctx, req, url);
  const requested = (url.searchParams.get('fields') ?? '').split(',').map((f) => f.trim()).filter(Boolean);
  if (node === 'me' || node === page.pageId) return pick('Page', pageFields(page), requested, ['name']);
  const customer = ctx.state.customer(page.pageId, node);
  if (!customer || customer.lastInboundAt === null) throw graphErrors.unknownObject(node, 'get');
  const [first, ...rest] = customer.name.split(/\s+/);
  const profile = {
    id: customer.psid,
    name: customer.name,
    first_name: first ?? '',
    last_name: rest.join(' '),
    profile_pic: `http://${req.headers.host}/_sim/media/avatar.png`,
  };
  return pick('User', profile, requested, ['first_name', 'last_name', 'profile_pic']);
}

function pageFields(page: Page): Record<string, unknown> {
  return { id: page.pageId, name: page.name };
}

/** Graph returns the requested fields (or the node type's defaults) plus id. */
function pick(nodeType: string, node: Record<string, unknown>, requested: string[], defaults: string[]): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const field of requested.length ? requested : defaults) {
    if (!(field in node)) throw graphErrors.param(`Tried accessing nonexisting field (${field}) on node type (${nodeType})`);
    out[field] = node[field];
  }
  out.id = node.id;
  return out;
}
