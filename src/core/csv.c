/* The iteration table; the columns are listed in include/gdstep/csv.h. */
#include <errno.h>
#include <stdbool.h>
#include <stdio.h>

#include <gdstep/csv.h>

struct out {
	char *buf;
	size_t size, len;
	bool over;
};

static void put(struct out *o, const char *fmt, const char *name, int k)
{
	if (o->over)
		return;
	int n = snprintf(o->buf + o->len, o->size - o->len, fmt, name, k);
	if (n < 0 || (size_t)n >= o->size - o->len)
		o->over = true;
	else
		o->len += (size_t)n;
}

/* A column for each weight: "name" for one, "name1,name2" for two. */
static void columns(struct out *o, const char *name, int dim)
{
	for (int k = 1; k <= dim; k++)
		put(o, dim == 1 ? ",%s" : ",%s%d", name, k);
}

int gd_csv_header(char *buf, size_t size, int dim, enum gd_optimizer_kind kind)
{
	const struct gd_optimizer_spec *spec = gd_optimizer_spec(kind);
	if (!spec || dim < 1 || dim > GD_DIM_MAX)
		return -EINVAL;
	struct out o = { .buf = buf, .size = size };
	put(&o, "%s", "step", 0);
	columns(&o, "w", dim);
	put(&o, ",%s", "E", 0);
	columns(&o, "dEdw", dim);
	for (int i = 0; i < spec->nstate; i++)
		columns(&o, spec->state_names[i], dim);
	columns(&o, "delta_w", dim);
	for (int k = 1; k <= dim; k++)
		put(&o, dim == 1 ? ",%s_next" : ",%s%d_next", "w", k);
	return o.over ? -ERANGE : (int)o.len;
}

static void num(struct out *o, double x)
{
	if (o->over)
		return;
	int n = snprintf(o->buf + o->len, o->size - o->len, ",%.17g", x);
	if (n < 0 || (size_t)n >= o->size - o->len)
		o->over = true;
	else
		o->len += (size_t)n;
}

static void nums(struct out *o, const double *x, int dim)
{
	for (int k = 0; k < dim; k++)
		num(o, x[k]);
}

int gd_csv_format(char *buf, size_t size, const struct gd_update *u, int dim)
{
	const struct gd_optimizer_spec *spec = gd_optimizer_spec(u->opt.kind);
	int n = snprintf(buf, size, "%ld", u->step);
	if (!spec || n < 0 || (size_t)n >= size)
		return -ERANGE;
	struct out o = { .buf = buf, .size = size, .len = (size_t)n };
	nums(&o, u->w, dim);
	num(&o, u->E);
	nums(&o, u->grad, dim);
	for (int i = 0; i < spec->nstate; i++)
		nums(&o, u->state[i], dim);
	nums(&o, u->delta, dim);
	nums(&o, u->w_next, dim);
	if (o.over || o.len + 1 >= size)
		return -ERANGE;
	buf[o.len++] = '\n';
	buf[o.len] = '\0';
	return (int)o.len;
}
