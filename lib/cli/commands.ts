/** The CLI's commands, loaded after the database URL and secret are known. */
import { hasUsers, issueSetupCode } from '@/lib/auth/setup-code';
import { db, pool } from '@/lib/db';
import { DomainError } from '@/lib/domain/errors';
import { createToken } from '@/lib/domain/tokens';
import { createUser, userView } from '@/lib/domain/users';

interface Args { email: string; password?: string; role?: string; name?: string }

export async function runCommand(command: 'user:create' | 'token:create' | 'setup:code', args: Args): Promise<void> {
  try {
    if (command === 'setup:code') {
      if (await hasUsers(pool())) throw new DomainError('already_set_up', 'Switchboard is already set up: there is an admin account', 409);
      const code = await issueSetupCode(pool());
      console.log('One-time setup code for /setup (replaces any earlier code):');
      console.log(code);
      return;
    }
    if (command === 'user:create') {
      const user = await createUser(null, { email: args.email, password: args.password ?? '', role: args.role as never, name: args.name ?? args.email.split('@')[0] });
      console.log(`Created ${user.role} ${user.email} (${user.id})`);
      return;
    }
    const user = await db().user.findUnique({ where: { email: args.email.trim().toLowerCase() } });
    if (!user) throw new DomainError('not_found', `No user with email ${args.email}`, 404);
    const token = await createToken(userView(user), { name: args.name ?? 'CLI token' });
    console.log(`API token for ${user.email} (shown once; store it safely):`);
    console.log(token.token);
  } catch (err) {
    if (err instanceof DomainError) throw new Error(err.message);
    throw err;
  }
}
