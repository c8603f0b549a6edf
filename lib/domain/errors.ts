/** Errors the API turns into `{ error: { code, message } }` with the given HTTP status. */
export class DomainError extends Error {
  constructor(
    readonly code: string,
    message: string,
    readonly status: number,
    readonly details?: Record<string, unknown>,
    /** Extra response headers, e.g. Retry-After on 429. */
    readonly headers?: Record<string, string>,
  ) {
    super(message);
    this.name = 'DomainError';
  }
}

export const notFound = (what: string) => new DomainError('not_found', `${what} not found`, 404);
export const forbidden = (message = 'You do not have permission to do this') => new DomainError('forbidden', message, 403);
export const invalid = (message: string, details?: Record<string, unknown>) => new DomainError('invalid_request', message, 400, details);
