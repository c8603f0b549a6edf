/**
 * The request id: the caller's X-Request-Id when it is a plain token (a proxy or load balancer
 * in front may set one), else a fresh UUID. Anything else is replaced, so a header cannot inject
 * text into log lines or responses.
 */
import { randomUUID } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';

export const REQUEST_ID_HEADER = 'x-request-id';
const VALID = /^[A-Za-z0-9._-]{1,128}$/;

export function requestIdFrom(header: string | string[] | undefined): string {
  const value = Array.isArray(header) ? header[0] : header;
  return value !== undefined && VALID.test(value) ? value : randomUUID();
}

/** Sets the id on the request (for Next's handlers) and on the response; returns it. */
export function stampRequestId(req: IncomingMessage, res: ServerResponse): string {
  const id = requestIdFrom(req.headers[REQUEST_ID_HEADER]);
  req.headers[REQUEST_ID_HEADER] = id;
  res.setHeader('X-Request-Id', id);
  return id;
}
