/**
 * Where a page's time goes, measured as the web server's own CPU per request (part of `npm run bench`'s
 * load section, or alone with `-- --cpu-only`).
 *
 * Requests are sent one at a time, in blocks of BLOCK requests per page, the pages' blocks interleaved
 * (a, l, b, p, r, a, l, b, …) so that other work on the machine hits every page alike. The server's CPU
 * is read from the kernel's per-thread run time (`/proc/<pid>/task/<tid>/schedstat`, nanoseconds) of
 * every process in its process group, before and after each block: what the web server spent, PostgreSQL
 * and this script not included. A page's figure is the first quartile of its blocks (the blocks least
 * disturbed by the rest of the machine) and the median next to it. Each request's time to first byte
 * (the first chunk of the body: with streaming, the shell) and to the last byte are kept as well.
 */
import { readdirSync, readFileSync } from "node:fs";
import http from "node:http";

export type CpuCase = { name: string; label: string; url: string; headers?: Record<string, string> };
export type CpuResult = { name: string; label: string; cpuQ1: number; cpuMedian: number; ttfb: number; full: number; bytes: number };

const BLOCK = 25;
const BLOCKS = 12;

/** Nanoseconds of CPU the threads of every process of the group have run so far. */
function groupCpuNs(pgid: number): number {
  let total = 0;
  for (const entry of readdirSync("/proc")) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      // Field 5 of /proc/<pid>/stat is the process group; the command may hold spaces, so count after ")".
      const stat = readFileSync(`/proc/${entry}/stat`, "utf8");
      const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
      if (Number(fields[2]) !== pgid) continue;
      for (const tid of readdirSync(`/proc/${entry}/task`)) total += Number(readFileSync(`/proc/${entry}/task/${tid}/schedstat`, "utf8").split(" ")[0]);
    } catch {
      // the process or thread ended between the listing and the read
    }
  }
  return total;
}

/** One GET, timed to its first body chunk and its end. */
function timedGet(url: string, headers: Record<string, string>): Promise<{ ttfb: number; full: number; bytes: number; status: number }> {
  return new Promise((resolve, reject) => {
    const start = performance.now();
    let first = 0;
    let bytes = 0;
    const req = http.get(url, { headers, agent: keepAlive }, (res) => {
      res.on("data", (chunk: Buffer) => {
        if (!first) first = performance.now() - start;
        bytes += chunk.byteLength;
      });
      res.on("end", () => resolve({ ttfb: first || performance.now() - start, full: performance.now() - start, bytes, status: res.statusCode ?? 0 }));
      res.on("error", reject);
    });
    req.on("error", reject);
  });
}
const keepAlive = new http.Agent({ keepAlive: true, maxSockets: 1 });

const quantile = (xs: number[], q: number) => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.floor(s.length * q))];
};

export async function measureCpu(pgid: number, cases: CpuCase[], interrupted: () => boolean): Promise<CpuResult[]> {
  const perBlock = new Map<string, number[]>(cases.map((c) => [c.name, []]));
  const ttfb = new Map<string, number[]>(cases.map((c) => [c.name, []]));
  const full = new Map<string, number[]>(cases.map((c) => [c.name, []]));
  const bytes = new Map<string, number>();
  for (const c of cases) {
    // Warm: the route's code loaded, its caches filled.
    for (let i = 0; i < 5; i++) await checked(c);
  }
  for (let block = 0; block < BLOCKS; block++) {
    for (const c of cases) {
      if (interrupted()) throw new Error("interrupted");
      const before = groupCpuNs(pgid);
      for (let i = 0; i < BLOCK; i++) {
        const r = await checked(c);
        ttfb.get(c.name)!.push(r.ttfb);
        full.get(c.name)!.push(r.full);
        bytes.set(c.name, r.bytes);
      }
      perBlock.get(c.name)!.push((groupCpuNs(pgid) - before) / 1e6 / BLOCK);
    }
  }
  return cases.map((c) => ({
    name: c.name,
    label: c.label,
    cpuQ1: quantile(perBlock.get(c.name)!, 0.25),
    cpuMedian: quantile(perBlock.get(c.name)!, 0.5),
    ttfb: quantile(ttfb.get(c.name)!, 0.5),
    full: quantile(full.get(c.name)!, 0.5),
    bytes: bytes.get(c.name) ?? 0,
  }));
}

async function checked(c: CpuCase) {
  const r = await timedGet(c.url, c.headers ?? {});
  if (r.status < 200 || r.status >= 300) throw new Error(`${c.label} answered ${r.status}: the benchmark's setup is wrong`);
  return r;
}

export function reportCpu(results: CpuResult[]): string {
  const base = results.find((r) => r.name === "a")!;
  const lines = [
    "",
    `  server CPU per request, one request at a time, pages interleaved (${BLOCKS} blocks of ${BLOCK}; first quartile of the blocks, median in brackets)`,
    `  ${"case".padEnd(46)} ${"CPU ms".padStart(15)} ${"to (a)".padStart(7)} ${"first byte ms".padStart(14)} ${"last byte ms".padStart(13)} ${"bytes".padStart(8)}`,
    ...results.map(
      (r) =>
        `  ${r.label.padEnd(46)} ${`${r.cpuQ1.toFixed(1)} (${r.cpuMedian.toFixed(1)})`.padStart(15)} ${`${(r.cpuQ1 / base.cpuQ1).toFixed(2)}×`.padStart(7)} ${r.ttfb.toFixed(1).padStart(14)} ${r.full.toFixed(1).padStart(13)} ${String(r.bytes).padStart(8)}`,
    ),
    "",
  ];
  return lines.join("\n");
}
