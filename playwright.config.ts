import { defineConfig, devices } from "@playwright/test";
import { chromiumExecutable } from "./tests/setup/browser";

const PORT = Number(process.env.E2E_PORT ?? 3100);
const chromium = await chromiumExecutable();

export default defineConfig({
  testDir: "tests/e2e",
  fullyParallel: true,
  workers: 2,
  retries: 0,
  timeout: 60_000,
  expect: { timeout: 10_000 },
  reporter: [["list"], ["json", { outputFile: "test-results/e2e-report.json" }]],
  use: {
    baseURL: `http://localhost:${PORT}`,
    trace: "retain-on-failure",
    launchOptions: {
      executablePath: chromium,
      args: ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync"],
    },
  },
  projects: [{ name: "chromium", use: { ...devices["Desktop Chrome"] } }],
  // The real Manager: embedded Postgres, migrations, demo data, SMTP catcher and the production build —
  // two web servers on the one database behind the round-robin proxy, so every test also proves that
  // nothing needs to stick to one instance (tests/e2e/reliability/two-instances.spec.ts).
  webServer: {
    command: "npx tsx scripts/start.ts",
    url: `http://127.0.0.1:${PORT}/sign-in`,
    timeout: 300_000,
    reuseExistingServer: false,
    stdout: "ignore",
    stderr: "pipe",
    env: {
      PORT: String(PORT),
      MANAGER_DATA_DIR: ".data/e2e",
      MANAGER_FRESH: "1",
      MANAGER_PG_PORT: "0",
      MANAGER_INSTANCES: "2",
      // Test-only: the proxy names the instance that answered in `x-manager-instance`.
      MANAGER_INSTANCE_HEADER: "1",
      MANAGER_SMTP_PORT: "0",
      APP_URL: `http://localhost:${PORT}`,
      // Enables the test-only pages that fail on purpose (app/(dev)/faults), to prove the error pages.
      MANAGER_FAULT_PAGES: "1",
      // A message missing from the catalogue shows a marker the page walks look for (lib/i18n/request.ts).
      MANAGER_MISSING_MESSAGE_MARKERS: "1",
      // Every test signs up from the same client address; the limit itself is proven by the integration tests.
      SIGN_UP_LIMIT_PER_HOUR: "10000",
    },
  },
});
