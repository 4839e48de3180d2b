/** A token's name over its display prefix: how both token tables show a token (TOK-4). */
export function TokenName({ name, displayPrefix }: { name: string; displayPrefix: string }) {
  return (
    <>
      <div className="font-medium">{name}</div>
      <div className="font-mono text-xs text-slate-500">{displayPrefix}…</div>
    </>
  );
}

/** A token's scopes as small code chips. */
export function ScopeList({ scopes }: { scopes: string[] }) {
  return (
    <ul className="flex flex-wrap gap-1">
      {scopes.map((s) => (
        <li key={s} className="rounded bg-slate-100 px-1.5 py-0.5 font-mono text-xs">
          {s}
        </li>
      ))}
    </ul>
  );
}
