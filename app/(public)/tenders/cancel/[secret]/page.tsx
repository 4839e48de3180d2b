import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { getDb } from "@/lib/db";
import { orNotFound } from "@/lib/http/or-not-found";
import { findTenderToCancel } from "@/lib/tenders/cancel-tender";
import { CancelTenderForm } from "./cancel-tender-form";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("tenders"))("cancelTitle") };
}

/**
 * TND-4: opening the link only asks; the cancellation is the form's POST, so a mail scanner that fetches
 * links cannot cancel anything. A used or unknown link is the 404 page.
 */
export default async function CancelTenderPage({ params }: { params: Promise<{ secret: string }> }) {
  const { secret } = await params;
  const tender = await orNotFound(findTenderToCancel(getDb(), secret));
  return <CancelTenderForm secret={secret} title={tender.title} />;
}
