#include <errno.h>
#include <stdio.h>

#include <gdstep/csv.h>

const char *gd_csv_header(void)
{
	return "step,w,E,dEdw,v,delta_w,w_next";
}

int gd_csv_format(char *buf, size_t size, const struct gd_update *u)
{
	int n = snprintf(buf, size, "%ld,%.17g,%.17g,%.17g,%.17g,%.17g,%.17g\n",
			 u->step, u->w, u->E, u->dEdw, u->v, u->delta_w,
			 u->w_next);
	if (n < 0 || (size_t)n >= size)
		return -ERANGE;
	return n;
}
