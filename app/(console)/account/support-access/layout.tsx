import type { ReactNode } from "react";
import { ClientMessages } from "@/components/intl/client-messages";

/** The messages this section's client components read (see ClientMessages). */
export default function Layout({ children }: { children: ReactNode }) {
  return <ClientMessages namespaces={["supportAccess", "categories", "productPicker"]}>{children}</ClientMessages>;
}
