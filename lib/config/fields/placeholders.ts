/** The shipped vars.yml's "fill me in" value (lib/installer writes and reads it for empty fields). */
export const SHOULD_BE_REPLACED = 'SHOULD_BE_REPLACED';
