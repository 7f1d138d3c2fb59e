/*
 * What the browser edition's module exports to the page's script
 * (web/gdstep.js); gdstep_web.c describes each. Every function but
 * gdstep_alloc, gdstep_free, gdstep_create and gdstep_stride takes the app
 * gdstep_create returned.
 */
#ifndef GDSTEP_WEB_H
#define GDSTEP_WEB_H

#include <stdbool.h>

#define WEB_EXPORT(name) __attribute__((export_name(name)))

struct web;

WEB_EXPORT("gdstep_alloc") void *gdstep_alloc(int size);
WEB_EXPORT("gdstep_free") void gdstep_free(void *p);
WEB_EXPORT("gdstep_destroy") void gdstep_destroy(struct web *w);
WEB_EXPORT("gdstep_create")
struct web *gdstep_create(char *args, int argc, char *text, int len);
WEB_EXPORT("gdstep_take_fx") unsigned gdstep_take_fx(struct web *w);
WEB_EXPORT("gdstep_key")
bool gdstep_key(struct web *w, unsigned key, unsigned mod, double now_ms);
WEB_EXPORT("gdstep_entry_open") bool gdstep_entry_open(const struct web *w);
WEB_EXPORT("gdstep_text") void gdstep_text(struct web *w, const char *utf8);
WEB_EXPORT("gdstep_tick") double gdstep_tick(struct web *w, double now_ms);
WEB_EXPORT("gdstep_lang") int gdstep_lang(const struct web *w);
WEB_EXPORT("gdstep_scene") int gdstep_scene(const struct web *w);
WEB_EXPORT("gdstep_step") long gdstep_step(const struct web *w);
WEB_EXPORT("gdstep_words")
const char *gdstep_words(int zh, int which);
WEB_EXPORT("gdstep_fullscreen") bool gdstep_fullscreen(const struct web *w);
WEB_EXPORT("gdstep_set_fullscreen")
void gdstep_set_fullscreen(struct web *w, bool on);
WEB_EXPORT("gdstep_fonts_changed") void gdstep_fonts_changed(struct web *w);
WEB_EXPORT("gdstep_press") void gdstep_press(struct web *w, double x, double y);
WEB_EXPORT("gdstep_move") void gdstep_move(struct web *w, double x, double y);
WEB_EXPORT("gdstep_release") void gdstep_release(struct web *w);
WEB_EXPORT("gdstep_wheel")
void gdstep_wheel(struct web *w, double x, double y, double notches);
WEB_EXPORT("gdstep_frame")
int gdstep_frame(struct web *w, int width, int height, double dpr, double now_ms);
WEB_EXPORT("gdstep_flat") const float *gdstep_flat(const struct web *w);
WEB_EXPORT("gdstep_xs") const float *gdstep_xs(const struct web *w);
WEB_EXPORT("gdstep_ys") const float *gdstep_ys(const struct web *w);
WEB_EXPORT("gdstep_chars") const char *gdstep_chars(const struct web *w);
WEB_EXPORT("gdstep_stride") int gdstep_stride(void);

#endif
