import { usersCreate, usersList } from "@/lib/http/api-endpoints";

// The deprecated one-Organization path: the same endpoint, in the token's only Organization.
export const dynamic = "force-dynamic";
export const GET = usersList.legacyHandle;
export const POST = usersCreate.legacyHandle;
