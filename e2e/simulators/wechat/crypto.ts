/**
 * The simulator's own implementation of WeChat's signing and AES scheme (PROTOCOLS.md 3a/3b).
 * Written separately from lib/channels/wechat on purpose: a shared bug would pass both sides.
 */
import { createCipheriv, createDecipheriv, createHash, randomBytes } from 'node:crypto';

export const sha1Signature = (...parts: string[]): string => createHash('sha1').update(parts.sort().join('')).digest('hex');

function keyOf(encodingAesKey: string): { key: Buffer; iv: Buffer } {
  const key = Buffer.from(`${encodingAesKey}=`, 'base64');
  if (key.length !== 32) throw new Error('EncodingAESKey must be 43 base64 characters (32 bytes)');
  return { key, iv: key.subarray(0, 16) };
}

/** random(16) ‖ len(4, big-endian) ‖ msg ‖ appid, PKCS#7 to a multiple of 32, AES-256-CBC. */
export function seal(message: string, encodingAesKey: string, appId: string): string {
  const { key, iv } = keyOf(encodingAesKey);
  const msg = Buffer.from(message, 'utf8');
  const head = Buffer.alloc(20);
  randomBytes(16).copy(head);
  head.writeUInt32BE(msg.length, 16);
  const body = Buffer.concat([head, msg, Buffer.from(appId, 'utf8')]);
  const pad = 32 - (body.length % 32);
  const cipher = createCipheriv('aes-256-cbc', key, iv).setAutoPadding(false);
  return Buffer.concat([cipher.update(Buffer.concat([body, Buffer.alloc(pad, pad)])), cipher.final()]).toString('base64');
}

/** The inverse of seal; throws on anything that is not a sealed message. */
export function unseal(encrypted: string, encodingAesKey: string): { message: string; appId: string } {
  const { key, iv } = keyOf(encodingAesKey);
  const decipher = createDecipheriv('aes-256-cbc', key, iv).setAutoPadding(false);
  const plain = Buffer.concat([decipher.update(Buffer.from(encrypted, 'base64')), decipher.final()]);
  const pad = plain[plain.length - 1];
  const body = pad >= 1 && pad <= 32 ? plain.subarray(0, plain.length - pad) : plain;
  const length = body.readUInt32BE(16);
  if (20 + length > body.length) throw new Error('length field exceeds the message');
  return { message: body.subarray(20, 20 + length).toString('utf8'), appId: body.subarray(20 + length).toString('utf8') };
}
