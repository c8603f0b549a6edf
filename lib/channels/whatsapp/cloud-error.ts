import { z } from 'zod';

const numeric = z.union([z.number(), z.string().regex(/^\d+$/).transform(Number)]);

const detailSchema = z.looseObject({
  message: z.string().optional(),
  title: z.string().optional(),
  type: z.string().optional(),
  code: numeric.optional(),
  error_data: z.looseObject({ details: z.string().optional() }).optional(),
  fbtrace_id: z.string().optional(),
});

/** Graph shape `{error:{…}}`; older 360dialog answers use `{errors:[{code,title,details}]}`. */
const bodySchema = z.union([
  z.looseObject({ error: detailSchema }).transform((b) => b.error),
  z.looseObject({ errors: z.array(z.looseObject({ code: numeric.optional(), title: z.string().optional(), details: z.string().optional() })).min(1) })
    .transform((b) => ({ code: b.errors[0].code, title: b.errors[0].title, error_data: { details: b.errors[0].details } })),
]);

export type CloudError = z.infer<typeof detailSchema>;

/** The error of a Cloud API (or 360dialog) response body, if it has one. */
export function readCloudError(json: unknown): CloudError | undefined {
  const parsed = bodySchema.safeParse(json);
  return parsed.success ? parsed.data : undefined;
}
