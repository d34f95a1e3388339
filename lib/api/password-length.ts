/**
 * The longest admin password the wizard accepts (characters). Checked before any hashing, at every
 * door a password comes through (login, setup, KSW_ADMIN_PASSWORD): scrypt's cost grows with its
 * input, and nobody types more than this.
 */
export const MAX_PASSWORD_LENGTH = 1024;

export const PASSWORD_TOO_LONG = `the password is longer than ${MAX_PASSWORD_LENGTH} characters`;
