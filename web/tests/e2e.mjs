// End-to-end tests of the browser edition in headless Chromium (Debian's
// /usr/bin/chromium, driven by playwright-core, which downloads no
// browser). The site is served on 127.0.0.1 by python3 -m http.server,
// since a file:// page cannot fetch its .wasm.
//
//   node e2e.mjs CASE SITE_DIR GDSTEP [OUT_DIR]
//
// runs one case (meson registers each as its own test, suite 'web');
// GDSTEP is the desktop program, for its screenshots and error lines.
// Exit status: 0 passed, 1 failed, 77 skipped (no playwright-core: run
// `npm ci` in web/).
import { spawn, execFileSync, spawnSync } from "node:child_process";
import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

const ROOT = join(dirname(fileURLToPath(import.meta.url)), "..", "..");

const [caseName, site, gdstep, outArg] = process.argv.slice(2);
const out = outArg || mkdtempSync(join(tmpdir(), "gdstep-web-"));
mkdirSync(out, { recursive: true });
const CHROMIUM = process.env.GDSTEP_CHROMIUM || "/usr/bin/chromium";

let chromium;
try {
  ({ chromium } = await import("playwright-core"));
} catch {
  console.log("skipped: playwright-core is not installed (npm ci in web/)");
  process.exit(77);
}

function fail(msg) {
  throw new Error(msg);
}

function expect(cond, msg) {
  if (!cond) fail(msg);
}

// python3 -m http.server on a free port; resolves to [process, base URL].
function serve() {
  return new Promise((resolve, reject) => {
    const p = spawn("python3", ["-u", "-m", "http.server", "0", "--bind",
      "127.0.0.1", "-d", site], { stdio: ["ignore", "pipe", "pipe"] });
    let text = "";
    const timer = setTimeout(() => reject(new Error("the server did not start")), 10000);
    p.stdout.on("data", (d) => {
      text += d;
      const m = /port (\d+)/.exec(text);
      if (m) {
        clearTimeout(timer);
        resolve([p, `http://127.0.0.1:${m[1]}/`]);
      }
    });
    p.on("error", reject);
  });
}

// Opens the page at query q, waits until it drew its first frame or
// showed an error; returns the page.
async function open(browser, base, q, viewport = { width: 1280, height: 720 },
  extra = {}) {
  const page = await browser.newPage({ viewport, ...extra });
  const errors = [];
  page.on("pageerror", (e) => errors.push(e.message));
  page.errors = errors;
  await page.goto(base + q);
  await page.waitForFunction(() => window.gdstepReady || window.gdstepError,
    null, { timeout: 20000 });
  return page;
}

const state = (page) => page.evaluate(() => ({
  scene: window.gdstep.ex.gdstep_scene(window.gdstep.h),
  step: Number(window.gdstep.ex.gdstep_step(window.gdstep.h)),
}));

// The desktop's one line on stderr for the same arguments.
function desktopError(args) {
  const r = spawnSync(gdstep, ["--trace", ...args], { encoding: "utf8" });
  expect(r.status === 2, `gdstep ${args.join(" ")} exited ${r.status}, not 2`);
  return r.stderr.trim();
}

// How many pixels of two pictures differ by more than a fifth of the
// range, both scaled to an eighth first (160 × 90 for 1280 × 720): fonts
// rasterise a little differently in a browser, which scaling averages
// away, but a shape, a colour or a line of text out of place remains.
function difference(a, b) {
  const small = (f) => {
    const s = f.replace(/\.png$/, "-small.png");
    execFileSync("convert", [f, "-resize", "12.5%", s]);
    return s;
  };
  const r = spawnSync("compare", ["-metric", "AE", "-fuzz", "20%", small(a),
    small(b), "null:"], { encoding: "utf8" });
  const n = Number(r.stderr.trim());
  expect(r.stderr.trim() !== "" && Number.isFinite(n), "compare said: " + r.stderr);
  return n;
}

// The most pixels (of 14,400) a browser frame may differ by (measured:
// under 10 for the same scene; one step on differs by about 260, the
// next scene by 1,000).
const SAME_PICTURE = 60;

async function canvasPng(page, file) {
  await page.locator("#gdstep").screenshot({ path: file });
  return file;
}

// A lesson the page fetches, served from the test instead of the site.
async function serveLesson(page, name, body, status = 200) {
  await page.route("**/" + name, (route) => route.fulfill({ status,
    contentType: "text/plain; charset=utf-8", body }));
}

// A lesson whose second scene names a curve that does not exist.
const BAD_LESSON = "[lesson]\ntitle = Bad\n\n[scene]\ntitle = One\ncurve = bowl\n\n" +
  "[scene]\ntitle = Two\ncurve = bowll\n";

// The desktop's line for that lesson in a file of that name.
function desktopLessonError(name, body, lang = "en") {
  const dir = mkdtempSync(join(tmpdir(), "gdstep-web-lesson-"));
  writeFileSync(join(dir, name), body);
  const r = spawnSync(gdstep, ["--trace", "--lang", lang, name],
    { cwd: dir, encoding: "utf8" });
  expect(r.status === 2, `gdstep ${name} exited ${r.status}, not 2`);
  return r.stderr.trim();
}

// Opens the page with ?lesson=NAME served as body; returns the page.
async function openLesson(browser, base, name, body, status = 200, q = "") {
  const page = await browser.newPage({ viewport: { width: 1280, height: 720 } });
  await serveLesson(page, name, body, status);
  await page.goto(base + "?lesson=" + name + q);
  await page.waitForFunction(() => window.gdstepReady || window.gdstepError,
    null, { timeout: 20000 });
  return page;
}

const cases = {
  async loads(browser, base) {
    const page = await open(browser, base, "");
    expect(!(await page.evaluate(() => window.gdstepError)), "an error line showed");
    const s = await state(page);
    expect(s.scene === 1 && s.step === 0, `opened at ${JSON.stringify(s)}`);
    const size = await page.evaluate(() => [window.gdstep.canvas.width,
      window.gdstep.canvas.height, window.gdstep.frames]);
    expect(size[0] === 1280 && size[1] === 720, "canvas " + size);
    expect(size[2] >= 1, "no frame drawn");
    expect(page.errors.length === 0, "page errors: " + page.errors);
    // The first frame is whole: drawing the same state again changes no
    // pixel (the first frame measures fonts while it draws).
    for (const q of ["?scene=9", "?scene=9&lang=zh"]) {
      const p2 = await open(browser, base, q);
      const first = await p2.evaluate(() => window.gdstep.canvas.toDataURL());
      const again = await p2.evaluate(() => {
        window.gdstep.draw(performance.now());
        return window.gdstep.canvas.toDataURL();
      });
      expect(first === again, q + ": the first frame differs from the next");
    }
  },

  async "keys-step-undo"(browser, base) {
    const page = await open(browser, base, "?scene=4"); // 12 steps planned
    await page.keyboard.press("ArrowRight");
    await page.keyboard.press("Space");
    await page.keyboard.press("PageDown");
    let s = await state(page);
    expect(s.step === 3, "after three Next keys, step " + s.step);
    await page.keyboard.press("ArrowLeft");
    await page.keyboard.press("Backspace");
    s = await state(page);
    expect(s.step === 1, "after two Back keys, step " + s.step);
    await page.keyboard.press("n"); // next scene (N)
    s = await state(page);
    expect(s.scene === 5 && s.step === 0, "after N: " + JSON.stringify(s));
    await page.keyboard.press("3"); // scene 3 by its digit
    s = await state(page);
    expect(s.scene === 3, "after 3: scene " + s.scene);
  },

  async "url-scene"(browser, base) {
    const page = await open(browser, base, "?scene=4&steps=2");
    const s = await state(page);
    expect(s.scene === 4 && s.step === 2, "opened at " + JSON.stringify(s));
  },

  async "same-as-desktop"(browser, base) {
    const page = await open(browser, base, "?scene=4&steps=2");
    await page.waitForTimeout(200);
    const web = await canvasPng(page, join(out, "web-scene4-steps2.png"));
    const desk = join(out, "desktop-scene4-steps2.png");
    execFileSync(gdstep, ["--screenshot", desk, "--scene", "4", "--steps", "2",
      "--size", "1280x720"]);
    const other = join(out, "desktop-scene4-steps3.png");
    execFileSync(gdstep, ["--screenshot", other, "--scene", "4", "--steps", "3",
      "--size", "1280x720"]);
    const same = difference(web, desk), differs = difference(web, other);
    console.log(`pixels differing from the desktop: ${same}; from one step on: ${differs}`);
    expect(same <= SAME_PICTURE, `the page differs from the desktop by ${same}`);
    expect(differs > SAME_PICTURE, `a step on looks the same (${differs}): the comparison sees nothing`);
  },

  async "bad-url"(browser, base) {
    for (const [q, args] of [["?scene=99", ["--scene", "99"]],
      ["?rate=abc", ["--rate", "abc"]], ["?curve=bowll", ["--curve", "bowll"]],
      ["?nosuch=1", ["--nosuch", "1"]]]) {
      const page = await open(browser, base, q);
      const line = await page.evaluate(() => window.gdstepError || "");
      const shown = await page.locator("#error").textContent();
      const want = desktopError(args);
      expect(line === want && shown === want,
        `${q}: the page says "${shown}", the desktop "${want}"`);
      expect(!want.includes("\n"), "not one line: " + want);
      await page.close();
    }
  },

  async chinese(browser, base) {
    const page = await open(browser, base, "?lang=zh&scene=2&steps=1");
    await page.waitForFunction(() => window.gdstepFonts.cjkReady, null, { timeout: 20000 });
    expect(await page.evaluate(() => document.documentElement.lang) === "zh-CN", "lang not zh-CN");
    await page.waitForTimeout(200);
    const web = await canvasPng(page, join(out, "web-zh.png"));
    const desk = join(out, "desktop-zh.png");
    execFileSync(gdstep, ["--screenshot", desk, "--scene", "2", "--steps", "1",
      "--size", "1280x720", "--lang", "zh"]);
    const d = difference(web, desk);
    console.log(`Chinese: pixels differing from the desktop: ${d}`);
    expect(d <= SAME_PICTURE, `the Chinese page differs from the desktop by ${d}`);
    // The English page never fetches the Chinese font.
    const en = await browser.newPage({ viewport: { width: 1280, height: 720 } });
    const fetched = [];
    en.on("request", (r) => fetched.push(r.url()));
    await en.goto(base);
    await en.waitForFunction(() => window.gdstepReady, null, { timeout: 20000 });
    expect(!fetched.some((u) => u.includes("CJK")), "English fetched " + fetched);
    // L switches, and then the Chinese font comes.
    await en.keyboard.press("l");
    await en.waitForFunction(() => window.gdstepFonts.cjkReady, null, { timeout: 20000 });
    expect(await en.evaluate(() => document.documentElement.lang) === "zh-CN", "L did not switch");
  },

  async phone(browser, base) {
    const page = await open(browser, base, "?scene=4", { width: 390, height: 844 },
      { deviceScaleFactor: 2, isMobile: true, hasTouch: true });
    expect(await page.locator("#touch").isVisible(), "no touch buttons");
    await page.getByRole("button", { name: "Next" }).tap();
    await page.getByRole("button", { name: "Next" }).tap();
    let s = await state(page);
    expect(s.step === 2, "after two Next taps, step " + s.step);
    await page.getByRole("button", { name: "Back" }).tap();
    s = await state(page);
    expect(s.step === 1, "after Back, step " + s.step);
    const size = await page.evaluate(() => [window.gdstep.canvas.width,
      window.gdstep.canvas.height]);
    expect(size[1] > size[0], "the canvas is not portrait: " + size);
    await page.waitForTimeout(300);
    await page.screenshot({ path: join(out, "web-phone.png") });
  },

  // E opens the entry over the plot; a bad value is refused with the
  // entry still open and η unchanged; 0.37 and Enter apply η in the
  // scene: the panel the page draws then says η = 0.37.
  async entry(browser, base) {
    const page = await open(browser, base, "?scene=4");
    const entryOpen = () => page.evaluate(() => window.gdstep.ex.gdstep_entry_open(window.gdstep.h));
    // The text the page draws in a frame (what a student reads).
    const drawn = () => page.evaluate(() => {
      const app = window.gdstep, texts = [], fill = app.ctx.fillText;
      app.ctx.fillText = function (t, ...rest) { texts.push(t); return fill.call(this, t, ...rest); };
      app.draw(performance.now());
      app.ctx.fillText = fill;
      return texts;
    });
    const says = (texts, s) => texts.some((t) => t.includes(s));
    const before = "η = 0.8, no momentum", after = "η = 0.37, no momentum";
    expect(says(await drawn(), before), "the scene's η is not shown");
    await page.keyboard.press("e");
    expect(await entryOpen(), "E did not open the entry");
    await page.keyboard.type("abc");
    await page.keyboard.press("Enter");
    expect(await entryOpen(), "a bad value closed the entry");
    let texts = await drawn();
    expect(says(texts, "abc") && says(texts, before), "after abc: " + texts.join(" | "));
    for (let i = 0; i < 3; i++) await page.keyboard.press("Backspace");
    await page.keyboard.type("0.37");
    await page.keyboard.press("Enter");
    expect(!(await entryOpen()), "Enter did not close the entry");
    const s = await state(page);
    expect(s.scene === 4 && s.step === 0, "the entry left the scene: " + JSON.stringify(s));
    texts = await drawn();
    expect(says(texts, after) && !says(texts, before),
      "after 0.37 Enter the panel says: " + texts.join(" | "));
    await page.keyboard.press("ArrowRight");
    texts = await drawn();
    expect(says(texts, after), "η did not stay for the next step");
  },

  async "save-png"(browser, base) {
    const page = await open(browser, base, "?scene=3");
    const [download] = await Promise.all([
      page.waitForEvent("download", { timeout: 10000 }),
      page.keyboard.press("s"),
    ]);
    expect(/^gdstep-\d{8}-\d{6}\.png$/.test(download.suggestedFilename()),
      "named " + download.suggestedFilename());
    const file = join(out, "saved.png");
    await download.saveAs(file);
    const b = readFileSync(file);
    expect(b.subarray(1, 4).toString() === "PNG", "not a PNG");
    expect(b.readUInt32BE(16) === 1280 && b.readUInt32BE(20) === 720,
      `saved ${b.readUInt32BE(16)}×${b.readUInt32BE(20)}`);
  },

  async "lesson-url"(browser, base) {
    const body = readFileSync(join(ROOT, "lessons", "example.ini"), "utf8");
    const page = await openLesson(browser, base, "example.ini", body);
    expect(!(await page.evaluate(() => window.gdstepError)), "error: " +
      await page.evaluate(() => window.gdstepError));
    await page.waitForTimeout(200);
    const web = await canvasPng(page, join(out, "web-example.png"));
    const desk = join(out, "desktop-example.png");
    execFileSync(gdstep, ["--screenshot", desk, "--size", "1280x720",
      join(ROOT, "lessons", "example.ini")]);
    const d = difference(web, desk);
    console.log(`example.ini: pixels differing from the desktop: ${d}`);
    expect(d <= SAME_PICTURE, `the lesson differs from the desktop's by ${d}`);
  },

  async "lesson-bad"(browser, base) {
    let page = await openLesson(browser, base, "bad.ini", BAD_LESSON);
    let line = await page.evaluate(() => window.gdstepError || "");
    let want = desktopLessonError("bad.ini", BAD_LESSON);
    expect(line === want, `the page says "${line}", the desktop "${want}"`);
    page = await openLesson(browser, base, "bad.ini", BAD_LESSON, 200, "&lang=zh");
    line = await page.evaluate(() => window.gdstepError || "");
    want = desktopLessonError("bad.ini", BAD_LESSON, "zh");
    expect(line === want, `in Chinese the page says "${line}", the desktop "${want}"`);
    page = await openLesson(browser, base, "missing.ini", "no", 404);
    line = await page.evaluate(() => window.gdstepError || "");
    want = "gdstep: missing.ini: cannot read the lesson: HTTP 404";
    expect(line === want, `a missing lesson: "${line}", not "${want}"`);
  },

  async "lesson-drop"(browser, base) {
    const page = await open(browser, base, "?scene=4");
    const drop = (name, body) => page.evaluate(([n, b]) => {
      const dt = new DataTransfer();
      dt.items.add(new File([b], n, { type: "text/plain" }));
      document.getElementById("gdstep").dispatchEvent(new DragEvent("drop",
        { dataTransfer: dt, bubbles: true, cancelable: true }));
    }, [name, body]);
    await drop("bad.ini", BAD_LESSON);
    await page.waitForFunction(() => window.gdstepError, null, { timeout: 5000 });
    const line = await page.evaluate(() => window.gdstepError);
    const want = desktopLessonError("bad.ini", BAD_LESSON);
    expect(line === want, `dropped: "${line}", the desktop "${want}"`);
    let s = await state(page);
    expect(s.scene === 4, "a bad lesson replaced the one shown");
    const body = readFileSync(join(ROOT, "lessons", "example.ini"), "utf8");
    await drop("example.ini", body);
    await page.waitForFunction(() => !window.gdstepError, null, { timeout: 5000 });
    s = await state(page);
    expect(s.scene === 1 && s.step === 0, "after the drop " + JSON.stringify(s));
    await page.waitForTimeout(200);
    const web = await canvasPng(page, join(out, "web-dropped.png"));
    const desk = join(out, "desktop-example.png");
    execFileSync(gdstep, ["--screenshot", desk, "--size", "1280x720",
      join(ROOT, "lessons", "example.ini")]);
    const d = difference(web, desk);
    expect(d <= SAME_PICTURE, `the dropped lesson differs from the desktop's by ${d}`);
  },

  async "mouse"(browser, base) {
    const page = await open(browser, base, "?scene=1");
    const before = await page.locator("#gdstep").screenshot();
    // A click on the plot starts a new run there; the wheel zooms.
    await page.mouse.click(300, 300);
    await page.mouse.move(300, 300);
    await page.mouse.wheel(0, -300);
    await page.waitForTimeout(300);
    const after = await page.locator("#gdstep").screenshot();
    expect(!before.equals(after), "click and wheel changed nothing");
    expect(page.errors.length === 0, "page errors: " + page.errors);
  },
};

async function main() {
  const run = cases[caseName];
  if (!run) {
    console.log("e2e: no case " + caseName + "; cases: " + Object.keys(cases).join(" "));
    return 1;
  }
  const [server, base] = await serve();
  const browser = await chromium.launch({ executablePath: CHROMIUM,
    args: ["--no-sandbox", "--font-render-hinting=none"] });
  try {
    await run(browser, base);
    console.log("ok: " + caseName + " (pictures in " + out + ")");
    return 0;
  } catch (e) {
    console.log("FAIL: " + caseName + ": " + e.message + " (pictures in " + out + ")");
    return 1;
  } finally {
    await browser.close();
    server.kill();
  }
}

process.exit(await main());
