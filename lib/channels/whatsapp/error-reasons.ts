/**
 * What a WhatsApp error code means, in words for the agent who sees it next to a message
 * (failed statuses) or a reply that did not go out (send errors). Keyed by code only: Meta's
 * titles and messages are not stable (PROTOCOLS.md 2e).
 */
const REASONS: Record<number, string> = {
  131047: 'More than 24 hours have passed since the customer last wrote: only a template can be sent now',
  // On-Premise code for the same re-engagement rule (still seen through old 360dialog numbers).
  470: 'More than 24 hours have passed since the customer last wrote: only a template can be sent now',
  131026: 'Message undeliverable: the number is not on WhatsApp or cannot receive it',
  131056: 'Too many messages to this customer in a short time (pair rate limit); it will be retried',
  130429: "The business number's message throughput limit was reached; it will be retried",
  4: 'Too many API calls from this Meta app; it will be retried',
  80007: 'Too many API calls for this WhatsApp Business Account; it will be retried',
  131048: 'Blocked by WhatsApp spam limits: too many messages from this number were blocked or reported',
  131049: 'WhatsApp chose not to deliver this marketing template to keep engagement healthy',
  131050: 'The customer has turned off marketing messages from this business',
  131051: 'This message type is not supported by WhatsApp',
  131052: 'WhatsApp could not download the media the customer sent',
  131053: 'WhatsApp could not fetch or process the media: check its link, type and size',
  131030: 'This number is not in the allowed recipient list of the test phone number',
  131021: 'The recipient is the business number itself',
  131031: 'The WhatsApp Business Account is locked by Meta',
  131042: 'Payment problem on the WhatsApp Business Account: check its payment method',
  131045: 'The business number is not correctly registered (certificate error)',
  131008: 'A required parameter is missing',
  131009: 'A parameter value is not valid',
  100: 'Meta rejected a parameter of the request',
  132000: 'The number of template parameters does not match the approved template',
  132001: 'The template does not exist in this language, or is not approved',
  132005: 'The template text is too long once its parameters are filled in',
  132007: 'The template content violates a WhatsApp policy',
  132012: 'A template parameter does not have the format the template expects',
  132015: 'The template is paused because of low quality',
  132016: 'The template is disabled because of low quality',
  133010: 'The business phone number is not registered with the WhatsApp Cloud API',
  368: 'The business account is temporarily blocked for WhatsApp policy violations',
  190: 'The access token expired or is invalid',
  0: 'Meta could not authenticate the request',
  10: 'The access token lacks permission for this WhatsApp number',
  1: 'WhatsApp had an unknown error; it will be retried',
  2: 'WhatsApp is temporarily unavailable; it will be retried',
  131000: 'Something went wrong at WhatsApp; it will be retried',
  131016: 'WhatsApp is temporarily overloaded or unavailable; it will be retried',
};

export interface ErrorLike {
  code?: number;
  title?: string;
  message?: string;
  error_data?: { details?: string };
}

/** Our words for a known code; otherwise Meta's details, message or title (whichever is there). */
export function humanReason(error: ErrorLike | undefined): string {
  if (error?.code !== undefined && REASONS[error.code]) return REASONS[error.code];
  const fromMeta = error?.error_data?.details ?? error?.message ?? error?.title;
  const code = error?.code === undefined ? '' : ` (code ${error.code})`;
  return fromMeta ? `WhatsApp: ${fromMeta}${code}` : `WhatsApp reported an unknown error${code}`;
}

/** True when we have our own words for the code (so Meta's details only add detail). */
export function hasKnownReason(code: number | undefined): boolean {
  return code !== undefined && REASONS[code] !== undefined;
}

/** The `error` of a StatusEvent / UnsupportedEvent description. */
export function statusError(error: ErrorLike | undefined): { code: string; reason: string } {
  return { code: error?.code === undefined ? 'unknown' : String(error.code), reason: humanReason(error) };
}
