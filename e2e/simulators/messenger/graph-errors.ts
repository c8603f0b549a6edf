/**
 * Graph API errors in Meta's exact shape:
 * {"error":{"message","type","code","error_subcode"?,"is_transient"?,"fbtrace_id"}}.
 * Apps must branch on code/subcode, so those are what tests should assert.
 */
import { newFbtraceId } from './ids';

export interface GraphErrorSpec {
  httpStatus: number;
  code: number;
  subcode?: number;
  message: string;
  type?: string;
  isTransient?: boolean;
  /** Sent as a Retry-After header (seconds), as a proxy or gateway in front of Graph may. */
  retryAfterSeconds?: number;
}

export class GraphError extends Error {
  constructor(readonly spec: GraphErrorSpec) {
    super(spec.message);
  }

  /** A fresh body each time: every Graph response carries its own fbtrace_id. */
  body(): { error: Record<string, unknown> } {
    const { code, subcode, message, type, isTransient } = this.spec;
    const error: Record<string, unknown> = { message, type: type ?? 'OAuthException', code };
    if (subcode !== undefined) error.error_subcode = subcode;
    if (isTransient !== undefined) error.is_transient = isTransient;
    error.fbtrace_id = newFbtraceId();
    return { error };
  }
}

const err = (spec: GraphErrorSpec) => new GraphError(spec);

export const graphErrors = {
  expiredToken: () =>
    err({ httpStatus: 400, code: 190, subcode: 463, message: 'Error validating access token: Session has expired' }),
  /** What Graph answers for a token it cannot parse at all (no subcode). */
  invalidToken: () =>
    err({ httpStatus: 400, code: 190, message: 'Invalid OAuth access token - Cannot parse access token' }),
  invalidProof: () =>
    err({
      httpStatus: 400,
      code: 100,
      type: 'GraphMethodException',
      message: 'Invalid appsecret_proof provided in the API argument',
    }),
  param: (message: string) => err({ httpStatus: 400, code: 100, message: `(#100) ${message}` }),
  noMatchingUser: () => err({ httpStatus: 400, code: 100, subcode: 2018001, message: '(#100) No matching user found' }),
  unavailable: () =>
    err({ httpStatus: 400, code: 551, subcode: 1545041, message: "(#551) This person isn't available right now." }),
  rateLimited: () =>
    err({ httpStatus: 400, code: 613, message: '(#613) Calls to this API have exceeded the rate limit.' }),
  outsideWindow: () =>
    err({ httpStatus: 400, code: 10, subcode: 2018278, message: '(#10) This message is sent outside of allowed window.' }),
  unknownObject: (id: string, verb: 'get' | 'post') =>
    err({
      httpStatus: 400,
      code: 100,
      subcode: 33,
      type: 'GraphMethodException',
      message: `Unsupported ${verb} request. Object with ID '${id}' does not exist, cannot be loaded due to missing permissions, or does not support this operation.`,
    }),
  unknownPath: (path: string) =>
    err({ httpStatus: 400, code: 2500, message: `Unknown path components: ${path}` }),
};
