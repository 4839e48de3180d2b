import { createElement } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, test } from "vitest";
import { ConfirmButton } from "@/components/ui/confirm-dialog";

const props = {
  label: "Delete",
  ariaLabel: "Delete the team Web",
  title: "Delete the team “Web”?",
  description: "Members stay in the Organization.",
  confirmLabel: "Yes, delete",
  cancelLabel: "Cancel",
  onSubmit: () => {},
};

describe("ConfirmButton (components/ui)", () => {
  test("[a11y] a destructive button opens a closed modal dialog labelled by its question, Cancel before the destructive button", () => {
    const html = renderToStaticMarkup(createElement(ConfirmButton, props, createElement("input", { type: "hidden", name: "teamId", value: "t1" })));
    const trigger = html.match(/^<button [^>]*>Delete<\/button>/)?.[0] ?? "";
    for (const attr of ['type="button"', 'aria-label="Delete the team Web"', 'aria-haspopup="dialog"']) expect(trigger).toContain(attr);
    const dialog = html.match(/<dialog [^>]*>/)?.[0] ?? "";
    // Closed until the button calls showModal(): nothing of it is shown or read before.
    expect(dialog).not.toContain(" open");
    expect(dialog).toContain('role="alertdialog"');
    const title = dialog.match(/aria-labelledby="([^"]+)"/)?.[1];
    const description = dialog.match(/aria-describedby="([^"]+)"/)?.[1];
    expect(html).toContain(`<h2 id="${title}" class="text-base font-semibold">Delete the team “Web”?</h2>`);
    expect(html).toContain(`id="${description}"`);
    expect(html).toMatch(/<form [^>]*>.*name="teamId".*<\/form><\/dialog>$/);
    expect(html.indexOf(">Cancel<")).toBeLessThan(html.indexOf(">Yes, delete<"));
  });

  test("[a11y] a bulk action's dialog submits the page's form of ticked rows", () => {
    const html = renderToStaticMarkup(createElement(ConfirmButton, { ...props, onSubmit: undefined, form: "remove-users" }));
    expect(html).not.toContain("<form");
    expect(html).toMatch(/<button [^>]*type="submit" form="remove-users"[^>]*>Yes, delete<\/button>/);
  });
});
