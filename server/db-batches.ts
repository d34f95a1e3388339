/**
 * Splits long `in` lists and createMany rows into batches. A database caps the bound parameters of
 * one statement (SQLite's default is 32,766, and Prisma refuses earlier for some queries), so a
 * query naming every host of a 1,000-host install must be cut into pieces.
 */
export const IN_LIST_BATCH = 500;

export function inBatches<T>(items: readonly T[], size = IN_LIST_BATCH): T[][] {
  const batches: T[][] = [];
  for (let i = 0; i < items.length; i += size) batches.push(items.slice(i, i + size));
  return batches;
}
