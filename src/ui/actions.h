/*
 * What a key, a click or the clock does to the app, with no SDL in it: the
 * window translates events into these calls (keys through the one table of
 * keys.c), and tests/app drives them headless.
 *
 * Time is passed in as milliseconds on any monotonic clock, so animation
 * and the auto-run are deterministic under test.
 *
 * The display always shows the pending update: the current point, its
 * tangent, and the arrow of the step that Next would take. Next applies it
 * and animates the point sliding from w to w + Δw (APP_ANIM_MS, eased)
 * while the arrow grows behind it; any action during an animation first
 * finishes it, so a fast clicker never waits and never loses a press.
 */
#ifndef GDSTEP_APP_ACTIONS_H
#define GDSTEP_APP_ACTIONS_H

#include <stdbool.h>

#include <gdstep/lesson.h>
#include <gdstep/presenter.h>
#include <gdstep/run.h>
#include <gdstep/view.h>

#include "entry.h"
#include "lang.h"
#include "predict.h"

struct app_contours;

enum app_action {
	APP_ACT_NONE,
	APP_ACT_NEXT,
	APP_ACT_BACK,
	APP_ACT_RUN,
	APP_ACT_SLOWER,
	APP_ACT_FASTER,
	APP_ACT_RESET,
	APP_ACT_RATE_UP,
	APP_ACT_RATE_DOWN,
	APP_ACT_MOMENTUM,
	APP_ACT_BETA_DOWN,
	APP_ACT_BETA_UP,
	APP_ACT_SCENE_NEXT,
	APP_ACT_SCENE_PREV,
	APP_ACT_SCENE_1, /* … APP_ACT_SCENE_1 + 8 is scene 9 */
	APP_ACT_SCENE_9 = APP_ACT_SCENE_1 + 8,
	APP_ACT_REFIT,
	APP_ACT_FULLSCREEN,
	APP_ACT_TEXT_LARGER,
	APP_ACT_TEXT_SMALLER,
	APP_ACT_THEME,
	APP_ACT_CAPTION,
	APP_ACT_BLANK,
	APP_ACT_LANG,
	APP_ACT_SAVE,
	APP_ACT_HELP,
	APP_ACT_CLOSE,   /* close the overlay, or quit */
	APP_ACT_PRESENT, /* enter full screen where the lesson stands */
	APP_ACT_ESCAPE,  /* close, leave full screen, or ask before quitting */
	APP_ACT_PLAY_SCENE, /* run the scene to its planned end */
	APP_ACT_FOCUS,      /* the next run of a comparison in focus */
	APP_ACT_ENTRY,      /* open the entry for typed values (entry.h) */
	APP_ACT_PREDICT,    /* predict mode on / off (predict.h) */
	APP_ACT_COUNT,
};

/* Animation of one step, eased. */
#define APP_ANIM_MS 250.0

/* Text size steps (each ×1.15) below and above the default. */
#define APP_TEXT_STEP_MIN (-6)
#define APP_TEXT_STEP_MAX 12

/* The auto-run's paces, ms between steps; index APP_PACE_DEFAULT first. */
#define APP_PACE_COUNT 7
#define APP_PACE_DEFAULT 3
extern const double app_pace_ms[APP_PACE_COUNT];

/* A second Esc within this many ms of the first quits (outside full
 * screen); the first shows a prompt until then. */
#define APP_QUIT_MS 2000.0

/* A notice stays this long, in milliseconds, and holds this many bytes
 * with its terminator (a longer one is cut at a character). */
#define APP_NOTICE_MS 5000.0
#define APP_NOTICE_MAX 1024

/* Scene numbers typed digit by digit (1 0 Enter) have at most this many
 * digits; a lesson has at most 99 scenes. */
#define APP_TYPED_MAX 99

/* η never leaves [APP_RATE_MIN, GD_OPT_RATE_MAX] through the arrow keys. */
#define APP_RATE_MIN 1e-6

struct app_anim {
	bool active;
	bool grow; /* a forward step: the arrow grows */
	double start_ms, dur_ms;
	double w_from, w_to;
	double w2_from, w2_to;   /* w₂ likewise, on a curve of two weights */
	struct gd_update update; /* the step animated, when grow */
};

struct app_state {
	const struct gd_lesson *lesson; /* borrowed */
	struct gd_presenter pres;
	/* The world intervals shown. Its pixel rectangle is not the state's:
	 * each frame lays the plot out anew (struct app_frame_info's view),
	 * so x, y, width and height here are a placeholder nothing reads. */
	struct gd_view view;
	enum app_lang lang; /* the interface language; L flips it */
	bool help, caption, blank, dark, fullscreen, running, quit;
	int text_step;      /* APP_TEXT_STEP_MIN … APP_TEXT_STEP_MAX */
	int pace;           /* index into app_pace_ms */
	double next_run_ms; /* when the auto-run steps next */
	double beta_on;     /* β that M turns momentum back on with */
	long run_to; /* the auto-run stops at this step; −1: it does not */
	double quit_until; /* Esc again before this time quits; 0: not armed */
	int typed;         /* a scene number being typed, 1 … 99; 0: none */
	/* A passing message (where S put the picture, or why it could not),
	 * shown until notice_until; 0: none. */
	char notice[APP_NOTICE_MAX];
	double notice_until;
	int focus; /* the run in focus, 0 … runs − 1: its arithmetic, η, β */
	struct app_anim anim;
	/* The contour map of a curve of two weights, kept from frame to
	 * frame and recomputed only when the view changes (contour.h);
	 * owned, NULL when it could not be allocated. */
	struct app_contours *contours;
	/* Values typed in the window (entry.h); while it is open the shell
	 * sends keys to app_entry_key and text to app_entry_text. */
	struct app_entry entry;
	struct app_predict predict; /* G: guesses before the step */
};

/* What an action asks of the shell, besides a redraw. */
enum app_effect {
	APP_FX_REDRAW = 1 << 0,
	APP_FX_STEPPED = 1 << 1,    /* an update was applied: echo it */
	APP_FX_SAVE = 1 << 2,       /* write a PNG of the window */
	APP_FX_FULLSCREEN = 1 << 3, /* s->fullscreen changed */
	APP_FX_TEXT = 1 << 4,       /* text size changed: new fonts */
	APP_FX_LANG = 1 << 5,       /* language changed: drop cached text */
	APP_FX_QUIT = 1 << 6,
	APP_FX_GUESSED = 1 << 7, /* a guess was revealed: echo it */
};

struct app_result {
	unsigned fx;             /* enum app_effect bits */
	struct gd_update update; /* when APP_FX_STEPPED */
	struct app_guess guess;  /* when APP_FX_GUESSED */
};

/*
 * Starts at scene k (0-based, clamped) of a lesson that outlives the
 * state, with the default settings: light theme, caption shown, no help,
 * English (the caller sets lang). The view's pixel rect is a placeholder
 * (800 × 600) that nothing reads: frames lay the plot out themselves.
 * Returns 0, or a negative errno (-ENOMEM; -EINVAL for a scene the run
 * refuses), and then needs no finish.
 */
int app_state_init(struct app_state *s, const struct gd_lesson *lesson, int k);

/* Frees what init made; accepts NULL and a state whose init failed. */
void app_state_finish(struct app_state *s);

/* The run on screen. */
const struct gd_run *app_state_run(const struct app_state *s);

/* The scene's runs (1 … GD_SCENE_RUNS), run i (NULL out of range), and the
 * run in focus. */
int app_state_runs(const struct app_state *s);
const struct gd_run *app_state_run_at(const struct app_state *s, int i);
const struct gd_run *app_state_focus_run(const struct app_state *s);

/* Applies one action at time now_ms; *out gets what the shell must do. */
void app_apply(struct app_state *s, enum app_action action, double now_ms,
	       struct app_result *out);

/* Shows msg (UTF-8, copied) as a notice from now_ms for APP_NOTICE_MS. */
void app_notice(struct app_state *s, double now_ms, const char *msg);

/*
 * Advances time: ends a finished animation and takes the auto-run's due
 * step (at most one per call). Returns the shell's work as app_apply does,
 * and sets *wait_ms to how long the shell may sleep before calling again
 * (−1: until the next event; nothing moves).
 */
void app_tick(struct app_state *s, double now_ms, struct app_result *out,
	      double *wait_ms);

/* Ends any animation at once (the state is already the step's result). */
void app_anim_finish(struct app_state *s);

/* Animation progress at now_ms, eased, 0 … 1; 1 when none is running. */
double app_anim_progress(const struct app_state *s, double now_ms);

/* A click on the plot at world w (the shell maps the pixel through the
 * last frame's view): a new run from there. */
void app_click(struct app_state *s, double w, struct app_result *out);

/* A click at the world point (w, e) of the last frame's view: on a curve
 * of one weight app_click at w, on the map of two a new run from
 * (w₁, w₂) = (w, e). */
void app_click_at(struct app_state *s, double w, double e, struct app_result *out);

/* The wheel: zoom by factor (> 1 in) about the world point (w, e). */
void app_zoom(struct app_state *s, double factor, double w, double e,
	      struct app_result *out);

/* A drag by (dx, dy) pixels over a plot of width × height pixels (the
 * last frame's). */
void app_pan(struct app_state *s, double dx, double dy, int width, int height,
	     struct app_result *out);

/* The step on screen (the pending one, or the one animating) and where
 * the point is drawn. */
struct app_shown {
	bool has_step; /* false: diverged, no step to show */
	bool growing;  /* a step animating */
	struct gd_update u;
	double w, E;  /* the point */
	double tip_w; /* the arrow's tip */
	double w2;    /* the point's w₂ on a curve of two weights, else 0 */
};

/* What the display shows of s at now_ms: the pending update, or the step
 * animating with the point part of the way along it. Never a non-finite
 * point: it falls back to the run's. */
struct app_shown app_shown_step(const struct app_state *s, double now_ms);

/* app_shown_step of the run in focus: run 0's as above, another run's
 * pending update (only run 0 animates). */
struct app_shown app_shown_focus(const struct app_state *s, double now_ms);

/* Fits the view to the run (a new scene, a reset), then frames the
 * pending step if its arrow would be too short to see. */
void app_refit(struct app_state *s);

/* The --steps updates on each of the starting scene's runs (as --trace
 * takes them, so a picture shows the table's last row), then app_refit:
 * how --screenshot and the browser's ?steps= open a scene. */
void app_take_steps(struct app_state *s, long steps);

/* Where clicks, the wheel and drags land: the state's world intervals (a
 * wheel notch may have moved them since the last frame) on the plot
 * rectangle the last frame drew (drawn: its app_frame_info's view). */
struct gd_view app_drawn_view(const struct app_state *s,
			      const struct gd_view *drawn);

/* Whether pixel (x, y) is on that plot, with neither the help nor a
 * blank screen over it. */
bool app_in_plot(const struct app_state *s, const struct gd_view *drawn,
		 double x, double y);

/* Refits the view only when a run's point or next point left it (else
 * frames a step too short to see), as after a step. */
void app_keep_in_view(struct app_state *s);

/* The next η up or down the log scale (1, 1.2, 1.5, 2, 2.5, 3, 4, 5, 6,
 * 8 × 10ᵏ), strictly beyond rate. */
double app_rate_step(double rate, int dir);

/* The next β up or down (0, 0.1, … 0.9, 0.95, 0.99). */
double app_beta_step(double beta, int dir);

#endif
