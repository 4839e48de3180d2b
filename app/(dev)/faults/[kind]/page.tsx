import { notFound } from "next/navigation";
import { connection } from "next/server";
import { createDb } from "@/lib/db";

/**
 * Test only (MANAGER_FAULT_PAGES=1, set by the end-to-end server; a 404 everywhere else): pages that fail
 * the way a real page can, so the error pages are proven in the browser. "database" reads through a
 * client whose server does not answer — the same Prisma error an outage gives; "bug" is any other failure.
 */
export default async function FaultPage({ params }: { params: Promise<{ kind: string }> }) {
  await connection();
  if (process.env.MANAGER_FAULT_PAGES !== "1") notFound();
  const { kind } = await params;
  if (kind === "database") {
    const unreachable = createDb("postgresql://manager@127.0.0.1:1/manager?connect_timeout=2");
    try {
      await unreachable.user.count();
    } finally {
      await unreachable.$disconnect();
    }
  }
  if (kind === "bug") throw new Error("A deliberate failure of the test-only fault page");
  notFound();
}
