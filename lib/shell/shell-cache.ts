/**
 * What the console shell shows of a person — their Organizations with roles and partner status, and the
 * header and navigation drawn from them — kept per process and read again only when it changed.
 *
 * Every entry is filed under the person and `User.shellVersion`, which database triggers raise in the
 * same transaction as any change of their memberships, roles, Organizations' names or partner status
 * (migration `user_shell_version`), whatever code writes it. The version arrives with the session row
 * every request reads anyway, so a change shows on the person's next request on every instance: each
 * instance keeps its own entries, and none can serve a stale one. Rendered parts are filed under
 * everything they are drawn from (person, version, Organization, language, access), so two people never
 * share an entry unless everything they would be shown is the same.
 */
const MAX_ENTRIES = 5_000;

export class ShellCache<T> {
  private entries = new Map<string, T>();

  constructor(private readonly max = MAX_ENTRIES) {}

  /** The entry filed under `key`, made by `build` the first time (a failed build is not kept). */
  async get(key: string, build: () => Promise<T>): Promise<T> {
    const known = this.entries.get(key);
    if (known !== undefined) {
      // Most recently used last: the oldest entry is the first to go.
      this.entries.delete(key);
      this.entries.set(key, known);
      return known;
    }
    const value = await build();
    if (this.entries.size >= this.max) this.entries.delete(this.entries.keys().next().value!);
    this.entries.set(key, value);
    return value;
  }

  get size(): number {
    return this.entries.size;
  }
}

/** A key from the values an entry is drawn from (JSON: no separator can be forged by a name). */
export function shellKey(...parts: unknown[]): string {
  return JSON.stringify(parts);
}
