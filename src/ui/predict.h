/*
 * Predict, then reveal (G): the student commits to a guess of where w
 * lands before gdstep shows the step. With predict mode on, the next
 * point, the step arrow, the Δw label and the update's numbers are hidden
 * (the current point, its slope and the formula stay); a click on the
 * plot (the map, with two weights) places the guess; Next takes the step
 * as always and, when there was a guess, records how far off it was and
 * whether it went the right way. Back takes back the reveal and the
 * guess. No SDL here: actions.c calls these hooks, frame.c, frame2.c and
 * panel.c read the state.
 *
 * How a guess g of the step from w to w' = w + Δw is scored:
 *   error e = |g − w'| (for two weights the Euclidean length of g − w'),
 *   share   = e / |Δw| (not given when Δw = 0),
 *   right direction when (g − w)·Δw > 0, or when Δw = 0 and g = w.
 */
#ifndef GDSTEP_UI_PREDICT_H
#define GDSTEP_UI_PREDICT_H

#include <stdbool.h>

#include <gdstep/lesson.h>
#include <gdstep/run.h>

#include "dlist.h"
#include "lang.h"
#include "measure.h"

/* Reveals kept for undo; older ones stay in the score but can no longer
 * be taken back one by one. */
#define APP_PREDICT_KEEP 256

/* One revealed guess. */
struct app_guess {
	long step; /* the update's step, 0 for the first (as the CSV's) */
	int dim;   /* 1 or 2 */
	double from[GD_DIM_MAX], guess[GD_DIM_MAX], actual[GD_DIM_MAX];
	double error;   /* |guess − actual|, ≥ 0 */
	double share;   /* error / |Δw|; −1 when Δw = 0 */
	bool right_dir; /* the guess went the way the step went */
};

/* A scene's score: its revealed guesses, and the answer to its
 * question (a lesson file's `question =`). */
struct app_score {
	int guesses, right;
	double error_sum; /* of app_guess.error */
	enum gd_question question;
	bool tried, landed;    /* one-step: the first update taken, within
			     * tolerance of the target */
	double rate, landed_w; /* the η tried and where w landed */
};

struct app_predict {
	bool on;      /* predict mode: the pending step is hidden */
	bool summary; /* the lesson's answers on screen (the last Next) */
	const struct gd_scene *sc; /* the scene's question; borrowed */
	bool has_guess;            /* a guess placed, not yet revealed */
	double guess[GD_DIM_MAX];
	int scene; /* the scene the score and the reveals are of */
	int kept;  /* reveals in rec, oldest first */
	struct app_guess rec[APP_PREDICT_KEEP];
	struct app_score score;
	/* Each scene's score as last left, for the lesson's summary. */
	struct app_score scenes[GD_LESSON_MAX_SCENES];
};

/* Predict mode off, no guesses, at scene k. */
void app_predict_init(struct app_predict *p, int scene);

/* G: predict mode on or off; off drops a pending guess. */
void app_predict_toggle(struct app_predict *p);

/* The scene changed to k (sc, borrowed): the old scene's score is kept
 * for the summary, the mode goes off, and k's score starts again (as it
 * was left, when the lesson comes back to it). A scene with a question
 * starts in predict mode. */
void app_predict_scene(struct app_predict *p, int k, const struct gd_scene *sc);

/* Whether a lesson asks any question (then its last Next shows the
 * summary). */
bool app_lesson_asks(const struct gd_lesson *lesson);

/*
 * The summary of a lesson's answers, a full-window overlay of width ×
 * height pixels, text of px pixels measured by m: one line per scene with
 * a question or with guesses. Drawn in roles APP_ROLE_OVERLAY_BG,
 * APP_ROLE_HELP_TITLE and APP_ROLE_HELP_TEXT.
 */
void app_predict_summary(struct app_dlist *dl, const struct app_predict *p,
			 const struct gd_lesson *lesson, int width, int height,
			 int px, bool dark, const struct app_measure *m,
			 enum app_lang lang);

/*
 * A click at world (a, b) of the plot (w, E on one weight; w₁, w₂ on the
 * map) while predict mode is on: the guess, replacing one placed before.
 * Returns false, changing nothing, when the mode is off or the point is
 * not finite: the click then does what it always does.
 */
bool app_predict_click(struct app_predict *p, int dim, double a, double b);

/*
 * Next took update u of a run of dim weights: with a pending guess it is revealed and scored into
 * *out (returns true), else nothing (false). The guess is used up either
 * way.
 */
bool app_predict_reveal(struct app_predict *p, const struct gd_update *u,
			int dim, struct app_guess *out);

/* The run went back to step (undo, reset): reveals of updates at or
 * beyond it are taken out of the score, with the pending guess. */
void app_predict_undo(struct app_predict *p, long step);

/* The reveal of the update just taken when the run is at step (the
 * update step − 1), or NULL. */
const struct app_guess *app_predict_last(const struct app_predict *p, long step);

/* Whether the pending step is hidden: predict mode is on and no step is
 * being revealed (animating). */
bool app_predict_hides(const struct app_predict *p, bool revealing);

/* Whether the scene asks for η that lands in one step: its regime line
 * would give the answer away. */
bool app_predict_asks_rate(const struct app_predict *p);

/* --echo's line of a revealed guess, "guess,STEP,GUESSED_W,ACTUAL_W\n"
 * (two weights: "guess,STEP,GW1,GW2,AW1,AW2\n"), numbers in %.17g so
 * they parse back exactly, into buf; returns snprintf's count. */
int app_guess_format(char *buf, size_t size, const struct app_guess *g);

/* Mean error of a score, 0 for none. */
double app_score_mean(const struct app_score *s);

/* The panel's lines about predict mode for a run at step, in lang,
 * written into lines (each size bytes); returns how many (≤ max). */
int app_predict_lines(const struct app_predict *p, long step, int dim,
		      enum app_lang lang, char (*lines)[160], int max);

/*
 * The guess on the plot: a marker of radius r at pixel (x, y), the
 * pending guess or the one just revealed, with a short label of px
 * pixels whose top is label_y; drawn in roles APP_ROLE_GUESS and
 * APP_ROLE_GUESS_LABEL.
 */
void app_predict_mark(struct app_dlist *dl, float x, float y, float r,
		      float label_y, bool revealed, bool dark, int px,
		      const struct app_measure *m, enum app_lang lang);

/* The world point to mark for a run at step (the pending guess, else the
 * reveal just taken); false when there is nothing to mark. */
bool app_predict_mark_at(const struct app_predict *p, long step, double *w,
			 bool *revealed);

#endif
