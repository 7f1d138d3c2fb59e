/* The optimizer table; the update rules are derived in
 * include/gdstep/optimizer.h. */
#include <errno.h>
#include <math.h>
#include <string.h>

#include <gdstep/optimizer.h>
#include <gdstep/names.h>

static void gd_step(const double *hyper, struct gd_optim_step *st)
{
	double rate = hyper[GD_HYPER_RATE], beta = hyper[GD_HYPER_MOMENTUM];
	for (int k = 0; k < st->dim; k++) {
		double v = beta * st->state[GD_GD_V][k] - rate * st->g[k];
		st->state[GD_GD_V][k] = v;
		st->delta[k] = v;
	}
}

static void nesterov_step(const double *hyper, struct gd_optim_step *st)
{
	double rate = hyper[GD_HYPER_RATE], beta = hyper[GD_HYPER_MOMENTUM];
	for (int k = 0; k < st->dim; k++) {
		double g = st->g[k];
		double b = beta * st->state[GD_NESTEROV_BUF][k] + g;
		st->state[GD_NESTEROV_BUF][k] = b;
		st->delta[k] = -(rate * (g + beta * b));
	}
}

static void adagrad_step(const double *hyper, struct gd_optim_step *st)
{
	double rate = hyper[GD_HYPER_RATE], eps = hyper[GD_ADAGRAD_EPS];
	for (int k = 0; k < st->dim; k++) {
		double g = st->g[k];
		double sum = st->state[GD_ADAGRAD_SUM][k] + g * g;
		st->state[GD_ADAGRAD_SUM][k] = sum;
		st->delta[k] = -(rate * g / (sqrt(sum) + eps));
	}
}

static void rmsprop_step(const double *hyper, struct gd_optim_step *st)
{
	double rate = hyper[GD_HYPER_RATE], alpha = hyper[GD_RMSPROP_ALPHA];
	double eps = hyper[GD_RMSPROP_EPS];
	for (int k = 0; k < st->dim; k++) {
		double g = st->g[k];
		double sa = alpha * st->state[GD_RMSPROP_SQ][k] +
			    (1 - alpha) * (g * g);
		st->state[GD_RMSPROP_SQ][k] = sa;
		st->delta[k] = -(rate * g / (sqrt(sa) + eps));
	}
}

static void adam_step(const double *hyper, struct gd_optim_step *st)
{
	double rate = hyper[GD_HYPER_RATE], b1 = hyper[GD_ADAM_BETA1];
	double b2 = hyper[GD_ADAM_BETA2], eps = hyper[GD_ADAM_EPS];
	double t = (double)st->t + 1;
	double c1 = 1 - pow(b1, t), c2 = 1 - pow(b2, t);
	for (int k = 0; k < st->dim; k++) {
		double g = st->g[k];
		double m = b1 * st->state[GD_ADAM_M][k] + (1 - b1) * g;
		double v = b2 * st->state[GD_ADAM_V][k] + (1 - b2) * (g * g);
		st->state[GD_ADAM_M][k] = m;
		st->state[GD_ADAM_V][k] = v;
		st->delta[k] = -(rate * (m / c1) / (sqrt(v / c2) + eps));
	}
}

#define RATE                                                                      \
	{                                                                         \
		.key = "rate", .def = 0.1, .min = 0, .max = 1e6, .min_open = true \
	}
#define FRACTION(k, d)                                                   \
	{                                                                \
		.key = k, .def = d, .min = 0, .max = 1, .max_open = true \
	}

/* ε > 0; at most 1, far above any sensible value. */
#define EPS(d)                                                               \
	{                                                                    \
		.key = "eps", .def = d, .min = 0, .max = 1, .min_open = true \
	}

static const struct gd_optimizer_spec table[GD_OPTIMIZER_COUNT] = {
	[GD_OPTIMIZER_GD] = {
		.name = "gd",
		.nhyper = 2,
		.hyper = { RATE, FRACTION("momentum", 0.0) },
		.nstate = 1,
		.state_names = { "v" },
		.step = gd_step,
	},
	[GD_OPTIMIZER_NESTEROV] = {
		.name = "nesterov",
		.nhyper = 2,
		.hyper = { RATE, FRACTION("momentum", 0.9) },
		.nstate = 1,
		.state_names = { "momentum_buffer" },
		.step = nesterov_step,
	},
	[GD_OPTIMIZER_ADAGRAD] = {
		.name = "adagrad",
		.nhyper = 2,
		.hyper = { RATE, EPS(1e-10) },
		.nstate = 1,
		.state_names = { "sum" },
		.step = adagrad_step,
	},
	[GD_OPTIMIZER_RMSPROP] = {
		.name = "rmsprop",
		.nhyper = 3,
		.hyper = { RATE, FRACTION("alpha", 0.99), EPS(1e-8) },
		.nstate = 1,
		.state_names = { "square_avg" },
		.step = rmsprop_step,
	},
	[GD_OPTIMIZER_ADAM] = {
		.name = "adam",
		.nhyper = 4,
		.hyper = { RATE, FRACTION("beta1", 0.9),
			   FRACTION("beta2", 0.999), EPS(1e-8) },
		.nstate = 2,
		.state_names = { "exp_avg", "exp_avg_sq" },
		.step = adam_step,
	},
};

const struct gd_optimizer_spec *gd_optimizer_spec(enum gd_optimizer_kind kind)
{
	return (unsigned)kind < GD_OPTIMIZER_COUNT ? &table[kind] : NULL;
}

int gd_optimizer_kind_from_name(const char *name, enum gd_optimizer_kind *kind)
{
	for (int k = 0; name && k < GD_OPTIMIZER_COUNT; k++) {
		if (strcmp(name, table[k].name) == 0) {
			*kind = (enum gd_optimizer_kind)k;
			return 0;
		}
	}
	return -EINVAL;
}

void gd_optim_default(struct gd_optim *opt, enum gd_optimizer_kind kind,
		      double rate)
{
	memset(opt, 0, sizeof(*opt));
	opt->kind = kind;
	const struct gd_optimizer_spec *s = gd_optimizer_spec(kind);
	for (int i = 0; s && i < s->nhyper; i++)
		opt->hyper[i] = s->hyper[i].def;
	opt->hyper[GD_HYPER_RATE] = rate;
}

int gd_optim_check(const struct gd_optim *opt)
{
	const struct gd_optimizer_spec *s = gd_optimizer_spec(opt->kind);
	if (!s)
		return -EINVAL;
	for (int i = 0; i < s->nhyper; i++)
		if (!gd_param_ok(&s->hyper[i], opt->hyper[i]))
			return -EINVAL;
	return 0;
}

int gd_optimizer_hyper_index(enum gd_optimizer_kind kind, const char *key)
{
	const struct gd_optimizer_spec *s = gd_optimizer_spec(kind);
	for (int i = 0; s && key && i < s->nhyper; i++)
		if (strcmp(s->hyper[i].key, key) == 0)
			return i;
	return -1;
}

const char *gd_optimizer_nearest(const char *name)
{
	int best = 0, best_d = gd_edit_distance(name ? name : "", table[0].name);
	for (int k = 1; k < GD_OPTIMIZER_COUNT; k++) {
		int d = gd_edit_distance(name ? name : "", table[k].name);
		if (d < best_d) {
			best = k;
			best_d = d;
		}
	}
	return table[best].name;
}
