/*
 * The one table from keys to actions. The window looks keys up here, the
 * help overlay is generated from it, and tests/app checks it against
 * PRODUCT.md's list of keys.
 */
#ifndef GDSTEP_APP_KEYS_H
#define GDSTEP_APP_KEYS_H

#include <SDL.h>

#include "actions.h"

/* Modifiers a row asks for, either side: exactly these must be held
 * (Caps Lock, Num Lock and the GUI key are ignored). */
#define APP_MOD_SHIFT 1u
#define APP_MOD_CTRL 2u
#define APP_MOD_ALT 4u

struct app_key {
	SDL_Keycode key; /* SDLK_UNKNOWN: a mouse row, in the help only */
	unsigned mod;    /* APP_MOD_* bits */
	enum app_action action;
	const char *label; /* shown in the help; NULL: a variant not listed */
	const char *help;  /* what it does, untranslated (N_) */
};

/* The table and its length. */
extern const struct app_key app_keys[];
extern const int app_keys_count;

/* SDL's modifier state as APP_MOD_* bits. */
unsigned app_key_mods(SDL_Keymod mod);

/* The action of a key with modifiers (APP_MOD_*), APP_ACT_NONE if none. */
enum app_action app_key_action(SDL_Keycode key, unsigned mod);

/* One line of the help overlay: the keys, and what they do. */
struct app_help_line {
	char keys[128];   /* "Space, Right, PageDown", translated */
	const char *help; /* translated */
};

/*
 * The help overlay's lines, one per distinct help text in table order, in
 * the current language. Writes at most max lines; returns how many.
 */
int app_help_lines(struct app_help_line *lines, int max);

#endif
