import type { SendContext, WebhookRequest } from '../types';

/**
 * What every connector folder exports from `<key>/contract-fixtures.ts` as `contractFixtures`,
 * so lib/channels/contract.test.ts can run the same suite against every registered channel.
 */
export interface ConnectorContractFixtures<C> {
  /** Admin input that `configSchema` accepts (defaults are filled by the schema). */
  validConfigInput: Record<string, unknown>;
  /** A body the connector parses into at least one event for `validConfigInput`. */
  validBody: string;
  /** Builds a request that `verify` accepts for `config` (signature, credentials...). */
  signedRequest(config: C, body: string): WebhookRequest;
  /** Bodies `parse` must reject with MalformedPayloadError (not the format, wrong shape). */
  malformedBodies: string[];
  /**
   * false when the channel's credential covers no part of the body (Telegram's secret-token
   * header, Bot Framework's JWT): the suite then does not demand that a tampered body fails.
   */
  bodySigned?: boolean;
  /** Send context fields for a customer who wrote a minute ago (the rest is filled by the suite). */
  sendContext: Pick<SendContext<C>, 'contactExternalId' | 'reference'>;
}
