/**
 * `npm test`: every check in order — typecheck, lint, unit + integration tests (vitest, real Postgres and
 * SMTP), production build, end-to-end tests (Playwright, real Chromium) — then one closing line with the
 * total over all suites: `N passed, N failed`.
 */
import { spawnSync } from "node:child_process";
import { existsSync, mkdirSync, readFileSync, rmSync } from "node:fs";

type Stage = { name: string; cmd: string[]; report?: string; count?: (json: unknown) => { passed: number; failed: number } };

const vitestCount = (j: unknown) => {
  const r = j as { numPassedTests: number; numFailedTests: number; numTotalTests: number; numPendingTests?: number; numTodoTests?: number };
  return { passed: r.numPassedTests, failed: r.numFailedTests };
};
const playwrightCount = (j: unknown) => {
  const s = (j as { stats: { expected: number; unexpected: number; flaky: number } }).stats;
  return { passed: s.expected + s.flaky, failed: s.unexpected };
};

const stages: Stage[] = [
  { name: "typecheck", cmd: ["npx", "tsc", "--noEmit"] },
  { name: "lint", cmd: ["npx", "eslint", "."] },
  {
    name: "unit + integration",
    cmd: ["npx", "vitest", "run", "--reporter=default", "--reporter=json", "--outputFile=test-results/vitest-report.json"],
    report: "test-results/vitest-report.json",
    count: vitestCount,
  },
  { name: "build", cmd: ["npx", "next", "build"] },
  { name: "end-to-end", cmd: ["npx", "playwright", "test"], report: "test-results/e2e-report.json", count: playwrightCount },
];

mkdirSync("test-results", { recursive: true });
let passed = 0;
let failed = 0;
const summary: string[] = [];
let buildOk = true;

for (const stage of stages) {
  if (stage.name === "end-to-end" && !buildOk) {
    summary.push(`${stage.name}: not run (build failed)`);
    failed += 1;
    continue;
  }
  if (stage.report) rmSync(stage.report, { force: true });
  console.log(`\n▶ ${stage.name}: ${stage.cmd.join(" ")}`);
  const t0 = Date.now();
  const res = spawnSync(stage.cmd[0], stage.cmd.slice(1), { stdio: "inherit", env: { ...process.env, NEXT_TELEMETRY_DISABLED: "1" } });
  const seconds = ((Date.now() - t0) / 1000).toFixed(0);
  const ok = res.status === 0;
  if (stage.name === "build") buildOk = ok;
  if (stage.count && stage.report && existsSync(stage.report)) {
    const c = stage.count(JSON.parse(readFileSync(stage.report, "utf8")));
    // A runner that exits non-zero with no failed test (crash, no tests) still counts as a failure.
    const extra = !ok && c.failed === 0 ? 1 : 0;
    passed += c.passed;
    failed += c.failed + extra;
    summary.push(`${stage.name}: ${c.passed} passed, ${c.failed + extra} failed (${seconds} s)`);
  } else if (stage.count) {
    failed += 1;
    summary.push(`${stage.name}: no report (exit ${res.status}) (${seconds} s)`);
  } else {
    if (!ok) failed += 1;
    summary.push(`${stage.name}: ${ok ? "ok" : "FAILED"} (${seconds} s)`);
  }
}

console.log("\n── Summary ──");
for (const line of summary) console.log(`  ${line}`);
console.log(`${passed} passed, ${failed} failed`);
process.exit(failed > 0 || passed === 0 ? 1 : 0);
