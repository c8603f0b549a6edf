/**
 * Webhook bodies exactly as Meta sends them (PROTOCOLS.md §1c, non-ASCII escaped as \uXXXX), each
 * with a distinct mid so no request is deduplicated away, signed with the inbox's app secret.
 * Signing happens per request (one HMAC over ~350 bytes costs a few microseconds, negligible next
 * to the request itself), which keeps memory flat however many requests a run makes.
 */
import { randomBytes } from 'node:crypto';
import { customerEvent, envelope } from '../simulators/messenger/events';
import { hmacHex, toMetaJson } from '../simulators/messenger/signing';

export interface SignedBody {
  mid: string;
  psid: string;
  body: Buffer;
  /** Value of X-Hub-Signature-256. */
  signature: string;
}

const TEXTS = [
  'Hi, where is my order #48213?',
  'Olá! Preciso de ajuda com a minha encomenda 😀',
  'Can I change the delivery address?',
  '¿Tienen envío a Canarias?',
  'The app crashes when I open the cart',
  'Merci beaucoup, ça marche !',
];

export class WebhookFactory {
  private n = 0;
  /** A random run prefix: mids and psids never repeat across runs sharing a database. */
  readonly run = randomBytes(4).toString('hex');

  constructor(
    readonly pageId: string,
    private readonly appSecret: string,
  ) {}

  /** A psid shaped like Meta's (16 digits), stable for a given customer number. */
  psid(customer: number): string {
    const digits = `${parseInt(this.run, 16) % 1e8}${String(customer).padStart(7, '0')}`;
    return `1${digits.padStart(15, '0')}`;
  }

  /** A new, distinct, signed message from the given customer. */
  next(psid: string, label = 'm'): SignedBody {
    this.n += 1;
    const mid = `m_${label}_${this.run}_${this.n}`;
    const time = Date.now();
    const event = customerEvent({ seq: this.n, pageId: this.pageId, psid, mid, time, text: TEXTS[this.n % TEXTS.length] });
    const body = toMetaJson(envelope([event], time));
    return { mid, psid, body, signature: `sha256=${hmacHex('sha256', this.appSecret, body)}` };
  }

  get count(): number {
    return this.n;
  }
}
