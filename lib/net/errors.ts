/**
 * Typed failures of the outbound fetch for URLs that came from outside. Their messages are safe to
 * show to callers (no resolved addresses, no socket errors); `detail` is for the log only.
 */
export class OutboundFetchError extends Error {
  readonly detail?: string;
  constructor(message: string, detail?: string) {
    super(message);
    this.name = 'OutboundFetchError';
    this.detail = detail;
  }
}

/** The URL's scheme or (resolved) address is one Switchboard refuses to reach. */
export class UnsafeUrlError extends OutboundFetchError {
  constructor(message: string, detail?: string) {
    super(message, detail);
    this.name = 'UnsafeUrlError';
  }
}

/** The response is larger than the cap (known from Content-Length, or counted while streaming). */
export class TooLargeError extends OutboundFetchError {
  readonly maxBytes: number;
  constructor(maxBytes: number) {
    super(`The file is larger than the ${formatBytes(maxBytes)} limit`);
    this.name = 'TooLargeError';
    this.maxBytes = maxBytes;
  }
}

/** More redirects than allowed. */
export class TooManyRedirectsError extends OutboundFetchError {
  constructor(max: number) {
    super(`The link redirected more than ${max} times`);
    this.name = 'TooManyRedirectsError';
  }
}

const formatBytes = (n: number) => (n >= 1024 * 1024 ? `${Math.round(n / (1024 * 1024))} MB` : `${Math.round(n / 1024)} KB`);
