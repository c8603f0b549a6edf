/**
 * A short, readable reason from any thrown value, for people (an agent next to a reply, an admin
 * next to a dead letter): the database's own message rather than Prisma's multi-line report with
 * source excerpts, the last line of other multi-line messages, never a stack.
 */
export function errorText(err: unknown, max = 2000): string {
  const adapter = (err as { meta?: { driverAdapterError?: { cause?: { message?: string; originalMessage?: string } } } } | null)?.meta?.driverAdapterError?.cause;
  const raw = adapter?.originalMessage ?? adapter?.message ?? (err instanceof Error ? err.message : String(err));
  const lines = raw.split('\n').map((l) => l.trim()).filter(Boolean);
  return (lines.at(-1) ?? 'Unknown error').slice(0, max);
}
