/*
 * The one table from keys to actions, with no SDL: a screen translates
 * its key events into app key codes (the window: src/window/keymap.c),
 * looks them up here, and the help overlay is generated from the same
 * table. tests/app checks it against doc/PRODUCT.md's list of keys.
 *
 * An app key code is the Unicode code point of a printable key as typed
 * without Shift ('a', '1', '[', '=', '/', ' '), or one of the named keys
 * of enum app_key_named, which lie above Unicode.
 */
#ifndef GDSTEP_UI_KEYS_H
#define GDSTEP_UI_KEYS_H

#include "actions.h"
#include "lang.h"

/* Keys with no printable character. */
enum app_key_named {
	APP_KEY_NONE = 0, /* no key: a mouse row, in the help only */
	APP_KEY_SPACE = ' ',
	APP_KEY_NAMED = 0x110000, /* the first code beyond Unicode */
	APP_KEY_RETURN = APP_KEY_NAMED,
	APP_KEY_KP_ENTER,
	APP_KEY_BACKSPACE,
	APP_KEY_TAB,
	APP_KEY_ESCAPE,
	APP_KEY_LEFT,
	APP_KEY_RIGHT,
	APP_KEY_UP,
	APP_KEY_DOWN,
	APP_KEY_PAGEUP,
	APP_KEY_PAGEDOWN,
	APP_KEY_F1,
	APP_KEY_F11,
	APP_KEY_F5,
	APP_KEY_END,
	APP_KEY_KP_PLUS,
	APP_KEY_KP_MINUS,
	APP_KEY_HOME,
	APP_KEY_DELETE,
};

/* Modifiers a row asks for, either side: exactly these must be held
 * (Caps Lock, Num Lock and the GUI key are ignored). */
#define APP_MOD_SHIFT 1u
#define APP_MOD_CTRL 2u
#define APP_MOD_ALT 4u

struct app_key {
	unsigned key; /* an app key code; APP_KEY_NONE: a mouse row */
	unsigned mod; /* APP_MOD_* bits */
	enum app_action action;
	const char *label; /* shown in the help; NULL: a variant not listed */
	const char *help;  /* what it does, untranslated (N_) */
};

/* The table and its length. */
extern const struct app_key app_keys[];
extern const int app_keys_count;

/* The action of an app key code with modifiers (APP_MOD_*), APP_ACT_NONE
 * if none. */
enum app_action app_key_action(unsigned key, unsigned mod);

/* One line of the help overlay: the keys, and what they do. */
struct app_help_line {
	char keys[128];   /* "Space, Right, PageDown", translated */
	const char *help; /* translated; static storage */
};

/*
 * The help overlay's lines, one per distinct help text in table order,
 * in lang. Writes at most max lines; returns how many.
 */
int app_help_lines(enum app_lang lang, struct app_help_line *lines, int max);

#endif
