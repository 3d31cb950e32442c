/** Linking an account (POST /utility/accounts). Pure. */

/** Accounts one household may link. */
export const MAX_LINKED_ACCOUNTS = 12;

/** Holder names compare without surrounding or inner spaces. */
export function sameName(a: string, b: string): boolean {
  return a.replace(/\s+/g, '') === b.replace(/\s+/g, '');
}
