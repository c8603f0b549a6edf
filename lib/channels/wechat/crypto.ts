/**
 * WeChat's message signatures and AES encryption (PROTOCOLS.md 3a/3b), in the exact layout of the
 * official samples: AES-256-CBC, IV = first 16 key bytes, PKCS#7 with a 32-byte block, plaintext
 * random(16) ‖ uint32BE(length) ‖ xml ‖ appid.
 */
import { createCipheriv, createDecipheriv, createHash, randomBytes } from 'node:crypto';

const BLOCK = 32;

/** sha1 of the lexicographically sorted parts, joined: the URL signature and msg_signature alike. */
export function wechatSignature(...parts: string[]): string {
  // Plain code-unit order (Array.prototype.sort), like the official PHP/Python samples' sort().
  return createHash('sha1').update([...parts].sort().join('')).digest('hex');
}

/** AESKey = base64decode(EncodingAESKey + "="): 32 bytes. */
export function aesKeyFrom(encodingAesKey: string): Buffer {
  const key = Buffer.from(`${encodingAesKey}=`, 'base64');
  if (key.length !== 32) throw new Error('EncodingAESKey must decode to 32 bytes');
  return key;
}

/** PKCS#7 with WeChat's 32-byte block: an aligned input gets a full block of 32s. */
export function pkcs7Pad(data: Buffer): Buffer {
  const n = BLOCK - (data.length % BLOCK);
  return Buffer.concat([data, Buffer.alloc(n, n)]);
}

/** The official samples treat a final byte outside 1..32 as "no padding" instead of failing. */
export function pkcs7Unpad(data: Buffer): Buffer {
  const n = data.length > 0 ? data[data.length - 1] : 0;
  return n < 1 || n > BLOCK ? data : data.subarray(0, data.length - n);
}

export class WeChatCryptoError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'WeChatCryptoError';
  }
}

/** Encrypts xml for appId; `random` is only injectable so tests can be deterministic. */
export function encryptMessage(xml: string, encodingAesKey: string, appId: string, random: Buffer = randomBytes(16)): string {
  if (random.length !== 16) throw new Error('the random prefix must be 16 bytes');
  const key = aesKeyFrom(encodingAesKey);
  const body = Buffer.from(xml, 'utf8');
  const length = Buffer.alloc(4);
  length.writeUInt32BE(body.length, 0);
  const plain = pkcs7Pad(Buffer.concat([random, length, body, Buffer.from(appId, 'utf8')]));
  const cipher = createCipheriv('aes-256-cbc', key, key.subarray(0, 16));
  cipher.setAutoPadding(false); // Node's PKCS#7 uses 16-byte blocks; ours is 32
  return Buffer.concat([cipher.update(plain), cipher.final()]).toString('base64');
}

/** Decrypts an <Encrypt> value into the message and the appid it was sealed for. Throws WeChatCryptoError. */
export function decryptMessage(encrypted: string, encodingAesKey: string): { xml: string; appId: string } {
  const data = Buffer.from(encrypted, 'base64');
  if (data.length === 0 || data.length % 16 !== 0) throw new WeChatCryptoError('Encrypt is not a whole number of AES blocks');
  const key = aesKeyFrom(encodingAesKey);
  const decipher = createDecipheriv('aes-256-cbc', key, key.subarray(0, 16));
  decipher.setAutoPadding(false);
  const plain = pkcs7Unpad(Buffer.concat([decipher.update(data), decipher.final()]));
  if (plain.length < 20) throw new WeChatCryptoError('decrypted message is too short');
  const length = plain.readUInt32BE(16);
  if (20 + length > plain.length) throw new WeChatCryptoError('decrypted length field exceeds the message (wrong EncodingAESKey?)');
  const utf8 = new TextDecoder('utf-8', { fatal: true });
  try {
    return { xml: utf8.decode(plain.subarray(20, 20 + length)), appId: utf8.decode(plain.subarray(20 + length)) };
  } catch {
    throw new WeChatCryptoError('decrypted message is not UTF-8 (wrong EncodingAESKey?)');
  }
}
