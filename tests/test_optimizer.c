/* Optimizers: the table's rows, and each rule against steps worked by
 * hand, in one weight and in two. */
#include <errno.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include <gdstep/optimizer.h>

#include "harness.h"

struct tcase {
	const char *name;
	void (*run)(const struct tcase *);
	enum gd_optimizer_kind kind;
	double rate, beta;
	int dim;
	double g[GD_DIM_MAX], v[GD_DIM_MAX]; /* gradient, state before */
	double want_v[GD_DIM_MAX];           /* state after (= Δw for gd) */
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
};

int main(int argc, char *argv[])
{
	HARNESS_MAIN(cases, argc, argv);
}
