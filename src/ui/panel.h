/*
 * The text around the plot, as display-list primitives: the header
 * (scene title, scene k / n), the panel (iteration, E, η and β, status,
 * the bowl's regime, the update with its numbers substituted), the inset
 * of E against the iteration, the caption and the help overlay. Part of
 * the frame (frame.h).
 */
#ifndef GDSTEP_UI_PANEL_H
#define GDSTEP_UI_PANEL_H

#include "actions.h"
#include "dlist.h"
#include "layout.h"
#include "measure.h"

/* Lines of status and update text the panel will hold for s at now_ms,
 * before wrapping, plus one (for the layout). */
int app_panel_count(const struct app_state *s, double now_ms);

/* The longest caption app_caption_text writes, with its terminator. */
#define APP_CAPTION_MAX (GD_LESSON_CAPTION_CHARS * 4 + 256)

/*
 * The caption of the current scene in s's language ("" for none) into buf
 * (APP_CAPTION_MAX bytes), with its placeholders {rate}, {momentum} and
 * {w0} replaced by the run's current η, β and start, as the panel writes
 * them; an unknown {name} stays as written. When η or β is no longer the
 * scene's, a last line says so. Returns buf.
 */
const char *app_caption_text(const struct app_state *s, char *buf);

/* A run's name and settings as the legend and the panel write them
 * ("Adam, η = 0.3"), in lang, into buf; returns buf. */
char *app_run_label(char *buf, size_t size, const struct gd_run *run,
		    enum app_lang lang);

/* What the class sees the run do (status.h), in a word or two, in lang. */
const char *app_status_word(const struct gd_run *run, enum app_lang lang);

/* Adds the header, panel, inset, caption and (when s->help) the help
 * overlay of s at now_ms to out, placed by the layout l, text measured
 * by m. */
void app_panel_build(struct app_dlist *out, const struct app_layout *l,
		     const struct app_state *s, double now_ms,
		     const struct app_measure *m);

#endif
