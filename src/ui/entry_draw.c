/*
 * The entry for typed values as display-list primitives: a box along the
 * top of the plot (a run falls toward the bottom) with the field's label, the text and its caret, and
 * a message line (the problem with the value, or how to use the entry).
 * See entry.h.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <gdstep/utf8.h>

#include "entry_draw.h"
#include "theme.h"

/* Width of the first n bytes of s. */
static int prefix_width(const struct app_measure *m, const char *s, size_t n,
			int px, char *buf, size_t size)
{
	n = n < size - 1 ? n : size - 1;
	memcpy(buf, s, n);
	buf[n] = '\0';
	return m->width(m->ctx, buf, px, APP_FACE_REGULAR);
}

void app_entry_build(struct app_dlist *out, const struct app_layout *l,
		     const struct app_state *s, const struct app_measure *m)
{
	const struct app_entry *e = &s->entry;
	if (!e->open || s->blank)
		return;
	const struct app_theme *th = app_theme_get(s->dark);
	const struct gd_run *run = app_state_focus_run(s);
	int px = l->text_px, line = l->line, pad = l->pad;
	struct app_rect plot = l->plot;
	int h = 2 * line + 2 * pad;
	int w = plot.w - 2 * pad;
	if (w < 4 * px)
		w = plot.w;
	struct app_box b = { (float)(plot.x + (plot.w - w) / 2),
			     (float)(plot.y + pad), (float)w, (float)h };
	if (b.y + b.h > (float)(plot.y + plot.h))
		b.y = (float)plot.y;
	app_dlist_rect(out, APP_ROLE_ENTRY_BG, b, th->overlay_bg);
	app_dlist_line(out, APP_ROLE_ENTRY_BG, b.x, b.y + b.h, b.x + b.w,
		       b.y + b.h, 2, th->axis);
	app_dlist_clip_push(out, APP_ROLE_ENTRY_BG, b);
	float x = b.x + (float)pad, y = b.y + (float)pad;
	const char *label = app_entry_label(run, e->field);
	struct app_text_style st = { .px = px,
				     .face = APP_FACE_BOLD,
				     .color = th->text,
				     .align = APP_ALIGN_LEFT };
	app_dlist_text(out, APP_ROLE_ENTRY_TEXT, &st, x, y, label, m);
	float tx = x + (float)m->width(m->ctx, label, px, APP_FACE_BOLD);
	int room = (int)(b.x + b.w - (float)pad - tx);
	/* A text longer than the box shows the part before the caret. */
	char *buf = malloc(APP_ENTRY_BYTES);
	if (!buf) {
		app_dlist_clip_pop(out);
		return;
	}
	/* No line shows 400 bytes: start measuring near the caret. */
	size_t from = e->cursor > 400 ? e->cursor - 400 : 0;
	while (from < e->cursor &&
	       gd_utf8_is_continuation((unsigned char)e->text[from]))
		from++;
	while (from < e->cursor &&
	       prefix_width(m, e->text + from, e->cursor - from, px, buf,
			    APP_ENTRY_BYTES) > room - px) {
		from++;
		while (from < e->cursor &&
		       gd_utf8_is_continuation((unsigned char)e->text[from]))
			from++;
	}
	int caret = prefix_width(m, e->text + from, e->cursor - from, px, buf,
				 APP_ENTRY_BYTES);
	st.face = APP_FACE_REGULAR;
	/* A fresh value is shown muted: the first key replaces it. */
	st.color = e->fresh ? th->muted : th->text;
	if (e->len > from)
		app_dlist_text(out, APP_ROLE_ENTRY_TEXT, &st, tx, y,
			       e->text + from, m);
	free(buf);
	float cx = tx + (float)caret + 1;
	app_dlist_line(out, APP_ROLE_ENTRY_CARET, cx, y, cx,
		       y + (float)(px * 6 / 5), 2, th->text);
	const char *msg = e->message;
	st.px = l->small_px;
	st.color = th->bad_text;
	if (!*msg) {
		msg = app_tr(
			s->lang,
			"Enter applies · Esc cancels · Tab: η, β, w0, the formula");
		st.color = th->muted;
	}
	app_dlist_text(out, APP_ROLE_ENTRY_MESSAGE, &st, x, y + (float)line,
		       msg, m);
	app_dlist_clip_pop(out);
}
