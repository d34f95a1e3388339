/** Contracts of /api/auth/* and /api/health. */

/** GET /api/auth/state: whether the UI shows /setup, /login or the app. */
export interface AuthState {
  setupNeeded: boolean;
  loggedIn: boolean;
}

/** POST /api/auth/login and /setup, /logout, GET /api/health. */
export interface OkAnswer {
  ok: true;
}

/** POST /api/auth/logout-everywhere: how many sessions ended. */
export interface LoggedOutEverywhere extends OkAnswer {
  ended: number;
}
