/**
 * From raw bytes to the fields of the message WeChat sent: in compatible and safe mode only the
 * decrypted <Encrypt> counts. Compatible mode also carries plaintext copies of the fields, but
 * msg_signature covers <Encrypt> alone, so those copies are unauthenticated and never read.
 */
import { MalformedPayloadError } from '../types';
import type { WeChatConfig } from './config';
import { decryptMessage, WeChatCryptoError } from './crypto';
import { parseWeChatXml } from './xml';

const utf8 = new TextDecoder('utf-8', { fatal: true });

export function bodyText(rawBody: Buffer): string {
  try {
    return utf8.decode(rawBody);
  } catch {
    throw new MalformedPayloadError('WeChat webhook body is not UTF-8');
  }
}

/** The message was sealed for another AppID: verify answers 401 Invalid appid, parse a 400. */
export class InvalidAppIdError extends MalformedPayloadError {
  constructor() {
    super('Invalid appid: the message was encrypted for another Official Account');
  }
}

/** Decrypts an <Encrypt> value and checks it was sealed for our AppID. Throws MalformedPayloadError. */
export function decryptFor(config: Pick<WeChatConfig, 'appId' | 'encodingAesKey'>, encrypted: string): string {
  if (!config.encodingAesKey) throw new MalformedPayloadError('This inbox has no EncodingAESKey to decrypt WeChat messages');
  let opened: { xml: string; appId: string };
  try {
    opened = decryptMessage(encrypted, config.encodingAesKey);
  } catch (err) {
    if (err instanceof WeChatCryptoError) throw new MalformedPayloadError(`Cannot decrypt the WeChat message: ${err.message}`);
    throw err;
  }
  if (opened.appId !== config.appId) throw new InvalidAppIdError();
  return opened.xml;
}

/** The message fields: the plaintext body in plain mode, the decrypted <Encrypt> otherwise. */
export function messageFields(rawBody: Buffer, config: WeChatConfig): Record<string, string> {
  const outer = parseWeChatXml(bodyText(rawBody), 'WeChat webhook body');
  if (config.mode === 'plain') {
    if (outer.Encrypt !== undefined && outer.MsgType === undefined) {
      throw new MalformedPayloadError('WeChat sent an encrypted message but this inbox is set to plain mode: set the same mode as WeChat’s server configuration');
    }
    return outer;
  }
  if (outer.Encrypt === undefined) {
    throw new MalformedPayloadError(`No <Encrypt> element although this inbox is in ${config.mode} mode: set the same mode as WeChat’s server configuration`);
  }
  return parseWeChatXml(decryptFor(config, outer.Encrypt), 'Decrypted WeChat message');
}
