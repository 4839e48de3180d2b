"use server";

import { revalidatePath } from "next/cache";
import { action } from "@/lib/http/action";
import { addBillingAddress, addBillingAddressSchema } from "@/lib/orgs/add-billing-address";
import { deleteBillingAddress, deleteBillingAddressSchema } from "@/lib/orgs/delete-billing-address";
import { setDefaultBillingAddress, setDefaultBillingAddressSchema } from "@/lib/orgs/set-default-billing-address";
import { updateBillingAddress, updateBillingAddressSchema } from "@/lib/orgs/update-billing-address";
import { updateOrganization, updateOrganizationSchema } from "@/lib/orgs/update-organization";
import { updateVatNumber, updateVatNumberSchema } from "@/lib/orgs/update-vat-number";

// Thin entry points: the services authorize (ORG-1) and validate; these only refresh the page.
const page = (orgId: string) => `/${orgId}/organization`;

export const updateOrganizationAction = action(updateOrganizationSchema, async (input, { db, actor }) => {
  await updateOrganization(db, actor, input);
  // The name also shows in the shell (Organization switcher) of every page of this Organization.
  revalidatePath(`/${input.orgId}`, "layout");
});

export const updateVatNumberAction = action(updateVatNumberSchema, async (input, { db, actor }) => {
  const result = await updateVatNumber(db, actor, input);
  revalidatePath(page(input.orgId));
  return result;
});

export const addBillingAddressAction = action(addBillingAddressSchema, async (input, { db, actor }) => {
  await addBillingAddress(db, actor, input);
  revalidatePath(page(input.orgId));
});

export const updateBillingAddressAction = action(updateBillingAddressSchema, async (input, { db, actor }) => {
  await updateBillingAddress(db, actor, input);
  revalidatePath(page(input.orgId));
});

export const deleteBillingAddressAction = action(deleteBillingAddressSchema, async (input, { db, actor }) => {
  await deleteBillingAddress(db, actor, input);
  revalidatePath(page(input.orgId));
});

export const setDefaultBillingAddressAction = action(setDefaultBillingAddressSchema, async (input, { db, actor }) => {
  await setDefaultBillingAddress(db, actor, input);
  revalidatePath(page(input.orgId));
});
