/**
 * Thin route-handler plumbing: resolve the caller, parse JSON, turn errors into
 * `{ error: { code, message } }` with the right status. Use cases live in lib/domain.
 */
import { resolveActor } from '@/lib/auth/actor';
import type { Actor } from '@/lib/domain/actor';
import { DomainError } from '@/lib/domain/errors';
import { BUSY_RETRY_AFTER_SECONDS, isDatabaseBusy } from '@/lib/db-busy';
import { readBoundedText } from './read-body';
import { logger } from '@/lib/logger';
import { refuseCrossSite } from './origin';

export function errorResponse(status: number, code: string, message: string, details?: Record<string, unknown>, headers?: HeadersInit): Response {
  return Response.json({ error: { code, message, ...details } }, { status, headers });
}

export function json(body: unknown, status = 200): Response {
  return Response.json(body, { status });
}

/** Default cap on JSON bodies of the REST API; routes open to anyone pass a smaller one. */
export const JSON_MAX_BYTES = 1_000_000;

export async function readJson(req: Request, maxBytes = JSON_MAX_BYTES): Promise<unknown> {
  const text = await readBoundedText(req, maxBytes);
  if (!text) return {};
  try {
    return JSON.parse(text);
  } catch {
    throw new DomainError('invalid_json', 'Request body is not valid JSON', 400);
  }
}

export function searchParams(req: Request): Record<string, string> {
  return Object.fromEntries(new URL(req.url).searchParams);
}

type Ctx<P> = { params: Promise<P> };

/** Wraps a handler that needs a signed-in caller (session or API token). */
export function authed<P = Record<string, string>>(fn: (req: Request, actor: Actor, params: P) => Promise<Response>) {
  return async (req: Request, ctx: Ctx<P>): Promise<Response> => {
    try {
      const crossSite = refuseCrossSite(req); // session cookies only act for our own pages
      if (crossSite) return crossSite;
      const actor = await resolveActor(req.headers);
      if (!actor) return errorResponse(401, 'unauthorized', 'Sign in or send a valid API token (Authorization: Bearer <token>)');
      return await fn(req, actor, await ctx.params);
    } catch (err) {
      return handleError(err);
    }
  };
}

/** Wraps a handler open to anyone (first-run setup). */
export function open<P = Record<string, string>>(fn: (req: Request, params: P) => Promise<Response>) {
  return async (req: Request, ctx: Ctx<P>): Promise<Response> => {
    try {
      const crossSite = refuseCrossSite(req);
      if (crossSite) return crossSite;
      return await fn(req, await ctx.params);
    } catch (err) {
      return handleError(err);
    }
  };
}

function handleError(err: unknown): Response {
  if (err instanceof DomainError) return errorResponse(err.status, err.code, err.message, err.details, err.headers);
  if (isDatabaseBusy(err)) {
    logger.warn({ err }, 'API request refused: database busy');
    return errorResponse(503, 'busy', 'Switchboard is busy right now; retry in a few seconds.', undefined, { 'retry-after': String(BUSY_RETRY_AFTER_SECONDS) });
  }
  logger.error({ err }, 'API error');
  return errorResponse(500, 'internal', 'Something went wrong on our side. It has been logged.');
}
