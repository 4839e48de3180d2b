import { createElement } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, test } from "vitest";
import { DataTable, type Column } from "@/components/ui/data-table";
import { sortLink } from "@/components/ui/sort-header";
import { spreadsheetSafe } from "@/lib/csv/spreadsheet-csv";

type Row = { id: string; name: string };
const href = ({ sort, dir }: { sort: string; dir: string }) => `/list?sort=${sort}&dir=${dir}`;
const columns = (sortBy: { sort: string; dir: "asc" | "desc" }): Column<Row>[] => [
  { key: "name", label: "Name", sort: sortLink("name", sortBy, href, "sort by name"), rowHeader: true, cell: (r) => r.name },
  { key: "size", label: "Size", sort: sortLink("size", sortBy, href, "sort by size"), cell: () => "1" },
  { key: "actions", label: "Actions", hiddenLabel: true, cell: () => "⋮" },
];
const render = (props: Partial<Parameters<typeof DataTable<Row>>[0]>) =>
  renderToStaticMarkup(createElement(DataTable<Row>, { caption: "Things", columns: columns({ sort: "name", dir: "asc" }), rows: [], rowKey: (r) => r.id, empty: "Nothing yet", ...props }));

describe("DataTable (components/ui)", () => {
  test("[ORG-1] caption, column headers with aria-sort on the sorted column only, and links that flip or set the sort", () => {
    const html = render({ rows: [{ id: "1", name: "Alpha" }] });
    expect(html).toContain('<caption class="sr-only">Things</caption>');
    expect(html).toMatch(/<th scope="col" aria-sort="ascending"[^>]*><a [^>]*href="\/list\?sort=name&amp;dir=desc"/);
    expect(html).toMatch(/<th scope="col" class="px-3 py-2"><a [^>]*href="\/list\?sort=size&amp;dir=asc"/);
    expect(html.match(/aria-sort/g)).toHaveLength(1);
    expect(html).toContain('<span class="sr-only">Actions</span>');
    expect(html).toMatch(/<th scope="row"[^>]*>Alpha<\/th>/);
  });

  test("[ORG-1] no rows: one row spanning every column (selection included) says so", () => {
    const selection = { selected: new Set<string>(), onChange: () => {}, allLabel: "Select all", rowLabel: (r: Row) => `Select ${r.name}` };
    expect(render({})).toMatch(/<td colspan="3"[^>]*>Nothing yet<\/td>/i);
    const html = render({ selection });
    expect(html).toMatch(/<td colspan="4"[^>]*>Nothing yet<\/td>/i);
    expect(html).toMatch(/<input type="checkbox" aria-label="Select all" disabled=""/);
  });

  test("[ORG-4] selection: labelled boxes, rows that cannot be ticked have none, 'select all' is ticked when every tickable row is", () => {
    const rows = [
      { id: "1", name: "Alpha" },
      { id: "2", name: "Beta" },
    ];
    const html = render({
      rows,
      selection: { selected: new Set(["1"]), onChange: () => {}, allLabel: "Select all", rowLabel: (r) => `Select ${r.name}`, selectable: (r) => r.id === "1", inputProps: (r) => ({ name: "ids", value: r.id }) },
    });
    expect(html).toMatch(/aria-label="Select all" checked=""/);
    const alpha = html.match(/<input [^>]*aria-label="Select Alpha"[^>]*>/)?.[0] ?? "";
    for (const attr of ['checked=""', 'name="ids"', 'value="1"']) expect(alpha).toContain(attr);
    expect(html).not.toContain("Select Beta");
  });

  test("[a11y] on a narrow screen the table scrolls in its own labelled, focusable box and its first column stays in view", () => {
    const html = render({ rows: [{ id: "1", name: "Alpha" }] });
    expect(html).toMatch(/^<div role="region" aria-label="Things" tabindex="0" class="relative overflow-x-auto /);
    const sticky = (cell: string | undefined) => /\bsticky\b/.test(cell ?? "") && /\bleft-0\b/.test(cell ?? "");
    expect(sticky(html.match(/<th scope="col" aria-sort[^>]*>/)?.[0])).toBe(true);
    expect(sticky(html.match(/<th scope="row"[^>]*>/)?.[0])).toBe(true);
    expect(html.match(/<td [^>]*>/g)?.some((td) => /\bsticky\b/.test(td))).toBe(false);
    // With row selection, the boxes stick at the left and the naming column right after them.
    const selection = { selected: new Set<string>(), onChange: () => {}, allLabel: "Select all", rowLabel: (r: Row) => `Select ${r.name}` };
    const selectable = render({ rows: [{ id: "1", name: "Alpha" }], selection });
    expect(selectable).toMatch(/<th scope="row" class="[^"]*\bsticky\b[^"]*\bleft-10\b/);
  });
});

describe("spreadsheetSafe", () => {
  test("[SEC-9] formula starts are neutralised at the start and after any semicolon; other text is untouched", () => {
    for (const start of ["=", "+", "-", "@", "\t", "\r"]) expect(spreadsheetSafe(`${start}x`)).toBe(`'${start}x`);
    expect(spreadsheetSafe("a;=b;  +c; d")).toBe("a;'=b;  '+c; d");
    expect(spreadsheetSafe("Café; Zürich")).toBe("Café; Zürich");
    expect(spreadsheetSafe("2026-12-05T00:00:00.000Z")).toBe("2026-12-05T00:00:00.000Z");
  });
});
