import type { ReactNode } from "react";
import { consoleContext } from "@/lib/orgs/console-context";

/**
 * The page's own access check ("billing.order": who may order renewals, PRT-5), made here too: its loading skeleton streams with HTTP 200, so a
 * refusal must come before it to stay a 404.
 */
export default async function Layout({ children, params }: { children: ReactNode; params: Promise<{ org: string }> }) {
  await consoleContext((await params).org, "billing.order");
  return children;
}
