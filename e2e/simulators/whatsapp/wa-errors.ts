/**
 * Cloud API errors in Meta's shape: {"error":{message,type,code,error_data:{messaging_product,details},fbtrace_id}}
 * (no error_subcode since v16). 360dialog passes them through unchanged. Throttling is HTTP 400, not 429.
 */
import { newFbtraceId } from './ids';

export class WaError extends Error {
  constructor(
    readonly httpStatus: number,
    readonly code: number,
    readonly title: string,
    readonly details?: string,
  ) {
    super(title);
  }

  body(): { error: Record<string, unknown> } {
    return {
      error: {
        message: `(#${this.code}) ${this.title}`,
        type: 'OAuthException',
        code: this.code,
        error_data: { messaging_product: 'whatsapp', details: this.details ?? this.title },
        fbtrace_id: newFbtraceId(),
      },
    };
  }

  /** The `errors[0]` of a failed status for the same problem. */
  statusError(): Record<string, unknown> {
    return { code: this.code, title: this.title, message: this.title, error_data: { details: this.details ?? this.title } };
  }
}

/** 360dialog answers a bad D360-API-KEY in its own envelope, not Meta's. */
export class D360AuthError extends Error {
  body() {
    return { meta: { success: false, http_code: 401, developer_message: 'Invalid api key' } };
  }
}

const TITLES: Record<number, string> = {
  1: 'An unknown error occurred', 2: 'Service temporarily unavailable', 4: 'Application request limit reached',
  10: 'Application does not have permission for this action', 100: 'Invalid parameter', 190: 'Invalid OAuth access token',
  368: 'Temporarily blocked for policies violations', 80007: 'Rate limit issues', 130429: 'Rate limit hit',
  131000: 'Something went wrong', 131016: 'Service unavailable', 131026: 'Message undeliverable',
  131031: 'Account has been locked', 131047: 'Re-engagement message', 131048: 'Spam rate limit hit',
  131049: 'This message was not delivered to maintain healthy ecosystem engagement.', 131051: 'Unsupported message type',
  131056: '(Business Account, Consumer Account) pair rate limit hit', 132000: 'Number of parameters does not match the expected number of params',
  132001: 'Template name does not exist in the translation', 132012: 'Parameter format does not match format in the created template',
  133010: 'Phone number Not Registered',
};

/** The HTTP status Meta uses for a code when the test does not say. */
export function defaultHttpStatus(code: number): number {
  if (code === 190) return 401;
  if (code === 10) return 403;
  if ([1, 2, 131000].includes(code)) return 500;
  if (code === 131016) return 503;
  return 400;
}

export function errorFor(code: number, opts: { httpStatus?: number; message?: string; details?: string } = {}): WaError {
  return new WaError(opts.httpStatus ?? defaultHttpStatus(code), code, opts.message ?? TITLES[code] ?? 'Simulated error', opts.details);
}

export const waErrors = {
  invalidToken: () => new WaError(401, 190, 'Invalid OAuth access token - Cannot parse access token'),
  expiredToken: () => new WaError(401, 190, 'Error validating access token: Session has expired'),
  unknownObject: (id: string) =>
    new WaError(400, 100, `Unsupported request. Object with ID '${id}' does not exist, cannot be loaded due to missing permissions, or does not support this operation`),
  param: (details: string) => new WaError(400, 100, 'Invalid parameter', details),
  missing: (details: string) => new WaError(400, 131008, 'Required parameter is missing', details),
  invalidValue: (details: string) => new WaError(400, 131009, 'Parameter value is not valid', details),
  throughput: () => errorFor(130429, { details: 'Cloud API message throughput has been reached.' }),
  pairRate: () => errorFor(131056, { details: 'Message failed to send because there were too many messages sent from this phone number to the same phone number in a short period of time.' }),
  reengagement: () => errorFor(131047, { details: 'Message failed to send because more than 24 hours have passed since the customer last replied to this number.' }),
  undeliverable: () => errorFor(131026, { details: 'Message Undeliverable.' }),
  templateMissing: (name: string, language: string) => errorFor(132001, { details: `template name (${name}) does not exist in ${language}` }),
  templateParams: (expected: number, got: number) => errorFor(132000, { details: `body: number of localizable_params (${got}) does not match the expected number of params (${expected})` }),
  unknownPath: (path: string) => new WaError(400, 2500, `Unknown path components: ${path}`),
};
