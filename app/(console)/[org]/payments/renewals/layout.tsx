import type { ReactNode } from "react";
import { ClientMessages } from "@/components/intl/client-messages";
import { consoleContext } from "@/lib/orgs/console-context";

/**
 * The messages this section's client components read (see ClientMessages), and the page's own access
 * check ("billing.read") made here too: its loading skeleton streams with HTTP 200, so a refusal must come
 * before it to stay a 404.
 */
export default async function Layout({ children, params }: { children: ReactNode; params: Promise<{ org: string }> }) {
  await consoleContext((await params).org, "billing.read");
  return <ClientMessages namespaces={["renewals", "categories"]}>{children}</ClientMessages>;
}
