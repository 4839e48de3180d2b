import type { ReactNode } from "react";
import { guardStaffList } from "@/lib/backoffice/guard-staff-list";

/** The page's refusals, made before its loading skeleton streams (see guardStaffList). */
export default async function Layout({ children }: { children: ReactNode }) {
  await guardStaffList("verifications.read");
  return children;
}
