import type { Actor } from "@/lib/access/actor";
import { requireStaff } from "@/lib/access/require-access";
import type { Db } from "@/lib/db";
import { staffRequestWhere } from "./staff-request-scope";

/** SUP-4: the open support requests a member of staff may take or is handling, oldest first. */
export async function listSupportQueue(db: Db, actor: Actor) {
  const staff = requireStaff(actor, "requests.read");
  return db.supportRequest.findMany({
    where: { AND: [{ status: { not: "CLOSED" } }, staffRequestWhere(staff)] },
    orderBy: [{ createdAt: "asc" }, { id: "asc" }],
    take: 200,
    select: {
      id: true,
      subject: true,
      status: true,
      createdAt: true,
      organization: { select: { name: true } },
      handler: { select: { id: true, firstName: true, lastName: true } },
    },
  });
}
