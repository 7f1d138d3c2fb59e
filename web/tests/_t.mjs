import { spawn } from "node:child_process";
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
for (let run = 0; run < 4; run++) {
  const ctx = await browser.newContext({ viewport: { width: 1280, height: 720 } });
  const page = await ctx.newPage();
  await page.goto(base + query);
  await page.waitForFunction(() => window.gdstepReady, null, { timeout: 20000 });
  const r = await page.evaluate(() => [window.gdstepFirstFrame, window.T0, performance.getEntriesByName("fonts")[0].startTime]);
  const T = JSON.parse(r[1]);
  console.log(r[0].toFixed(0), "fonts", r[2].toFixed(0), Object.entries(T).map(([k, v]) => k + "=" + (typeof v === "number" ? v.toFixed(1) : v)).join(" "));
  await ctx.close();
}
await browser.close(); server.kill();
