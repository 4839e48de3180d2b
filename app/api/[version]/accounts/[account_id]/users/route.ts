import { usersCreate, usersList } from "@/lib/http/api-endpoints";

export const dynamic = "force-dynamic";
export const GET = usersList.handle;
export const POST = usersCreate.handle;
