/**
 * Audit actions of password sign-in. The audit trail is also where an owner's failed sign-ins are counted from:
 * the wrong passwords between two successful sign-ins are what the owner is told at the second one.
 */
export const PASSWORD_SIGN_IN_ACTIONS = {
  succeeded: 'auth.password_login',
  /** A wrong password (also during a lockout, where it does not count towards the next lock). */
  failed: 'auth.password_failed',
  /** A wrong password that locked the account. */
  locked: 'auth.password_locked',
  /** The right password, refused because the account is locked. */
  refusedWhileLocked: 'auth.password_refused_locked',
  /** No account has this username (the username itself is not kept: people type passwords into it by mistake). */
  unknownUsername: 'auth.password_unknown_user',
} as const;
