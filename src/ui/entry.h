/*
 * Values typed in the window: E opens a one-line entry over the plot to
 * type η, β, the start w0 (a pair on a curve of two weights) and, on a
 * formula scene, the formula itself. Tab (or Up / Down) goes to the next
 * value; Enter applies it without leaving the scene; Esc closes the entry
 * and changes nothing; a value that does not parse is said on the entry's
 * message line, with the words of the command line and of the formula
 * parser, and changes nothing either.
 *
 * No SDL: the window forwards its keys (app key codes, keys.h) and its
 * typed text (UTF-8) here, and tests/app drives the same calls headless.
 * The editing (cursor, UTF-8-aware Backspace and Delete, the first key
 * replacing the value shown) is plain functions on struct app_entry; the
 * app_entry_* functions taking a state read and set the scene's runs.
 */
#ifndef GDSTEP_UI_ENTRY_H
#define GDSTEP_UI_ENTRY_H

#include <stdbool.h>
#include <stddef.h>

#include <gdstep/curve.h>
#include <gdstep/formula.h>

#include "lang.h"

struct app_state;
struct app_result;
struct gd_run;

enum app_entry_field {
	APP_ENTRY_RATE,    /* η */
	APP_ENTRY_BETA,    /* β, for an optimizer with momentum */
	APP_ENTRY_W0,      /* the start: w, or w1, w2 */
	APP_ENTRY_FORMULA, /* E as typed, on a formula scene */
	APP_ENTRY_FIELDS,
};

/* The text an entry holds: a formula at its longest. */
#define APP_ENTRY_BYTES GD_FORMULA_BYTES
/* Its message line. */
#define APP_ENTRY_MESSAGE 256

struct app_entry {
	bool open;
	/* The text is the value as it was: the first character typed
	 * replaces it, Backspace empties it, a cursor key keeps it. */
	bool fresh;
	enum app_entry_field field;
	bool offered[APP_ENTRY_FIELDS];  /* the fields this scene has */
	size_t len, cursor;              /* bytes; cursor ≤ len */
	char text[APP_ENTRY_BYTES];      /* UTF-8, NUL-terminated */
	char message[APP_ENTRY_MESSAGE]; /* the last refusal; "" none */
};

/* Editing keys, as the window's keys map onto them. */
enum app_entry_edit {
	APP_EDIT_BACKSPACE,
	APP_EDIT_DELETE,
	APP_EDIT_LEFT,
	APP_EDIT_RIGHT,
	APP_EDIT_HOME,
	APP_EDIT_END,
};

/* Sets the text (cut to fit at a character), the cursor at its end, fresh. */
void app_entry_set_text(struct app_entry *e, const char *text);

/* Inserts UTF-8 text at the cursor (replacing a fresh text); control
 * characters and bytes that are not UTF-8 are dropped, and what does not
 * fit is cut at a character. Returns whether the text changed. */
bool app_entry_insert(struct app_entry *e, const char *utf8);

/* One editing key; Backspace and Delete take a whole character. */
void app_entry_edit(struct app_entry *e, enum app_entry_edit k);

/* The value of a field as it is now in run, as the entry first shows it
 * ("0.37"; "-0.8, 0.5"; the formula as typed) into buf. */
void app_entry_current(const struct gd_run *run, enum app_entry_field f,
		       char *buf, size_t size);

/*
 * Parses text for field f of run: η in (0, GD_OPT_RATE_MAX], β in [0, 1),
 * a start of the run's weights with |wₖ| ≤ GD_RUN_WMAX, or a formula
 * (into *curve). Returns 0 with v (GD_DIM_MAX doubles) or *curve set, or
 * -EINVAL with the one-line problem, in lang, in msg.
 */
int app_entry_parse(const struct gd_run *run, enum app_entry_field f,
		    const char *text, enum app_lang lang, double *v,
		    struct gd_curve *curve, char *msg, size_t size);

/* The field's label before the text: "η = ", "w0 = ", "E(w₁, w₂) = ". */
const char *app_entry_label(const struct gd_run *run, enum app_entry_field f);

/* E: opens the entry on η, the fields this scene offers. */
void app_entry_open(struct app_state *s);

/*
 * A key while the entry is open (app key code and APP_MOD_* bits): Enter
 * applies, Esc closes, Tab / Shift+Tab and Up / Down change the field,
 * the editing keys edit; any other key does nothing (its text comes
 * through app_entry_text). Sets out as app_apply does.
 */
void app_entry_key(struct app_state *s, unsigned key, unsigned mod,
		   struct app_result *out);

/* Text typed while the entry is open. */
void app_entry_text(struct app_state *s, const char *utf8, struct app_result *out);

#endif
