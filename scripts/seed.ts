/** Loads the demo data into DATABASE_URL: `DATABASE_URL=… npx tsx scripts/seed.ts`. Safe to run twice. */
import { createDb } from "@/lib/db";
import { DEMO_LOGINS, seedDemoData } from "@/prisma/seed";

async function main() {
  const url = process.env.DATABASE_URL;
  if (!url) throw new Error("DATABASE_URL is not set.");
  const db = createDb(url);
  try {
    const started = Date.now();
    const { created } = await seedDemoData(db);
    const took = `${Date.now() - started} ms`;
    console.log(created ? `Demo data created in ${took}.` : `Demo data already present: nothing changed (${took}).`);
    for (const login of DEMO_LOGINS) console.log(`  ${login.email.padEnd(22)} ${login.password}  ${login.description}`);
  } finally {
    await db.$disconnect();
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
