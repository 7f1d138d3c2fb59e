/*
 * The numbers a student sees, printed in full (%.17g) so that the native
 * build and the wasm32-wasi build can be compared: every step of every
 * scene of the built-in lesson (each of its runs), then 200 steps of every
 * curve under every optimizer from the curve's default start and η.
 * tests/wasi/compare.py reads both outputs.
 */
#include <stdio.h>

#include <gdstep/lesson.h>
#include <gdstep/run.h>

static void print_run(const char *what, const struct gd_curve *curve,
		      const double *w0, const struct gd_optim *opt, long steps)
{
	struct gd_run *run = NULL;
	if (gd_run_create(&run, curve, w0, opt) < 0) {
		printf("%s: cannot start\n", what);
		return;
	}
	int dim = gd_curve_dim(curve);
	struct gd_update u;
	for (long i = 0; i < steps && gd_run_step(run, &u); i++) {
		printf("%s %ld", what, u.step);
		for (int d = 0; d < dim; d++)
			printf(" %.17g %.17g %.17g", u.w[d], u.grad[d],
			       u.w_next[d]);
		printf(" %.17g %.17g\n", u.E, u.E_next);
	}
	printf("%s %s\n", what, gd_status_name(run->status));
	gd_run_destroy(run);
}

int main(void)
{
	struct gd_lesson l;
	char what[64];
	if (gd_lesson_builtin(&l) < 0)
		return 1;
	for (int i = 0; i < l.count; i++) {
		const struct gd_scene *s = &l.scenes[i];
		long steps = s->steps < 0 ? 50 : s->steps + 50;
		for (int r = 0; r < (s->nruns ? s->nruns : 1); r++) {
			snprintf(what, sizeof(what), "scene-%d-run-%d", i + 1, r);
			print_run(what, &s->curve, s->w0,
				  r ? &s->also[r - 1] : &s->opt, steps);
		}
	}
	gd_lesson_finish(&l);
	for (int c = 0; c < GD_CURVE_COUNT; c++) {
		struct gd_curve curve;
		gd_curve_default(&curve, c);
		const struct gd_curve_spec *cs = gd_curve_spec(c);
		for (int k = 0; k < GD_OPTIMIZER_COUNT; k++) {
			struct gd_optim opt;
			gd_optim_default(&opt, k, gd_curve_rate(&curve, cs->w0));
			snprintf(what, sizeof(what), "%s-%s", cs->name,
				 gd_optimizer_spec(k)->name);
			print_run(what, &curve, cs->w0, &opt, 200);
		}
	}
	return 0;
}
