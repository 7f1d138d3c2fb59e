/* The optimizer table; the update rules are derived in
 * include/gdstep/optimizer.h. */
#include <errno.h>
#include <string.h>

#include <gdstep/optimizer.h>

static void gd_step(const double *hyper, struct gd_optim_step *st)
{
	double rate = hyper[GD_HYPER_RATE], beta = hyper[GD_HYPER_MOMENTUM];
	for (int k = 0; k < st->dim; k++) {
		double v = beta * st->state[GD_GD_V][k] - rate * st->g[k];
		st->state[GD_GD_V][k] = v;
		st->delta[k] = v;
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

static const struct gd_optimizer_spec table[GD_OPTIMIZER_COUNT] = {
	[GD_OPTIMIZER_GD] = {
		.name = "gd",
		.nhyper = 2,
		.hyper = { RATE, FRACTION("momentum", 0.0) },
		.nstate = 1,
		.state_names = { "v" },
		.step = gd_step,
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
