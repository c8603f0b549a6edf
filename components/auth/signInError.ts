/**
 * next-auth reports wrong credentials as `CredentialsSignin`; the server's authorize throws
 * `locked:<minutes>` after too many failures and `busy` when password checks are saturated.
 */
export function signInErrorMessage(code: string | null | undefined): string {
  const locked = /^locked:(\d+)$/.exec(code ?? '');
  if (locked) return `Too many failed attempts. Try again in ${locked[1]} ${locked[1] === '1' ? 'minute' : 'minutes'}.`;
  if (code === 'CredentialsSignin') return 'Wrong email or password';
  if (code === 'busy') return 'The server is busy. Try again in a few seconds.';
  return 'Sign-in is not available right now. Try again in a moment.';
}
