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
  const merged = { ...query, ...overrides };
  const sp = new URLSearchParams();
  for (const [key, value] of Object.entries(merged)) {
    if (value === undefined || value === null || value === "") continue;
    const text = String(value);
    if (DEFAULTS[key] === text) continue;
    sp.set(key, text);
  }
  const qs = sp.toString();
  return `/${orgId}/users${qs ? `?${qs}` : ""}`;
}
