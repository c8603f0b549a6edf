import { z } from 'zod';

const uuid = z.uuid();
/** Ids in URLs are checked before they reach a uuid column (which would answer with a 500). */
export const isUuid = (value: string): boolean => uuid.safeParse(value).success;
