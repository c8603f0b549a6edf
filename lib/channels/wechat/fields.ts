/** Reading required and typed values out of a WeChat message's field map. */
import { MalformedPayloadError } from '../types';

export type Fields = Record<string, string>;

export function requireField(fields: Fields, name: string): string {
  const value = fields[name];
  if (value === undefined || value.trim() === '') throw new MalformedPayloadError(`WeChat message without <${name}>`);
  return value;
}

/** Non-empty value or undefined (WeChat sends empty CDATA for absent optional values). */
export function optionalField(fields: Fields, name: string): string | undefined {
  const value = fields[name];
  return value === undefined || value === '' ? undefined : value;
}

/** CreateTime: epoch seconds as digits. Kept as the exact text too, for dedupe keys. */
export function createTime(fields: Fields): { text: string; date: Date } {
  const text = requireField(fields, 'CreateTime').trim();
  if (!/^\d{1,12}$/.test(text)) throw new MalformedPayloadError(`WeChat CreateTime is not epoch seconds: ${text.slice(0, 40)}`);
  return { text, date: new Date(Number(text) * 1000) };
}

/** A 64-bit id (MsgId, MsgID) as its exact decimal digits: never a JS number. */
export function idField(fields: Fields, name: string): string {
  const text = requireField(fields, name).trim();
  if (!/^\d{1,20}$/.test(text)) throw new MalformedPayloadError(`WeChat <${name}> is not a decimal id: ${text.slice(0, 40)}`);
  return text;
}

/** Latitude/longitude as a finite number, or a malformed payload. */
export function coordinate(fields: Fields, name: string, limit: number): number {
  const value = Number(requireField(fields, name));
  if (!Number.isFinite(value) || Math.abs(value) > limit) throw new MalformedPayloadError(`WeChat <${name}> is not a coordinate`);
  return value;
}
