/**
 * Thin route-handler plumbing: resolve the caller, parse JSON, turn errors into
 * `{ error: { code, message } }` with the right status. Use cases live in lib/domain.
 */
import { resolveActor } from '@/lib/auth/actor';
import type { Actor } from '@/lib/domain/actor';
import { DomainError } from '@/lib/domain/errors';
import { logger } from '@/lib/logger';
import { refuseCrossSite } from './origin';

export function errorResponse(status: number, code: string, message: string, details?: Record<string, unknown>): Response {
  return Response.json({ error: { code, message, ...details } }, { status });
}

export function json(body: unknown, status = 200): Response {
  return Response.json(body, { status });
}

export async function readJson(req: Request): Promise<unknown> {
  const text = await req.text();
  if (text.length > 1_000_000) throw new DomainError('payload_too_large', 'Request body is too large', 413);
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
  if (err instanceof DomainError) return errorResponse(err.status, err.code, err.message, err.details);
  logger.error({ err }, 'API error');
  return errorResponse(500, 'internal', 'Something went wrong on our side. It has been logged.');
}
