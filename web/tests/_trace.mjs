import { spawn } from "node:child_process";
import { readFileSync } from "node:fs";
import { chromium } from "playwright-core";
const site = process.argv[2], query = process.argv[3] || "";
function serve() {
  return new Promise((resolve) => {
    const p = spawn("python3", ["-u", "-m", "http.server", "0", "--bind", "127.0.0.1", "-d", site], { stdio: ["ignore", "pipe", "ignore"] });
    let t = ""; p.stdout.on("data", (d) => { t += d; const m = /port (\d+)/.exec(t); if (m) resolve([p, `http://127.0.0.1:${m[1]}/`]); });
  });
}
const [server, base] = await serve();
const browser = await chromium.launch({ executablePath: "/usr/bin/chromium", args: ["--no-sandbox"] });
const ctx = await browser.newContext({ viewport: { width: 1280, height: 720 } });
const page = await ctx.newPage();
await browser.startTracing(page, { path: "/tmp/probe/trace.json", categories: ["devtools.timeline", "v8", "v8.wasm", "blink", "disabled-by-default-devtools.timeline", "blink.user_timing"] });
await page.goto(base + query);
await page.waitForFunction(() => window.gdstepReady, null, { timeout: 20000 });
const ff = await page.evaluate(() => [window.gdstepFirstFrame, performance.getEntriesByName("wasm")[0].startTime]);
await browser.stopTracing();
await browser.close(); server.kill();
const tr = JSON.parse(readFileSync("/tmp/probe/trace.json"));
const ev = tr.traceEvents || tr;
// renderer main thread: find CrRendererMain
const names = {};
for (const e of ev) if (e.name === "thread_name") names[e.pid + ":" + e.tid] = e.args.name;
const main = Object.entries(names).filter(([k, v]) => v === "CrRendererMain").map(([k]) => k);
const nav = ev.find((e) => e.name === "navigationStart" || e.name === "NavigationStart" );
const wm = ev.filter(e=>e.name==="wasm" && e.cat.includes("user_timing")); const t0 = wm[wm.length-1].ts - ff[1]*1000; console.log("wasm marks", wm.length);
console.log("first frame", ff[0].toFixed(1), "main threads", main);
const agg = {};
for (const e of ev) {
  const k = e.pid + ":" + e.tid;
  if (!main.includes(k) || e.ph !== "X" || !e.dur) continue;
  const st = (e.ts - t0) / 1000;
  if (st < 0 || st > ff[0] + 5) continue;
  if (e.dur > 1000 && !process.argv[4]) console.log(`${k} ${st.toFixed(1)} +${(e.dur/1000).toFixed(1)} ${e.name} ${e.args && e.args.data && (e.args.data.url||e.args.data.functionName||'') || ''}`);
}
const A = +(process.argv[4] || 0), B = +(process.argv[5] || 1e9);
const sum = {};
for (const e of ev) {
  const k = e.pid + ":" + e.tid;
  if (!main.includes(k) || e.ph !== "X" || !e.dur) continue;
  const st = (e.ts - t0) / 1000;
  if (st < A || st > B) continue;
  sum[e.name] = sum[e.name] || [0, 0]; sum[e.name][0] += e.dur / 1000; sum[e.name][1]++;
}
console.log(Object.entries(sum).sort((a, b) => b[1][0] - a[1][0]).slice(0, 25).map(([n, [d, c]]) => `${d.toFixed(1)}ms x${c} ${n}`).join("\n"));
for (const e of ev) if (e.cat && e.cat.includes("user_timing")) console.log("mark", e.name, ((e.ts - t0) / 1000).toFixed(1));
for (const e of ev) if (/RemoteFontLoaded|FontFace|WebFont|DecodeFont|FontResource/i.test(e.name)) console.log("font", e.name, ((e.ts - t0) / 1000).toFixed(1), e.dur ? (e.dur/1000).toFixed(1) : "", e.tid);
