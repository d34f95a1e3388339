/**
 * Where a login goes: "address:port". Host keys belong to an endpoint, and a stored SSH or sudo
 * secret is bound to the endpoint it was entered for (server/installs/secret-endpoints.ts). Pure.
 */
export function endpointOf(host: { address: string; port: number }): string {
  return `${host.address}:${host.port}`;
}
