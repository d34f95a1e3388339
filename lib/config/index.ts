/** The public API of the install config model. Test fixtures live in ./fixtures (not re-exported). */
export * from './schema';
export * from './defaults';
export * from './secret';
export * from './steps';
export * from './issues';
export * from './net';
export * from './safe-values';
export { collectIssues, RULES, type Rule } from './rules';
export * from './validate';
export * from './installer-machine';
export * from './internal-lb';
export * from './lb-endpoint';
