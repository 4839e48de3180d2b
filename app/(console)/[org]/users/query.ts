import { listHref } from "@/lib/http/list-href";

/** The list's URL parameters; defaults are left out so links stay short. */
export type UsersQuery = {
  q?: string;
  role?: string;
  teamId?: string;
  status?: string;
  sort?: string;
  dir?: string;
  page?: number;
};

const DEFAULTS: Record<string, string> = { sort: "name", dir: "asc", page: "1" };

export function usersHref(orgId: string, query: UsersQuery, overrides: UsersQuery = {}): string {
  return listHref(`/${orgId}/users`, { ...query, ...overrides }, DEFAULTS);
}
