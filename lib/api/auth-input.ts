/** Request-body schemas of /api/auth (login, setup) and the admin password's bounds, shared by the routes and the forms. */
import { z } from 'zod';
import { MAX_PASSWORD_LENGTH, PASSWORD_TOO_LONG } from './password-length';

export { MAX_PASSWORD_LENGTH, PASSWORD_TOO_LONG };

/** The shortest admin password setup accepts. */
export const MIN_ADMIN_PASSWORD = 10;

/** POST /api/auth/login */
export const loginInput = z.object({ password: z.string().min(1, 'enter the admin password').max(MAX_PASSWORD_LENGTH, PASSWORD_TOO_LONG) });

/** POST /api/auth/setup */
export const setupInput = z.object({
  token: z.string().min(1, 'enter the setup token printed by the server').max(100, 'that is not a setup token (24 characters)'),
  password: z.string().min(MIN_ADMIN_PASSWORD, `the password needs at least ${MIN_ADMIN_PASSWORD} characters`).max(MAX_PASSWORD_LENGTH, PASSWORD_TOO_LONG),
});
