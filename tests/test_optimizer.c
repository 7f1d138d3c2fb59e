/* Optimizers: the table's rows, and each rule against steps worked by
 * hand, in one weight and in two. */
#include <errno.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include <gdstep/optimizer.h>
#include <gdstep/run.h>

#include "harness.h"

/* Steps of a table worked by hand: the gradient of each step and, after
 * it, each state vector and Δw (one weight). */
#define TABLE_STEPS 3
struct table_row {
	double g, state[2], delta;
};

struct tcase {
	const char *name;
	void (*run)(const struct tcase *);
	enum gd_optimizer_kind kind;
	double rate, beta;
	int dim;
	double g[GD_DIM_MAX], v[GD_DIM_MAX]; /* gradient, state before */
	double want_v[GD_DIM_MAX];           /* state after (= Δw for gd) */
	double hyper[GD_OPT_HYPER]; /* for a table: every hyper-parameter */
	struct table_row table[TABLE_STEPS];
};

/* Every row: a unique name that looks itself up, defaults that pass its
 * own check, η first, named state. */
static void check_rows(const struct tcase *t)
{
	(void)t;
	for (int k = 0; k < GD_OPTIMIZER_COUNT; k++) {
		const struct gd_optimizer_spec *s = gd_optimizer_spec(k);
		CHECK(s && s->name && s->step);
		enum gd_optimizer_kind found;
		CHECK(gd_optimizer_kind_from_name(s->name, &found) == 0 &&
		      (int)found == k);
		CHECK(s->nhyper >= 1 && s->nhyper <= GD_OPT_HYPER);
		CHECK(strcmp(s->hyper[GD_HYPER_RATE].key, "rate") == 0);
		CHECK(s->nstate >= 0 && s->nstate <= GD_OPT_STATE);
		for (int i = 0; i < s->nstate; i++)
			CHECK(s->state_names[i] && s->state_names[i][0]);
		struct gd_optim o;
		gd_optim_default(&o, k, 0.1);
		CHECK(gd_optim_check(&o) == 0);
	}
	CHECK(gd_optimizer_spec(GD_OPTIMIZER_COUNT) == NULL);
	enum gd_optimizer_kind dummy;
	CHECK(gd_optimizer_kind_from_name("sgdx", &dummy) == -EINVAL);
	CHECK(gd_optimizer_kind_from_name(NULL, &dummy) == -EINVAL);
}

/* η must be in (0, 1e6], β in [0, 1). */
static void check_ranges(const struct tcase *t)
{
	(void)t;
	struct gd_optim o;
	const double bad_rate[] = { 0, -0.1, 2e6, (double)NAN, (double)INFINITY };
	for (size_t i = 0; i < sizeof(bad_rate) / sizeof(bad_rate[0]); i++) {
		gd_optim_default(&o, GD_OPTIMIZER_GD, bad_rate[i]);
		CHECK(gd_optim_check(&o) == -EINVAL);
	}
	const double bad_beta[] = { 1, -0.01, 1.5, (double)NAN };
	for (size_t i = 0; i < sizeof(bad_beta) / sizeof(bad_beta[0]); i++) {
		gd_optim_default(&o, GD_OPTIMIZER_GD, 0.1);
		o.hyper[GD_HYPER_MOMENTUM] = bad_beta[i];
		CHECK(gd_optim_check(&o) == -EINVAL);
	}
	o.hyper[GD_HYPER_MOMENTUM] = 0.99;
	CHECK(gd_optim_check(&o) == 0);
}

/* One step of the rule from the case's state, each coordinate checked. */
static void check_step(const struct tcase *t)
{
	const struct gd_optimizer_spec *s = gd_optimizer_spec(t->kind);
	struct gd_optim o;
	gd_optim_default(&o, t->kind, t->rate);
	o.hyper[GD_HYPER_MOMENTUM] = t->beta;
	struct gd_optim_step st = { .dim = t->dim, .g = t->g };
	memcpy(st.state[GD_GD_V], t->v, sizeof(t->v));
	s->step(o.hyper, &st);
	for (int k = 0; k < t->dim; k++) {
		CHECK_APPROX(st.state[GD_GD_V][k], t->want_v[k], 1e-15, 1e-15);
		CHECK(same_bits(st.delta[k], st.state[GD_GD_V][k]));
	}
}

/* β = 0 is plain descent bit for bit: Δw = −(η·g), whatever v was. */
static void check_plain(const struct tcase *t)
{
	(void)t;
	srand(7);
	const struct gd_optimizer_spec *s = gd_optimizer_spec(GD_OPTIMIZER_GD);
	for (int i = 0; i < 10000; i++) {
		double g[2] = { (rand() / (double)RAND_MAX - 0.5) * 1e3,
				(rand() / (double)RAND_MAX - 0.5) * 1e-3 };
		double hyper[GD_OPT_HYPER] = { rand() / (double)RAND_MAX + 1e-9,
					       0 };
		struct gd_optim_step st = { .dim = 2, .g = g };
		st.state[GD_GD_V][0] = g[1];
		st.state[GD_GD_V][1] = g[0];
		s->step(hyper, &st);
		CHECK(same_bits(st.delta[0], -(hyper[0] * g[0])));
		CHECK(same_bits(st.delta[1], -(hyper[0] * g[1])));
	}
}

/* Steps t = 1, 2, 3 from zero state, each against the hand-worked row. */
static void check_table(const struct tcase *t)
{
	const struct gd_optimizer_spec *s = gd_optimizer_spec(t->kind);
	struct gd_optim_step st = { .dim = 1 };
	for (int i = 0; i < TABLE_STEPS && t->table[i].g != 0; i++) {
		const struct table_row *r = &t->table[i];
		st.g = &r->g;
		st.t = i;
		s->step(t->hyper, &st);
		for (int j = 0; j < s->nstate; j++)
			CHECK_APPROX(st.state[j][0], r->state[j], 1e-15, 1e-12);
		CHECK_APPROX(st.delta[0], r->delta, 1e-15, 1e-12);
	}
}

/* Two weights are two independent one-weight walks, bit for bit. */
static void check_two_weights(const struct tcase *t)
{
	(void)t;
	for (int k = 0; k < GD_OPTIMIZER_COUNT; k++) {
		const struct gd_optimizer_spec *s = gd_optimizer_spec(k);
		struct gd_optim o;
		gd_optim_default(&o, k, 0.3);
		const double g2[][2] = { { 4, -0.5 }, { -2, 3 }, { 1, 1e-3 } };
		struct gd_optim_step two = { .dim = 2 },
				     one[2] = { { .dim = 1 }, { .dim = 1 } };
		for (int i = 0; i < 3; i++) {
			two.t = one[0].t = one[1].t = i;
			two.g = g2[i];
			one[0].g = &g2[i][0];
			one[1].g = &g2[i][1];
			s->step(o.hyper, &two);
			s->step(o.hyper, &one[0]);
			s->step(o.hyper, &one[1]);
			for (int c = 0; c < 2; c++) {
				CHECK(same_bits(two.delta[c], one[c].delta[0]));
				for (int j = 0; j < s->nstate; j++)
					CHECK(same_bits(two.state[j][c],
							one[c].state[j][0]));
			}
		}
	}
}

static double uniform(double lo, double hi)
{
	return lo + (hi - lo) * (rand() / (double)RAND_MAX);
}

/* Adam's first step: m̂ = g and v̂ = g², so |Δw| = η·|g|/(|g| + ε)
 * against the step's sign opposite g, whatever β₁ and β₂. */
static void check_adam_first(const struct tcase *t)
{
	(void)t;
	srand(11);
	const struct gd_optimizer_spec *s = gd_optimizer_spec(GD_OPTIMIZER_ADAM);
	for (int i = 0; i < 10000; i++) {
		double g = uniform(-1, 1) * pow(10, uniform(-12, 12));
		double h[GD_OPT_HYPER] = { uniform(1e-6, 2), uniform(0, 0.999),
					   uniform(0, 0.9999),
					   pow(10, uniform(-12, -2)) };
		struct gd_optim_step st = { .dim = 1, .g = &g };
		s->step(h, &st);
		double want = h[0] * fabs(g) / (fabs(g) + h[GD_ADAM_EPS]);
		CHECK_APPROX(fabs(st.delta[0]), want, 0, 1e-13);
		CHECK(g == 0 || (st.delta[0] < 0) == (g > 0));
	}
}

/* Bits of everything a run keeps that undo must give back. */
struct snap {
	double w[GD_DIM_MAX], state[GD_OPT_STATE][GD_DIM_MAX], E;
	long step;
	enum gd_status status;
};

static void take(struct snap *n, const struct gd_run *run)
{
	memset(n, 0, sizeof(*n));
	memcpy(n->w, run->w, sizeof(n->w));
	memcpy(n->state, run->state, sizeof(n->state));
	n->E = run->E;
	n->step = run->step;
	n->status = run->status;
}

/* Random steps and undos on each optimizer and curve; after every undo the
 * run is bit for bit what it was before that step. */
static void check_undo(const struct tcase *t)
{
	(void)t;
	static struct snap stack[3000];
	srand(5);
	for (int k = 0; k < GD_OPTIMIZER_COUNT; k++) {
		for (int c = 0; c < GD_CURVE_COUNT; c++) {
			struct gd_curve curve;
			gd_curve_default(&curve, c);
			const struct gd_curve_spec *cs = gd_curve_spec(c);
			struct gd_optim o;
			gd_optim_default(&o, k, cs->rate);
			struct gd_run *run;
			CHECK(gd_run_create(&run, &curve, cs->w0, &o) == 0);
			if (!run)
				return;
			int depth = 0;
			for (int i = 0; i < 6000; i++) {
				if (rand() % 3 && depth < 3000) {
					take(&stack[depth], run);
					if (gd_run_step(run, NULL))
						depth++;
				} else if (depth > 0) {
					CHECK(gd_run_undo(run));
					struct snap now;
					take(&now, run);
					depth--;
					CHECK(memcmp(&now, &stack[depth],
						     sizeof(now)) == 0);
				}
			}
			gd_run_destroy(run);
		}
	}
}

/* Whether every double of the update is a number (not NaN). */
static bool no_nan(const struct gd_update *u)
{
	for (int j = 0; j < GD_OPT_STATE; j++)
		for (int k = 0; k < GD_DIM_MAX; k++)
			if (isnan(u->state[j][k]) || isnan(u->state_prev[j][k]))
				return false;
	for (int k = 0; k < GD_DIM_MAX; k++)
		if (isnan(u->w[k]) || isnan(u->grad[k]) || isnan(u->delta[k]) ||
		    isnan(u->w_next[k]))
			return false;
	return !isnan(u->E) && !isnan(u->E_next);
}

/* Hyper-parameters at the ends of their ranges, on every curve: whatever
 * is stored is finite, and a step that would not be is refused. */
static void check_no_nan(const struct tcase *t)
{
	(void)t;
	const double rates[] = { 1e-300, 1e-3, 1, 1e6 };
	const double fracs[] = { 0, 0.5, 0.999999999999 };
	const double epss[] = { 1e-300, 1e-10, 1 };
	for (int k = 0; k < GD_OPTIMIZER_COUNT; k++) {
		const struct gd_optimizer_spec *s = gd_optimizer_spec(k);
		for (int c = 0; c < GD_CURVE_COUNT; c++) {
			for (int i = 0; i < 4 * 3 * 3; i++) {
				struct gd_curve curve;
				gd_curve_default(&curve, c);
				struct gd_optim o;
				gd_optim_default(&o, k, rates[i % 4]);
				for (int h = 1; h < s->nhyper; h++)
					o.hyper[h] = strcmp(s->hyper[h].key,
							    "eps") == 0 ?
							     epss[i / 12] :
							     fracs[(i / 4 + h) % 3];
				CHECK(gd_optim_check(&o) == 0);
				struct gd_run *run;
				CHECK(gd_run_create(&run, &curve,
						    gd_curve_spec(c)->w0,
						    &o) == 0);
				if (!run)
					return;
				struct gd_update u;
				for (int n = 0; n < 300; n++)
					if (gd_run_step(run, &u))
						CHECK(no_nan(&u));
				for (size_t n = 0; n < gd_run_history_len(run);
				     n++)
					CHECK(no_nan(gd_run_history_at(run, n)));
				CHECK(!isnan(run->w[0]) && !isnan(run->E));
				gd_run_destroy(run);
			}
		}
	}
}

static const struct tcase cases[] = {
	{ .name = "optimizer-rows", .run = check_rows },
	{ .name = "optimizer-ranges", .run = check_ranges },
	{ .name = "optimizer-gd-plain-bits", .run = check_plain },
	/* Seed 000's first step: g = 4 at w = 2, η = 0.1: Δw = −0.4. */
	{ .name = "gd-first-step",
	  .run = check_step,
	  .rate = 0.1,
	  .dim = 1,
	  .g = { 4 },
	  .want_v = { -0.4 } },
	/* v ← 0.5·(−0.4) − 0.1·3.2 = −0.52. */
	{ .name = "gd-momentum-second-step",
	  .run = check_step,
	  .rate = 0.1,
	  .beta = 0.5,
	  .dim = 1,
	  .g = { 3.2 },
	  .v = { -0.4 },
	  .want_v = { -0.52 } },
	/* Two weights, each coordinate its own: v = 0.9·(0.1, −0.2) −
	 * 0.5·(2, −4) = (−0.91, 1.82). */
	{ .name = "gd-two-weights",
	  .run = check_step,
	  .rate = 0.5,
	  .beta = 0.9,
	  .dim = 2,
	  .g = { 2, -4 },
	  .v = { 0.1, -0.2 },
	  .want_v = { -0.91, 1.82 } },
	{ .name = "optimizer-two-weights-independent", .run = check_two_weights },
	{ .name = "adam-first-step-closed-form", .run = check_adam_first },
	{ .name = "optimizer-undo-exact", .run = check_undo },
	{ .name = "optimizer-no-nan", .run = check_no_nan },
	/* η = 0.1, β = 0.9, g = 4, 3, 2:
	 *   b = 4,                 Δw = −0.1·(4 + 0.9·4)     = −0.76
	 *   b = 0.9·4 + 3 = 6.6,   Δw = −0.1·(3 + 0.9·6.6)   = −0.894
	 *   b = 0.9·6.6 + 2 = 7.94, Δw = −0.1·(2 + 0.9·7.94) = −0.9146 */
	{ .name = "nesterov-table",
	  .run = check_table,
	  .kind = GD_OPTIMIZER_NESTEROV,
	  .hyper = { 0.1, 0.9 },
	  .table = { { 4, { 4 }, -0.76 },
		     { 3, { 6.6 }, -0.894 },
		     { 2, { 7.94 }, -0.9146 } } },
	/* η = 0.5, ε = 1e-10, g = 3, 4:
	 *   sum = 9,      Δw = −0.5·3/(3 + 1e-10) = −0.49999999998333…
	 *   sum = 9 + 16, Δw = −0.5·4/(5 + 1e-10) = −0.399999999992 */
	{ .name = "adagrad-table",
	  .run = check_table,
	  .kind = GD_OPTIMIZER_ADAGRAD,
	  .hyper = { 0.5, 1e-10 },
	  .table = { { 3, { 9 }, -0.49999999998333333 },
		     { 4, { 25 }, -0.399999999992 } } },
	/* η = 0.01, α = 0.99, ε = 1e-8, g = 2, 2, −1:
	 *   sa = 0.01·4 = 0.04,            Δw = −0.02/(0.2 + 1e-8)
	 *   sa = 0.99·0.04 + 0.04 = 0.0796, Δw = −0.02/(√0.0796 + 1e-8)
	 *   sa = 0.99·0.0796 + 0.01 = 0.088804, Δw = 0.01/(√0.088804 + 1e-8) */
	{ .name = "rmsprop-table",
	  .run = check_table,
	  .kind = GD_OPTIMIZER_RMSPROP,
	  .hyper = { 0.01, 0.99, 1e-8 },
	  .table = { { 2, { 0.04 }, -0.099999995000000250 },
		     { 2, { 0.0796 }, -0.070888117988270840 },
		     { -1, { 0.088804 }, 0.033557045853790390 } } },
	/* η = 0.3, β₁ = 0.9, β₂ = 0.999, ε = 1e-8, g = 4, −2, 1:
	 *   t = 1: m = 0.4, v = 0.016; m̂ = 4, v̂ = 16;
	 *          Δw = −0.3·4/(4 + 1e-8) = −0.29999999925
	 *   t = 2: m = 0.36 − 0.2 = 0.16, v = 0.015984 + 0.004 = 0.019984;
	 *          m̂ = 0.16/0.19 = 0.8421052631…, v̂ = 0.019984/0.001999
	 *          = 9.9969984992…; Δw = −0.3·m̂/(√v̂ + 1e-8)
	 *   t = 3: m = 0.144 + 0.1 = 0.244, v = 0.019964016 + 0.001
	 *          = 0.020964016; m̂ = 0.244/0.271, v̂ = v/0.002997001 */
	{ .name = "adam-table",
	  .run = check_table,
	  .kind = GD_OPTIMIZER_ADAM,
	  .hyper = { 0.3, 0.9, 0.999, 1e-8 },
	  .table = { { 4, { 0.4, 0.016 }, -0.29999999925 },
		     { -2, { 0.16, 0.019984 }, -0.079901111645412760 },
		     { 1, { 0.244, 0.020964016 }, -0.10212874407661497 } } },
};

int main(int argc, char *argv[])
{
	HARNESS_MAIN(cases, argc, argv);
}
