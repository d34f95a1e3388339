/** A small hexagon mark (same drawing as public/favicon.svg). */
export function Logo({ size = 26 }: { size?: number }) {
  return (
    <svg width={size} height={size} viewBox="0 0 32 32" aria-hidden="true" focusable="false">
      <path d="M16 2 28 9v14l-12 7-12-7V9z" fill="var(--mantine-color-teal-6)" />
      <path d="M11 10v12M11 16l7-6M13.5 14l5 8" stroke="#fff" strokeWidth="2.4" strokeLinecap="round" fill="none" />
    </svg>
  );
}
