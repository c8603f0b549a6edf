/** The CLI's commands, loaded after the database URL and secret are known. */
import { db } from '@/lib/db';
import { DomainError } from '@/lib/domain/errors';
import { createToken } from '@/lib/domain/tokens';
import { createUser, userView } from '@/lib/domain/users';

interface Args { email: string; password?: string; role?: string; name?: string }

export async function runCommand(command: 'user:create' | 'token:create', args: Args): Promise<void> {
  try {
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
