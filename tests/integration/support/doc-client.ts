/**
 * A client of the Manager REST API written only from its published documentation (the OpenAPI document
 * and the /api-docs page), as the provider's existing tools are: it imports nothing of the application.
 * It speaks to a base URL through the `fetch` it is given, and checks each path it uses against the
 * OpenAPI document the server publishes.
 */
type Fetch = (url: string, init?: { method?: string; headers?: Record<string, string>; body?: string }) => Promise<Response>;

export type Page<T> = { result: "success"; data: T[]; total: number; pages: number; items_per_page: number; page: number };
export type Account = { id: string; name: string; legal_entity_type: string; type: string; created_at: number };
export type ApiUser = { user_id: string | null; first_name: string | null; last_name: string | null; display_name: string; email: string; role: string };
export type ApiError = { result: "error"; error: { code: string; description: string; errors: { code: string; description: string; context: Record<string, string> }[] } };

export class DocClient {
  private documented: { method: string; pattern: RegExp }[] = [];
  readonly used: string[] = [];

  constructor(
    private readonly base: string,
    private readonly token: string,
    private readonly fetch: Fetch,
  ) {}

  /** Reads the OpenAPI document (public) and remembers its operations, to refuse any undocumented call. */
  async loadDocument(): Promise<{ servers: { url: string }[]; paths: Record<string, Record<string, unknown>> }> {
    const res = await this.fetch(`${this.base}/1/openapi.json`);
    const doc = (await res.json()) as { servers: { url: string }[]; paths: Record<string, Record<string, unknown>> };
    this.documented = Object.entries(doc.paths).flatMap(([path, ops]) =>
      Object.keys(ops).map((method) => ({
        method: method.toUpperCase(),
        pattern: new RegExp(`^${path.replace(/\{\w+\}/g, "[^/]+")}$`),
      })),
    );
    return doc;
  }

  async request<T>(method: string, path: string, body?: unknown): Promise<{ status: number; body: T; headers: Headers }> {
    const bare = path.split("?")[0];
    if (!this.documented.some((d) => d.method === method && d.pattern.test(bare))) throw new Error(`${method} ${bare} is not in the OpenAPI document`);
    this.used.push(`${method} ${bare}`);
    const headers: Record<string, string> = { authorization: `Bearer ${this.token}`, accept: "application/json" };
    if (body !== undefined) headers["content-type"] = "application/json";
    const res = await this.fetch(`${this.base}${path}`, { method, headers, body: body === undefined ? undefined : JSON.stringify(body) });
    return { status: res.status, body: (res.status === 204 ? null : await res.json()) as T, headers: res.headers };
  }

  /** Every item of a list, page by page, following `pages` as the documentation says. */
  async all<T>(path: string, perPage = 100): Promise<{ items: T[]; total: number; pagesSeen: number }> {
    const items: T[] = [];
    let page = 1;
    let pages = 1;
    let total = 0;
    do {
      const sep = path.includes("?") ? "&" : "?";
      const res = await this.request<Page<T>>("GET", `${path}${sep}page=${page}&per_page=${perPage}`);
      if (res.status !== 200) throw new Error(`GET ${path} page ${page}: ${res.status}`);
      items.push(...res.body.data);
      pages = res.body.pages;
      total = res.body.total;
      page++;
    } while (page <= pages);
    return { items, total, pagesSeen: page - 1 };
  }

  accounts() {
    return this.all<Account>("/1/accounts");
  }
  account(accountId: string) {
    return this.request<{ result: string; data: Account } | ApiError>("GET", `/1/accounts/${accountId}`);
  }
  users(accountId: string, perPage = 100) {
    return this.all<ApiUser>(`/2/accounts/${accountId}/users`, perPage);
  }
  products(accountId: string, perPage = 100) {
    return this.all<{ id: string; name: string }>(`/1/accounts/${accountId}/products`, perPage);
  }
  invite(accountId: string, invitee: { first_name: string; last_name: string; email: string; role_type: "owner" | "admin" | "user" }) {
    return this.request<{ result: string; data: unknown } | ApiError>("POST", `/1/accounts/${accountId}/invitations`, invitee);
  }
  teams(accountId: string) {
    return this.all<{ id: string; name: string }>(`/1/accounts/${accountId}/teams`);
  }
  invoices(accountId: string) {
    return this.all<{ id: string; number: string }>(`/1/accounts/${accountId}/invoices`);
  }
  invoice(accountId: string, invoiceId: string) {
    return this.request<{ result: string; data: { id: string; number: string; lines: unknown[] } } | ApiError>("GET", `/1/accounts/${accountId}/invoices/${invoiceId}`);
  }
}
