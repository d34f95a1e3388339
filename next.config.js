/** @type {import('next').NextConfig} */
const nextConfig = {
  reactStrictMode: true,
  // server-only packages with native or optional parts must not be bundled
  serverExternalPackages: ['ssh2', 'better-sqlite3', '@prisma/adapter-better-sqlite3', '@prisma/client', 'socket.io'],
  experimental: { optimizePackageImports: ['@mantine/core', '@mantine/hooks'] },
  poweredByHeader: false,
  // `KSW_SOURCE_MAPS=1 npx next build`: source maps for the browser chunks, to see what a page's first
  // load is made of (bench/README.md, "Page loads"); off by default
  productionBrowserSourceMaps: process.env.KSW_SOURCE_MAPS === '1',
  // Black-box tests (server/test-support/test-server.ts) each run a dev server in a dir of their own;
  // their tsconfig only extends ours, so Next leaves tsconfig.json alone. Webpack's persistent cache is
  // off there: it is written after the server stops, into a dir the test has already removed.
  ...(process.env.KSW_TEST_NEXT_DIST_DIR
    ? {
        distDir: process.env.KSW_TEST_NEXT_DIST_DIR,
        typescript: { tsconfigPath: 'tsconfig.test-server.json' },
        webpack: (config) => ({ ...config, cache: false }),
      }
    : {}),
};
export default nextConfig;
