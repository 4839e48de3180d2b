"use server";

import { revalidatePath } from "next/cache";
import { z } from "zod";
import { createCalendarFeed } from "@/lib/calendar/create-calendar-feed";
import { revokeCalendarFeed } from "@/lib/calendar/revoke-calendar-feed";
import { action } from "@/lib/http/action";

const PAGE = "/account/calendar";
const noInput = z.object({});

/** The person's renewal calendar feed: a new secret URL (the previous one stops working), shown this once. */
export const createCalendarFeedAction = action(noInput, async (_input, { db, actor }) => {
  const created = await createCalendarFeed(db, actor);
  revalidatePath(PAGE);
  return { url: created.url };
});

/** Ends the person's renewal calendar feed: its URL answers 404 at once. */
export const revokeCalendarFeedAction = action(noInput, async (_input, { db, actor }) => {
  const result = await revokeCalendarFeed(db, actor);
  revalidatePath(PAGE);
  return result;
});
