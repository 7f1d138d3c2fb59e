/* The key table; see keys.h. Rows with the same help text next to each
 * other make one line of the help overlay. */
#include <stdio.h>
#include <string.h>

#include "keys.h"

#define H_NEXT \
	N_("next: one update (at a scene's planned step, the next scene)")
#define H_BACK N_("back: undo one update (at step 0, the previous scene)")
#define H_RUN N_("run / pause the animated updates")
#define H_PACE N_("slower / faster")
#define H_RATE N_("learning rate η up / down")
#define H_BETA N_("momentum β up / down")
#define H_SCENE N_("next / previous scene")
#define H_TEXT N_("larger / smaller text")
#define H_HELP N_("this help")
#define H_PLAY N_("play the scene to its planned end")
#define H_SCENE_K \
	N_("jump to scene k (10 and beyond: type the digits, then Enter)")
#define H_BLANK N_("blank the screen / show it again")
#define H_PRESENT N_("full-screen presentation, where the lesson stands")
#define H_ESC \
	N_("close the help, leave full screen; twice to quit (Q quits at once)")
#define H_CLOSE N_("close the help, or quit")

#define C APP_MOD_CTRL
#define S APP_MOD_SHIFT

const struct app_key app_keys[] = {
	{ APP_KEY_SPACE, 0, APP_ACT_NEXT, N_("Space"), H_NEXT },
	{ APP_KEY_RIGHT, 0, APP_ACT_NEXT, N_("Right"), H_NEXT },
	{ APP_KEY_PAGEDOWN, 0, APP_ACT_NEXT, N_("PageDown"), H_NEXT },
	{ APP_KEY_LEFT, 0, APP_ACT_BACK, N_("Left"), H_BACK },
	{ APP_KEY_BACKSPACE, 0, APP_ACT_BACK, N_("Backspace"), H_BACK },
	{ APP_KEY_PAGEUP, 0, APP_ACT_BACK, N_("PageUp"), H_BACK },
	{ APP_KEY_RETURN, 0, APP_ACT_RUN, N_("Enter"), H_RUN },
	{ APP_KEY_KP_ENTER, 0, APP_ACT_RUN, NULL, H_RUN },
	{ 'p', 0, APP_ACT_RUN, "P", H_RUN },
	{ '[', 0, APP_ACT_SLOWER, "[ ]", H_PACE },
	{ ']', 0, APP_ACT_FASTER, NULL, H_PACE },
	{ 'r', 0, APP_ACT_RESET, "R", N_("reset the run to its start") },
	{ 'e', 0, APP_ACT_ENTRY, "E",
	  N_("type η, β, w0 or the formula (Tab: next; Enter applies; Esc cancels)") },
	{ 'o', 0, APP_ACT_FOCUS, "O", N_("focus on the next run of a comparison") },
	{ APP_KEY_UP, 0, APP_ACT_RATE_UP, N_("Up"), H_RATE },
	{ APP_KEY_DOWN, 0, APP_ACT_RATE_DOWN, N_("Down"), H_RATE },
	{ APP_KEY_END, 0, APP_ACT_PLAY_SCENE, N_("End"), H_PLAY },
	{ 'g', 0, APP_ACT_PLAY_SCENE, "G", H_PLAY },
	{ 'm', 0, APP_ACT_MOMENTUM, "M", N_("momentum on / off") },
	{ APP_KEY_UP, S, APP_ACT_BETA_UP, N_("Shift+Up"), H_BETA },
	{ APP_KEY_DOWN, S, APP_ACT_BETA_DOWN, N_("Shift+Down"), H_BETA },
	{ 'n', 0, APP_ACT_SCENE_NEXT, "N", H_SCENE },
	{ 'n', S, APP_ACT_SCENE_PREV, N_("Shift+N"), H_SCENE },
	{ APP_KEY_TAB, 0, APP_ACT_SCENE_NEXT, N_("Tab"), H_SCENE },
	{ APP_KEY_TAB, S, APP_ACT_SCENE_PREV, N_("Shift+Tab"), H_SCENE },
	{ '1', 0, APP_ACT_SCENE_1 + 0, "1 … 9", H_SCENE_K },
	{ '2', 0, APP_ACT_SCENE_1 + 1, NULL, H_SCENE_K },
	{ '3', 0, APP_ACT_SCENE_1 + 2, NULL, H_SCENE_K },
	{ '4', 0, APP_ACT_SCENE_1 + 3, NULL, H_SCENE_K },
	{ '5', 0, APP_ACT_SCENE_1 + 4, NULL, H_SCENE_K },
	{ '6', 0, APP_ACT_SCENE_1 + 5, NULL, H_SCENE_K },
	{ '7', 0, APP_ACT_SCENE_1 + 6, NULL, H_SCENE_K },
	{ '8', 0, APP_ACT_SCENE_1 + 7, NULL, H_SCENE_K },
	{ '9', 0, APP_ACT_SCENE_1 + 8, NULL, H_SCENE_K },
	{ APP_KEY_NONE, 0, APP_ACT_NONE, N_("click on the plot"),
	  N_("start a new run from that w") },
	{ APP_KEY_NONE, 0, APP_ACT_NONE, N_("mouse wheel, drag"), N_("zoom, pan") },
	{ '0', 0, APP_ACT_REFIT, "0", N_("fit the view to the run") },
	{ APP_KEY_F5, 0, APP_ACT_PRESENT, "F5", H_PRESENT },
	{ APP_KEY_F5, S, APP_ACT_PRESENT, N_("Shift+F5"), H_PRESENT },
	{ 'f', 0, APP_ACT_FULLSCREEN, "F", N_("fullscreen") },
	{ APP_KEY_F11, 0, APP_ACT_FULLSCREEN, "F11", N_("fullscreen") },
	{ '=', C, APP_ACT_TEXT_LARGER, N_("Ctrl+="), H_TEXT },
	{ '=', C | S, APP_ACT_TEXT_LARGER, NULL, H_TEXT },
	{ '+', C, APP_ACT_TEXT_LARGER, NULL, H_TEXT },
	{ APP_KEY_KP_PLUS, C, APP_ACT_TEXT_LARGER, NULL, H_TEXT },
	{ '-', C, APP_ACT_TEXT_SMALLER, N_("Ctrl+−"), H_TEXT },
	{ APP_KEY_KP_MINUS, C, APP_ACT_TEXT_SMALLER, NULL, H_TEXT },
	{ 't', 0, APP_ACT_THEME, "T", N_("light / dark theme") },
	{ 'c', 0, APP_ACT_CAPTION, "C", N_("caption shown / hidden") },
	{ 'b', 0, APP_ACT_BLANK, "B", H_BLANK },
	{ '.', 0, APP_ACT_BLANK, ".", H_BLANK },
	{ 'l', 0, APP_ACT_LANG, "L", N_("language: English / 中文") },
	{ 's', 0, APP_ACT_SAVE, "S", N_("save a PNG of the window") },
	{ 'h', 0, APP_ACT_HELP, "H", H_HELP },
	{ APP_KEY_F1, 0, APP_ACT_HELP, "F1", H_HELP },
	{ '/', S, APP_ACT_HELP, "?", H_HELP },
	{ '?', 0, APP_ACT_HELP, NULL, H_HELP },
	{ '?', S, APP_ACT_HELP, NULL, H_HELP },
	{ APP_KEY_ESCAPE, 0, APP_ACT_ESCAPE, N_("Esc"), H_ESC },
	{ 'q', 0, APP_ACT_CLOSE, "Q", H_CLOSE },
};

const int app_keys_count = (int)(sizeof(app_keys) / sizeof(app_keys[0]));

enum app_action app_key_action(unsigned key, unsigned mod)
{
	if (key == APP_KEY_NONE)
		return APP_ACT_NONE;
	for (int i = 0; i < app_keys_count; i++)
		if (app_keys[i].key == key && app_keys[i].mod == mod)
			return app_keys[i].action;
	return APP_ACT_NONE;
}

static void append_label(char *dst, size_t size, const char *label)
{
	size_t len = strlen(dst);
	snprintf(dst + len, size - len, "%s%s", len ? ", " : "", label);
}

int app_help_lines(enum app_lang lang, struct app_help_line *lines, int max)
{
	int n = 0;
	for (int i = 0; i < app_keys_count; i++) {
		const struct app_key *k = &app_keys[i];
		bool same = n > 0 && i > 0 &&
			    strcmp(app_keys[i - 1].help, k->help) == 0;
		if (!same) {
			if (n == max)
				break;
			lines[n].keys[0] = '\0';
			lines[n].help = app_tr(lang, k->help);
			n++;
		}
		if (k->label)
			append_label(lines[n - 1].keys, sizeof(lines[n - 1].keys),
				     app_tr(lang, k->label));
	}
	return n;
}
