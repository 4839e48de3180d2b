import { CLIENT_ADDRESS_HEADER, clientAddressHeaderValue } from "@/lib/http/client-address";

/** The header the web server (scripts/server.ts) writes for a request from `ip`, for route handlers called directly. */
export function fromAddress(ip: string): Record<string, string> {
  return { [CLIENT_ADDRESS_HEADER]: clientAddressHeaderValue(ip) };
}
