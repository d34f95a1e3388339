/**
 * The one error the renderers throw: a value that cannot be written safely (belt and braces behind
 * validation) or a secret that was not resolved. Messages never contain secret values.
 */
export class InstallerRenderError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'InstallerRenderError';
  }
}
