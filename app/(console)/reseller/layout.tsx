import type { ReactNode } from "react";
import { ClientMessages } from "@/components/intl/client-messages";

/** The messages the reseller area's client components read (see ClientMessages). */
export default function Layout({ children }: { children: ReactNode }) {
  return <ClientMessages namespaces={["reseller", "resellerDownload", "resellerProfile", "resellerManagers", "partnersDirectory"]}>{children}</ClientMessages>;
}
