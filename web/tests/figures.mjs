// The browser edition's figures (issue 16), in headless Chromium:
//   - navigation to the first frame (median of 10 loads each, interleaved,
//     fresh context, no cache, every page from the same python3 -m
//     http.server) of gdstep, of a page with a bare canvas, and of the
//     bare canvas drawn only once the page has also fetched, compiled and
//     instantiated gdstep.wasm and loaded the two DejaVu faces (what any
//     page built as issue 16 asks, the C core in wasm and the desktop's
//     fonts, waits for before it can draw; it calls nothing in the wasm);
//     and where gdstep's time goes (the page's marks: wasm compiled and
//     instantiated, state built, fonts ready; medians);
//   - bytes transferred for the English page, gzip-compressed as a
//     static host would send them (WOFF2 fonts and the wasm included);
//   - frame time at 1920 × 1080 (building the display list in C and
//     drawing it on the canvas; median of 50 frames).
//   node web/tests/figures.mjs SITE_DIR
import { spawn } from "node:child_process";
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { gzipSync } from "node:zlib";
import { chromium } from "playwright-core";

const site = process.argv[2];
// The site and the bare page side by side, served alike.
const served = mkdtempSync(join(tmpdir(), "gdstep-figures-"));
cpSync(site, served, { recursive: true });
const median = (a) => { const s = [...a].sort((x, y) => x - y); return (s[(s.length - 1) >> 1] + s[s.length >> 1]) / 2; };

const html = (preload, script) => `<!DOCTYPE html><html><head><meta charset="utf-8"><title>bare</title>${preload}
<style>html,body{margin:0;height:100%}canvas{width:100%;height:100%;display:block}</style></head>
<body><canvas id="c"></canvas><script>${script}</script></body></html>`;
const draw = (font) => `const c = document.getElementById("c"); c.width = innerWidth; c.height = innerHeight;
const x = c.getContext("2d"); x.fillStyle = "#fff"; x.fillRect(0, 0, c.width, c.height);
x.fillStyle = "#000"; x.font = "20px ${font}"; x.fillText("bare", 20, 40);
window.gdstepFirstFrame = performance.now(); window.gdstepReady = true;`;
const BARE = html("", draw("sans-serif"));
// The wasm instantiated with every import a function doing nothing, the
// faces fetched as gdstep's page fetches them (preloaded, FontFace).
const LOADED = html(`<link rel="preload" href="gdstep.wasm" as="fetch" type="application/wasm" crossorigin>
<link rel="preload" href="fonts/DejaVuSans.woff2" as="font" type="font/woff2" crossorigin>
<link rel="preload" href="fonts/DejaVuSans-Bold.woff2" as="font" type="font/woff2" crossorigin>`,
`const stub = new Proxy({}, { get: () => () => 0 });
const wasm = WebAssembly.instantiateStreaming(fetch("gdstep.wasm"), { wasi_snapshot_preview1: stub, gdstep: stub });
const faces = [new FontFace("gdstep", "url(fonts/DejaVuSans.woff2)", { weight: "400" }),
  new FontFace("gdstep", "url(fonts/DejaVuSans-Bold.woff2)", { weight: "700" })];
const fonts = Promise.all(faces.map((f) => f.load())).then(() => faces.forEach((f) => document.fonts.add(f)));
Promise.all([wasm, fonts]).then(() => { ${draw("gdstep")} });`);

function serve() {
  return new Promise((resolve) => {
    const p = spawn("python3", ["-u", "-m", "http.server", "0", "--bind", "127.0.0.1", "-d", served],
      { stdio: ["ignore", "pipe", "ignore"] });
    let t = "";
    p.stdout.on("data", (d) => { t += d; const m = /port (\d+)/.exec(t); if (m) resolve([p, `http://127.0.0.1:${m[1]}/`]); });
  });
}

writeFileSync(join(served, "bare.html"), BARE);
writeFileSync(join(served, "loaded.html"), LOADED);
const [server, base] = await serve();
const browser = await chromium.launch({ executablePath: "/usr/bin/chromium", args: ["--no-sandbox"] });
async function firstFrame(url) {
  const ctx = await browser.newContext({ viewport: { width: 1280, height: 720 } });
  const page = await ctx.newPage();
  const bytes = [];
  page.on("response", async (r) => { try { bytes.push([r.url(), (await r.body()).length]); } catch {} });
  await page.goto(url);
  await page.waitForFunction(() => window.gdstepReady, null, { timeout: 20000 });
  const [t, marks] = await page.evaluate(() => [window.gdstepFirstFrame,
    Object.fromEntries(performance.getEntriesByType("mark").map((m) => [m.name, m.startTime]))]);
  await ctx.close();
  return [t, bytes, marks];
}
const g = [], b = [], l = [], marks = {};
let fetched = [];
for (let i = 0; i < 10; i++) {
  const [tg, bytes, m] = await firstFrame(base);
  g.push(tg);
  fetched = bytes;
  for (const [k, v] of Object.entries(m)) (marks[k] = marks[k] || []).push(v);
  b.push((await firstFrame(base + "bare.html"))[0]);
  l.push((await firstFrame(base + "loaded.html"))[0]);
}
console.log(`first frame: gdstep median ${median(g).toFixed(1)} ms, bare canvas ${median(b).toFixed(1)} ms, ratio ${(median(g) / median(b)).toFixed(2)}`);
console.log(`  bare canvas once gdstep.wasm and the fonts are loaded: median ${median(l).toFixed(1)} ms, ` +
  `ratio to the bare canvas ${(median(l) / median(b)).toFixed(2)}; gdstep to it ${(median(g) / median(l)).toFixed(2)}`);
console.log("  gdstep's marks (median ms since navigation): " +
  Object.entries(marks).map(([k, v]) => `${k} ${median(v).toFixed(1)}`).join(", ") +
  `, first frame ${median(g).toFixed(1)}`);
let raw = 0, gz = 0;
for (const [url] of fetched) {
  const path = new URL(url).pathname.replace(/^\//, "") || "index.html";
  const data = readFileSync(join(site, path));
  raw += data.length;
  gz += gzipSync(data, { level: 9 }).length;
  console.log(`  ${path}: ${data.length} bytes, ${gzipSync(data, { level: 9 }).length} gzip`);
}
console.log(`English page: ${fetched.length} files, ${raw} bytes, ${gz} bytes gzip (${(gz / 1024).toFixed(1)} KiB)`);

const ctx = await browser.newContext({ viewport: { width: 1920, height: 1080 } });
const page = await ctx.newPage();
await page.goto(base + "?scene=4&steps=2");
await page.waitForFunction(() => window.gdstepReady);
const times = await page.evaluate(async () => {
  // draw: the list built in C and drawn on the canvas; with readback:
  // also waiting for the pixels (getImageData forces the raster).
  const app = window.gdstep, t = [], r = [];
  for (let i = 0; i < 50; i++) {
    let t0 = performance.now();
    app.draw(t0);
    t.push(performance.now() - t0);
    t0 = performance.now();
    app.draw(t0);
    app.ctx.getImageData(0, 0, 1, 1);
    r.push(performance.now() - t0);
  }
  return [t, app.canvas.width, app.canvas.height, r];
});
console.log(`frame at ${times[1]}x${times[2]}: median ${median(times[0]).toFixed(2)} ms, max ${Math.max(...times[0]).toFixed(2)} ms; with readback median ${median(times[3]).toFixed(2)} ms (50 frames)`);
await browser.close();
server.kill();
rmSync(served, { recursive: true, force: true });
