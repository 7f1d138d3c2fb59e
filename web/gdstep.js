// gdstep in a browser: the page's side. The C side (gdstep.wasm, built
// from the desktop's sources and web/gdstep_web.c) decides everything;
// this script only
//   - builds the command line from the page's URL (?scene=4&steps=2 is
//     gdstep --scene 4 --steps 2) and shows the one-line error it gets,
//   - measures text with the canvas (the desktop's fonts),
//   - forwards keys (as app key codes, like src/window/keymap.c for SDL),
//     pointer presses, drags, the wheel and the canvas size,
//   - draws each frame's display list on a Canvas 2D (as
//     src/window/render.c draws it with SDL),
//   - does what an action asks of the screen: save a PNG, full screen.
"use strict";

// src/ui/dlist.h's enum app_prim_kind and src/ui/actions.h's effects.
const PRIM = { LINE: 0, RECT: 1, DISC: 2, RING: 3, POLYGON: 4, ARROW: 5,
  TEXT: 6, CLIP_PUSH: 7, CLIP_POP: 8 };
const ROLE_BACKGROUND = 1;
const FX = { REDRAW: 1, STEPPED: 2, SAVE: 4, FULLSCREEN: 8, TEXT: 16,
  LANG: 32, QUIT: 64 };
const MOD = { SHIFT: 1, CTRL: 2, ALT: 4 };

// src/ui/keys.h's named keys, above Unicode.
const NAMED = 0x110000;
const KEY = { RETURN: NAMED, KP_ENTER: NAMED + 1, BACKSPACE: NAMED + 2,
  TAB: NAMED + 3, ESCAPE: NAMED + 4, LEFT: NAMED + 5, RIGHT: NAMED + 6,
  UP: NAMED + 7, DOWN: NAMED + 8, PAGEUP: NAMED + 9, PAGEDOWN: NAMED + 10,
  F1: NAMED + 11, F11: NAMED + 12, F5: NAMED + 13, END: NAMED + 14,
  KP_PLUS: NAMED + 15, KP_MINUS: NAMED + 16, HOME: NAMED + 17,
  DELETE: NAMED + 18 };
const BY_CODE = { NumpadEnter: KEY.KP_ENTER, NumpadAdd: KEY.KP_PLUS,
  NumpadSubtract: KEY.KP_MINUS };
const BY_NAME = { Enter: KEY.RETURN, Backspace: KEY.BACKSPACE, Tab: KEY.TAB,
  Escape: KEY.ESCAPE, ArrowLeft: KEY.LEFT, ArrowRight: KEY.RIGHT,
  ArrowUp: KEY.UP, ArrowDown: KEY.DOWN, PageUp: KEY.PAGEUP,
  PageDown: KEY.PAGEDOWN, F1: KEY.F1, F11: KEY.F11, F5: KEY.F5, End: KEY.END,
  Home: KEY.HOME, Delete: KEY.DELETE };
// Printable keys by position, as typed without Shift (US layout), the
// way SDL's keycodes are the unshifted characters.
const PRINTABLE = { Space: " ", Minus: "-", Equal: "=", BracketLeft: "[",
  BracketRight: "]", Backslash: "\\", Semicolon: ";", Quote: "'",
  Backquote: "`", Comma: ",", Period: ".", Slash: "/" };

// A browser key event to an app key code (0: none).
function appKey(e) {
  if (BY_CODE[e.code]) return BY_CODE[e.code];
  if (BY_NAME[e.key]) return BY_NAME[e.key];
  let m = /^Key([A-Z])$/.exec(e.code);
  if (m) return m[1].toLowerCase().codePointAt(0);
  m = /^Digit([0-9])$/.exec(e.code);
  if (m) return m[1].codePointAt(0);
  if (PRINTABLE[e.code]) return PRINTABLE[e.code].codePointAt(0);
  if (e.key.length === 1) return e.key.toLowerCase().codePointAt(0);
  return 0;
}

function appMods(e) {
  return (e.shiftKey ? MOD.SHIFT : 0) | (e.ctrlKey ? MOD.CTRL : 0) |
    (e.altKey ? MOD.ALT : 0);
}

// The command line the URL stands for: ?scene=4&steps=2&lang=zh is
// --scene 4 --steps 2 --lang zh; a key with no value is a bare flag.
// With no lang in the URL, the browser's language chooses, as the
// locale does on the desktop.
// ?lesson=URL is the LESSON_FILE, fetched by the page.
function argsFromUrl(search) {
  const args = [];
  let lang = false, lesson = null;
  for (const [k, v] of new URLSearchParams(search)) {
    if (k === "lesson") {
      lesson = v;
      continue;
    }
    lang = lang || k === "lang";
    args.push("--" + k);
    if (v !== "") args.push(v);
  }
  if (!lang && /^zh/i.test(navigator.language || "")) args.push("--lang", "zh");
  if (lesson !== null) args.push("--", lesson);
  return { args, lesson };
}

function firstLine(text) {
  return text.split("\n").filter((l) => l)[0] || "gdstep: cannot start";
}

// The lesson at url (relative to the page), as bytes; throws the line to
// show when it cannot be had.
async function fetchLesson(app, url, zh) {
  let why;
  try {
    const r = await fetch(url);
    if (r.ok) return new Uint8Array(await r.arrayBuffer());
    why = `HTTP ${r.status}`;
  } catch (e) {
    why = e.message;
  }
  throw new Error(`gdstep: ${url}: ` + app.words(3, zh).replace("%s", why));
}

// (The Chinese face joins the stack once it is loaded: until then the
// browser need not look for it.)
const FONT_STACK = "gdstep, sans-serif";
const FONT_STACK_CJK = "gdstep, gdstep-cjk, sans-serif";
const UTF8 = new TextDecoder();
// Characters DejaVu lacks and the Chinese subset has: CJK symbols and
// punctuation, ideographs, full-width forms.
const CJK = /[\u2e80-\u9fff\uf900-\ufaff\ufe30-\ufe4f\uff00-\uffef]/;

class Fonts {
  constructor() {
    this.latin = [
      new FontFace("gdstep", "url(fonts/DejaVuSans.woff2)", { weight: "400" }),
      new FontFace("gdstep", "url(fonts/DejaVuSans-Bold.woff2)", { weight: "700" }),
    ];
    this.cjk = null;
  }
  async loadLatin() {
    await Promise.all(this.latin.map((f) => f.load()));
    this.latin.forEach((f) => document.fonts.add(f));
  }
  // The Chinese subset: only when Chinese is shown (a few MB).
  async loadCjk() {
    if (this.cjk) return this.cjk;
    const f = new FontFace("gdstep-cjk", "url(fonts/NotoSansCJKsc-Subset.woff2)");
    this.cjk = f.load().then(() => { document.fonts.add(f); });
    return this.cjk;
  }
}

function cssFont(px, face) {
  return (face === 1 ? "bold " : "") + px + "px " +
    (window.gdstepFonts.cjkReady ? FONT_STACK_CJK : FONT_STACK);
}

class App {
  constructor(exports, canvas, errorLine) {
    this.ex = exports;
    this.canvas = canvas;
    this.ctx = canvas.getContext("2d");
    this.errorLine = errorLine;
    this.h = 0;
    this.scheduled = false;
    this.dirty = true;
    this.frames = 0;
    this.lastFrameMs = 0;
    this.font = ""; // the context's font, as last set through setFont
  }

  mem() { return this.ex.memory.buffer; }

  str(ptr, len) {
    return UTF8.decode(new Uint8Array(this.mem(), ptr, len));
  }

  setFont(px, face) {
    const f = cssFont(px, face);
    if (f !== this.font) {
      this.ctx.font = f;
      this.font = f;
    }
  }

  // A new app from a command line and the lesson's bytes (or null);
  // returns its handle, 0 when it refused (its line is on stderr).
  create(args, text) {
    const enc = new TextEncoder();
    const parts = args.map((a) => enc.encode(a + "\0"));
    const size = parts.reduce((n, p) => n + p.length, 0) || 1;
    const buf = this.ex.gdstep_alloc(size);
    let at = buf;
    for (const p of parts) {
      new Uint8Array(this.mem(), at, p.length).set(p);
      at += p.length;
    }
    let tp = 0;
    if (text) {
      tp = this.ex.gdstep_alloc(text.length || 1);
      new Uint8Array(this.mem(), tp, text.length).set(text);
    }
    return this.ex.gdstep_create(buf, parts.length, tp, text ? text.length : 0);
  }

  // A lesson file dropped on the page: the same page with that lesson,
  // in the language shown; a lesson that does not load leaves the one
  // shown and says why.
  async drop(file) {
    const text = new Uint8Array(await file.arrayBuffer());
    const lang = this.ex.gdstep_lang(this.h) ? "zh" : "en";
    this.out.stderr = "";
    const h = this.create(["--lang", lang, "--", file.name], text);
    if (!h) {
      this.showError(firstLine(this.out.stderr));
      return;
    }
    this.showError("");
    this.ex.gdstep_destroy(this.h);
    this.h = h;
    this.onLang();
    this.dirty = true;
    this.kick();
  }

  showError(line) {
    this.errorLine.textContent = line;
    this.errorLine.hidden = !line;
    window.gdstepError = line || undefined;
  }

  // Text measuring, imported by the C side (rough while warming).
  textWidth(ptr, len, px, face) {
    if (this.rough) return Math.round(len * px * 0.55);
    this.setFont(px, face);
    return Math.round(this.ctx.measureText(this.str(ptr, len)).width);
  }
  // DejaVu's ascent and descent per pixel of size, unrounded (measured
  // at 1000 px), so that heights round as the window's text rounds them
  // (src/window/text.c): the ascent up, the height (ascent + descent) up.
  metrics(face) {
    this.ratios = this.ratios || [];
    if (!this.ratios[face]) {
      this.setFont(1000, face);
      const m = this.ctx.measureText("Hg");
      this.ratios[face] = [m.fontBoundingBoxAscent / 1000,
        m.fontBoundingBoxDescent / 1000];
    }
    return this.ratios[face];
  }
  textHeight(px, face) {
    if (this.rough) return Math.ceil(px * 1.17);
    const [a, d] = this.metrics(face);
    return Math.ceil((a + d) * px - 1e-6);
  }
  ascent(px, face) {
    return Math.ceil(this.metrics(face)[0] * px - 1e-6);
  }
  // Where a run's baseline is below its top. The desktop draws each
  // character in the first font that has it and puts the pieces on a
  // common baseline at the largest of their fonts' ascents: a line with
  // Chinese in it sits at the Chinese font's ascent.
  baseline(s, px, face) {
    const a = this.ascent(px, face);
    if (!CJK.test(s) || !window.gdstepFonts.cjkReady) return a;
    if (this.cjkAscent === undefined) {
      this.ctx.font = this.font = "1000px gdstep-cjk";
      this.cjkAscent = this.ctx.measureText("\u4e2d").fontBoundingBoxAscent / 1000;
    }
    return Math.max(a, Math.ceil(this.cjkAscent * px - 1e-6));
  }

  // What the first frame can have done before the fonts are ready: the
  // canvas sized and its context set up (the browser makes its surface
  // on first use, tens of ms here); and, while the fonts are still on
  // their way, one frame built with rough widths and thrown away, so
  // that the C code the first frame runs is compiled (the browser
  // compiles wasm functions when first called). The rough widths are
  // forgotten.
  warm(fontsReady) {
    this.fit();
    const c = this.ctx;
    c.setTransform(1, 0, 0, 1, 0, 0);
    c.fillStyle = "#000"; // the page's own background, under the frame
    c.fillRect(0, 0, 1, 1);
    if (fontsReady) return;
    this.rough = true;
    this.ex.gdstep_frame(this.h, this.canvas.width, this.canvas.height,
      window.devicePixelRatio || 1, performance.now());
    this.rough = false;
    this.ex.gdstep_fonts_changed(this.h);
  }

  kick() {
    if (this.scheduled) return;
    this.scheduled = true;
    requestAnimationFrame((t) => this.loop(t));
  }

  loop(now) {
    this.scheduled = false;
    const wait = this.ex.gdstep_tick(this.h, now);
    this.effects();
    if (this.dirty) this.draw(now);
    if (wait >= 0) {
      if (wait > 20) setTimeout(() => this.kick(), wait - 10);
      else this.kick();
    }
  }

  // What the last actions ask of the screen.
  effects() {
    const fx = this.ex.gdstep_take_fx(this.h);
    if (fx & (FX.REDRAW | FX.LANG | FX.TEXT)) this.dirty = true;
    if (fx & FX.LANG) this.onLang();
    if (fx & FX.SAVE) this.savePng();
    if (fx & FX.FULLSCREEN) {
      if (this.ex.gdstep_fullscreen(this.h)) {
        if (!document.fullscreenElement && document.documentElement.requestFullscreen)
          document.documentElement.requestFullscreen().catch(() => {});
      } else if (document.fullscreenElement) {
        document.exitFullscreen().catch(() => {});
      }
    }
  }

  // A word of the page in the language shown (gdstep_web.c's list).
  words(which, zh = this.h ? this.ex.gdstep_lang(this.h) : 0) {
    const p = this.ex.gdstep_words(zh, which);
    let end = p;
    const m = new Uint8Array(this.mem());
    while (m[end] !== 0) end++;
    return this.str(p, end - p);
  }

  onLang() {
    document.documentElement.lang = this.ex.gdstep_lang(this.h) ? "zh-CN" : "en";
    document.querySelectorAll("[data-key]").forEach((b, i) => {
      b.textContent = i === 0 ? "◀ " + this.words(0) : this.words(1) + " ▶";
      b.setAttribute("aria-label", this.words(i));
    });
    document.title = this.words(2);
    if (this.ex.gdstep_lang(this.h) && !window.gdstepFonts.cjkReady) {
      window.gdstepFonts.loadCjk().then(() => {
        window.gdstepFonts.cjkReady = true;
        this.ex.gdstep_fonts_changed(this.h);
        this.effects();
        this.kick();
      });
    }
  }

  // The canvas at its element's size in device pixels; true when it
  // changed.
  fit() {
    const dpr = window.devicePixelRatio || 1;
    const r = this.canvas.getBoundingClientRect();
    const w = Math.max(1, Math.round(r.width * dpr));
    const h = Math.max(1, Math.round(r.height * dpr));
    if (this.canvas.width === w && this.canvas.height === h) return false;
    this.canvas.width = w; // (which resets the context's state)
    this.canvas.height = h;
    this.font = "";
    return true;
  }

  resize() {
    if (this.fit()) {
      this.dirty = true;
      this.kick();
    }
  }

  draw(now) {
    const t0 = performance.now();
    const ex = this.ex;
    const W = this.canvas.width, H = this.canvas.height;
    const n = ex.gdstep_frame(this.h, W, H, window.devicePixelRatio || 1, now);
    this.effects(); // measuring may have run; nothing to do but keep order
    this.dirty = false;
    const stride = ex.gdstep_stride();
    const buf = this.mem();
    const f = new Float32Array(buf, ex.gdstep_flat(this.h), n * stride);
    const xs = new Float32Array(buf, ex.gdstep_xs(this.h));
    const ys = new Float32Array(buf, ex.gdstep_ys(this.h));
    const chars = new Uint8Array(buf, ex.gdstep_chars(this.h));
    const c = this.ctx;
    c.setTransform(1, 0, 0, 1, 0, 0);
    c.lineCap = "butt";
    c.lineJoin = "miter";
    c.miterLimit = 2;
    c.textBaseline = "alphabetic";
    let depth = 0;
    for (let i = 0; i < n; i++) {
      const o = i * stride;
      const kind = f[o], role = f[o + 1];
      const color = `rgba(${f[o + 2]},${f[o + 3]},${f[o + 4]},${f[o + 5] / 255})`;
      const first = f[o + 12], count = f[o + 13];
      switch (kind) {
      case PRIM.RECT:
        c.fillStyle = color;
        if (role === ROLE_BACKGROUND) {
          c.save();
          c.setTransform(1, 0, 0, 1, 0, 0);
          c.fillRect(0, 0, W, H);
          c.restore();
        } else {
          c.fillRect(Math.trunc(f[o + 14]), Math.trunc(f[o + 15]),
            Math.trunc(f[o + 16]), Math.trunc(f[o + 17]));
        }
        break;
      case PRIM.LINE:
        c.strokeStyle = color;
        c.lineWidth = f[o + 6];
        if (f[o + 7] > 0) {
          c.setLineDash([f[o + 7], f[o + 8]]);
          for (let k = first; k + 1 < first + count; k++) {
            c.beginPath();
            c.moveTo(xs[k], ys[k]);
            c.lineTo(xs[k + 1], ys[k + 1]);
            c.stroke();
          }
          c.setLineDash([]);
        } else if (count > 1) {
          c.beginPath();
          c.moveTo(xs[first], ys[first]);
          for (let k = first + 1; k < first + count; k++) c.lineTo(xs[k], ys[k]);
          c.stroke();
        }
        break;
      case PRIM.DISC:
        c.fillStyle = color;
        c.beginPath();
        c.arc(f[o + 9], f[o + 10], f[o + 11], 0, 2 * Math.PI);
        c.fill();
        break;
      case PRIM.RING:
        c.strokeStyle = color;
        c.lineWidth = f[o + 6];
        c.beginPath();
        c.arc(f[o + 9], f[o + 10], f[o + 11], 0, 2 * Math.PI);
        c.stroke();
        break;
      case PRIM.POLYGON:
        c.fillStyle = color;
        c.beginPath();
        c.moveTo(xs[first], ys[first]);
        for (let k = first + 1; k < first + count; k++) c.lineTo(xs[k], ys[k]);
        c.closePath();
        c.fill();
        break;
      case PRIM.ARROW:
        this.arrow(c, xs[first], ys[first], xs[first + 1], ys[first + 1],
          f[o + 6], color);
        break;
      case PRIM.TEXT: {
        const at = f[o + 18];
        let end = at;
        while (chars[end] !== 0) end++;
        const s = UTF8.decode(chars.subarray(at, end));
        const px = f[o + 19], face = f[o + 20], align = f[o + 21];
        // (baseline may measure, with the context's font: first.)
        const y = Math.trunc(f[o + 23]) + this.baseline(s, px, face);
        this.setFont(px, face);
        c.fillStyle = color;
        const w = f[o + 16];
        const x = Math.trunc(f[o + 22]) - (align === 1 ? Math.trunc(w / 2) :
          align === 2 ? w : 0);
        c.fillText(s, x, y);
        break;
      }
      case PRIM.CLIP_PUSH:
        c.save();
        depth++;
        c.beginPath();
        c.rect(Math.trunc(f[o + 14]), Math.trunc(f[o + 15]),
          Math.trunc(f[o + 16]), Math.trunc(f[o + 17]));
        c.clip();
        break;
      case PRIM.CLIP_POP:
        if (depth > 0) { c.restore(); depth--; this.font = ""; }
        break;
      }
    }
    while (depth-- > 0) c.restore();
    this.font = "";
    this.frames++;
    this.lastFrameMs = performance.now() - t0;
  }

  // An arrow as src/window/geom.c draws it: the shaft stops inside the
  // head, a triangle 4 widths long and 2.4 wide.
  arrow(c, x0, y0, x1, y1, width, color) {
    const dx = x1 - x0, dy = y1 - y0, len = Math.hypot(dx, dy);
    if (!(len > 0.5)) return;
    const ux = dx / len, uy = dy / len;
    const head = Math.min(width * 4, len), half = head * 0.6;
    const bx = x1 - ux * head, by = y1 - uy * head;
    c.strokeStyle = color;
    c.fillStyle = color;
    c.lineWidth = width;
    c.beginPath();
    c.moveTo(x0, y0);
    c.lineTo(x1 - ux * head * 0.5, y1 - uy * head * 0.5);
    c.stroke();
    c.beginPath();
    c.moveTo(x1, y1);
    c.lineTo(bx - uy * half, by + ux * half);
    c.lineTo(bx + uy * half, by - ux * half);
    c.closePath();
    c.fill();
  }

  savePng() {
    const d = new Date();
    const p = (n) => String(n).padStart(2, "0");
    const name = `gdstep-${d.getFullYear()}${p(d.getMonth() + 1)}${p(d.getDate())}-` +
      `${p(d.getHours())}${p(d.getMinutes())}${p(d.getSeconds())}.png`;
    this.draw(performance.now());
    this.canvas.toBlob((blob) => {
      if (!blob) return;
      const a = document.createElement("a");
      a.href = URL.createObjectURL(blob);
      a.download = name;
      document.body.appendChild(a);
      a.click();
      a.remove();
      setTimeout(() => URL.revokeObjectURL(a.href), 1000);
    }, "image/png");
  }

  typed(text) {
    const b = new TextEncoder().encode(text + "\0");
    const p = this.ex.gdstep_alloc(b.length);
    new Uint8Array(this.mem(), p, b.length).set(b);
    this.ex.gdstep_text(this.h, p);
    this.ex.gdstep_free(p);
    this.effects();
    this.kick();
  }

  key(code, mods) {
    const handled = this.ex.gdstep_key(this.h, code, mods, performance.now());
    this.effects();
    this.kick();
    return handled;
  }

  listen() {
    const cv = this.canvas;
    const dpr = () => window.devicePixelRatio || 1;
    const at = (e) => {
      const r = cv.getBoundingClientRect();
      return [(e.clientX - r.left) * dpr(), (e.clientY - r.top) * dpr()];
    };
    window.addEventListener("keydown", (e) => {
      if (e.metaKey || e.isComposing) return;
      const entry = this.ex.gdstep_entry_open(this.h);
      const code = appKey(e);
      if (code && this.key(code, appMods(e))) e.preventDefault();
      // The open entry also gets the character typed (SDL's text input).
      if (entry && this.ex.gdstep_entry_open(this.h) && e.key.length === 1 &&
          !e.ctrlKey && !e.altKey) {
        this.typed(e.key);
        e.preventDefault();
      }
    });
    cv.addEventListener("pointerdown", (e) => {
      if (e.button !== 0) return;
      cv.setPointerCapture(e.pointerId);
      this.ex.gdstep_press(this.h, ...at(e));
    });
    cv.addEventListener("pointermove", (e) => {
      this.ex.gdstep_move(this.h, ...at(e));
      this.effects();
      this.kick();
    });
    cv.addEventListener("pointerup", (e) => {
      if (e.button !== 0) return;
      this.ex.gdstep_release(this.h);
      this.effects();
      this.kick();
    });
    cv.addEventListener("wheel", (e) => {
      e.preventDefault();
      // One notch is about 100 pixels of deltaY; up zooms in, as SDL's y.
      const notches = -e.deltaY / (e.deltaMode === 1 ? 3 : 100);
      this.ex.gdstep_wheel(this.h, ...at(e), notches);
      this.effects();
      this.kick();
    }, { passive: false });
    window.addEventListener("dragover", (e) => e.preventDefault());
    window.addEventListener("drop", (e) => {
      e.preventDefault();
      const f = e.dataTransfer && e.dataTransfer.files[0];
      if (f) this.drop(f);
    });
    this.errorLine.addEventListener("click", () => this.showError(""));
    new ResizeObserver(() => this.resize()).observe(cv);
    window.addEventListener("resize", () => this.resize());
    document.addEventListener("fullscreenchange", () => {
      this.ex.gdstep_set_fullscreen(this.h, !!document.fullscreenElement);
    });
    for (const b of document.querySelectorAll("[data-key]")) {
      b.addEventListener("click", (e) => {
        e.preventDefault();
        this.key(KEY[b.dataset.key], 0);
      });
    }
  }
}

// The few WASI calls the C library makes: stdout and stderr collected
// (stderr is the error line), no files, no preopened directories.
function wasi(getMemory, out) {
  const ENOSYS = 52, EBADF = 8;
  return {
    fd_write(fd, iovs, n, nwritten) {
      const dv = new DataView(getMemory().buffer);
      let total = 0;
      for (let i = 0; i < n; i++) {
        const p = dv.getUint32(iovs + 8 * i, true);
        const len = dv.getUint32(iovs + 8 * i + 4, true);
        const s = new TextDecoder().decode(new Uint8Array(getMemory().buffer, p, len));
        out[fd === 2 ? "stderr" : "stdout"] += s;
        total += len;
      }
      dv.setUint32(nwritten, total, true);
      return 0;
    },
    fd_fdstat_get(fd, buf) {
      new Uint8Array(getMemory().buffer, buf, 24).fill(0);
      new DataView(getMemory().buffer).setUint8(buf, 2); // a character device
      return fd <= 2 ? 0 : EBADF;
    },
    fd_close: () => 0,
    fd_filestat_get: () => ENOSYS,
    fd_prestat_get: () => EBADF,
    fd_prestat_dir_name: () => EBADF,
    fd_read: () => ENOSYS,
    fd_seek: () => ENOSYS,
    path_open: () => 44, // ENOENT
    proc_exit(code) { throw new Error("gdstep exited with " + code); },
  };
}

async function main() {
  const canvas = document.getElementById("gdstep");
  const errorLine = document.getElementById("error");
  const out = { stdout: "", stderr: "" };
  const fonts = new Fonts();
  window.gdstepFonts = fonts;
  let app = null;
  const imports = {
    wasi_snapshot_preview1: wasi(() => app.ex.memory, out),
    gdstep: {
      text_width: (p, l, px, face) => app.textWidth(p, l, px, face),
      text_height: (px, face) => app.textHeight(px, face),
    },
  };
  const { args, lesson } = argsFromUrl(location.search);
  const zh = args.includes("zh") ? 1 : 0;
  // Everything the first frame needs is fetched at once.
  const wasm = fetch("gdstep.wasm");
  const latin = fonts.loadLatin();
  const cjk = zh ? fonts.loadCjk() : null;
  let fontsReady = false;
  Promise.all([latin, cjk]).then(() => { fontsReady = true; }, () => {});
  const { instance } = await WebAssembly.instantiateStreaming(wasm, imports);
  performance.mark("wasm");
  app = new App(instance.exports, canvas, errorLine);
  app.out = out;
  window.gdstep = app;
  let text = null;
  try {
    if (lesson !== null) text = await fetchLesson(app, lesson, zh);
  } catch (e) {
    app.showError(e.message);
    document.body.classList.add("failed");
    return;
  }
  // The state needs no text measured: it is built while the fonts
  // load; the first frame waits for them.
  app.h = app.create(args, text);
  if (!app.h) {
    app.showError(firstLine(out.stderr));
    document.body.classList.add("failed");
    return;
  }
  performance.mark("created");
  app.warm(fontsReady);
  performance.mark("warmed");
  await latin;
  if (cjk) {
    await cjk;
    fonts.cjkReady = true;
  }
  performance.mark("fonts");
  app.onLang();
  app.listen();
  app.resize();
  app.draw(performance.now());
  window.gdstepFirstFrame = performance.now(); // ms since navigation
  window.gdstepReady = true;
  app.kick();
}

main().catch((e) => {
  const el = document.getElementById("error");
  el.textContent = "gdstep: " + e.message;
  el.hidden = false;
  window.gdstepError = el.textContent;
});
