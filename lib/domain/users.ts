/** Users: first-run setup, creation, sign-in. */
import { z } from 'zod';
import { db, pool } from '@/lib/db';
import { DUMMY_HASH, needsRehash, verifyPassword } from '@/lib/crypto/password';
import { hashNewPassword } from './password-work';
import type { Actor, Role } from './actor';
import { requireRole } from './access';
import { audit } from './audit';
import { DomainError, invalid } from './errors';

export const newUserInput = z.object({
  name: z.string().trim().min(1, 'Name is required').max(120),
  email: z.string().trim().toLowerCase().email('Enter a valid email address'),
  password: z.string().min(10, 'Password must be at least 10 characters').max(1024),
  role: z.enum(['admin', 'manager', 'agent'], { error: 'Role must be admin, manager or agent' }).default('agent'),
});
export type NewUserInput = z.input<typeof newUserInput>;

export const userView = (u: { id: string; email: string; name: string; role: Role }) => ({ id: u.id, email: u.email, name: u.name, role: u.role });

export async function needsSetup(): Promise<boolean> {
  return (await db().user.count()) === 0;
}

function parseNewUser(input: NewUserInput) {
  const parsed = newUserInput.safeParse(input);
  if (!parsed.success) throw invalid(parsed.error.issues.map((i) => i.message).join('; '), { fields: Object.fromEntries(parsed.error.issues.map((i) => [i.path.join('.'), i.message])) });
  return parsed.data;
}

async function insertUser(input: NewUserInput) {
  const { name, email, password, role } = parseNewUser(input);
  try {
    return await db().user.create({ data: { name, email, role, passwordHash: await hashNewPassword(password) } });
  } catch (err) {
    if ((err as { code?: string }).code === 'P2002') throw new DomainError('email_taken', `A user with email ${email} already exists`, 409);
    throw err;
  }
}

export const alreadySetUp = () => new DomainError('already_set_up', 'Switchboard is already set up: sign in instead', 409);
const FIRST_RUN_LOCK = 724_007_002;

/** One cheap indexed read: lets anonymous setup requests be refused before any lock or body. */
export async function anyUserExists(): Promise<boolean> {
  return (await pool().query('SELECT 1 FROM "User" LIMIT 1')).rowCount !== 0;
}

/**
 * First run only: creates the first admin; refused once any user exists (two racing setups make
 * one). The check-and-insert runs on ONE connection, in a transaction whose first statement takes
 * a transaction-level advisory lock: the lock never outlives the transaction and the locked work
 * needs no second pooled connection, so concurrent setups cannot exhaust or deadlock the pool
 * (lock_timeout bounds the wait). Validation and password hashing happen before, holding nothing.
 */
export async function createFirstAdmin(input: Omit<NewUserInput, 'role'>) {
  if (await anyUserExists()) throw alreadySetUp();
  const { name, email, password } = parseNewUser({ ...input, role: 'admin' });
  const passwordHash = await hashNewPassword(password);
  const user = await db().$transaction(async (tx) => {
    await tx.$executeRaw`SELECT pg_advisory_xact_lock(${FIRST_RUN_LOCK}::bigint)`;
    if ((await tx.user.count()) > 0) throw alreadySetUp();
    const created = await tx.user.create({ data: { name, email, role: 'admin', passwordHash } });
    await tx.auditLog.create({ data: { actorId: created.id, action: 'user.created', targetType: 'user', targetId: created.id, data: { role: 'admin', firstRun: true } } });
    return created;
  });
  return userView(user);
}

export async function createUser(actor: Actor | null, input: NewUserInput) {
  if (actor) requireRole(actor, 'admin');
  const user = await insertUser(input);
  await audit(actor?.id ?? null, 'user.created', 'user', user.id, { role: user.role });
  return userView(user);
}

export async function listUsers() {
  const users = await db().user.findMany({ where: { disabledAt: null }, orderBy: { name: 'asc' } });
  return users.map(userView);
}

/**
 * Returns the user when the password matches; the same work (same scrypt cost) is done for unknown
 * emails. A hash made with older parameters is replaced now that the password is known.
 */
export async function authenticate(email: string, password: string): Promise<(Actor & { sessionVersion: number }) | null> {
  const user = await db().user.findUnique({ where: { email: email.trim().toLowerCase() } });
  const ok = await verifyPassword(password, user?.passwordHash ?? DUMMY_HASH);
  if (!user || !ok || user.disabledAt) return null;
  if (needsRehash(user.passwordHash)) await upgradeHash(user.id, user.passwordHash, password);
  return { ...userView(user), sessionVersion: user.sessionVersion };
}

async function upgradeHash(userId: string, oldHash: string, password: string): Promise<void> {
  try {
    // Only if unchanged meanwhile: a password change in between wins.
    await db().user.updateMany({ where: { id: userId, passwordHash: oldHash }, data: { passwordHash: await hashNewPassword(password) } });
  } catch {
    // Busy or a database hiccup: the old hash still works; the next sign-in tries again.
  }
}
