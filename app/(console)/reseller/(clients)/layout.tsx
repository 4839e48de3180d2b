import type { ReactNode } from "react";
import { guardResellerArea } from "@/lib/partners/guard-reseller-area";

/** The page's refusals, made before its loading skeleton streams (see guardResellerArea). */
export default async function Layout({ children }: { children: ReactNode }) {
  await guardResellerArea();
  return children;
}
