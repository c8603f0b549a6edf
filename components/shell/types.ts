import type { Role } from '@/lib/client/types';

/** The signed-in person as the shell shows them (from the server session). */
export interface ShellUser {
  id: string;
  name: string;
  email: string;
  role: Role;
}

const ROLES: readonly Role[] = ['admin', 'manager', 'agent'];

/** Reads next-auth's loosely typed session user; an unknown role gets the least privileges. */
export function toShellUser(user: { name?: string | null; email?: string | null } & Record<string, unknown>): ShellUser {
  const role = ROLES.includes(user.role as Role) ? (user.role as Role) : 'agent';
  return {
    id: typeof user.id === 'string' ? user.id : '',
    name: user.name || user.email || 'Signed in',
    email: user.email ?? '',
    role,
  };
}
