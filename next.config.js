/** @type {import('next').NextConfig} */
const nextConfig = {
  reactStrictMode: true,
  // server-only packages with native or optional parts must not be bundled
  serverExternalPackages: ['ssh2', 'better-sqlite3', '@prisma/adapter-better-sqlite3', '@prisma/client', 'socket.io'],
  experimental: { optimizePackageImports: ['@mantine/core', '@mantine/hooks'] },
  poweredByHeader: false,
};
export default nextConfig;
