/*
 * Numbers for display. Never "nan" or "inf": a non-finite value (which the
 * run never stores, but a caller might pass) shows as an em dash. Negative
 * numbers get a real minus sign (U+2212), exponents are written ×10ⁿ with
 * superscript digits. The CSV output does not use these: it prints %.17g.
 */
#ifndef GDSTEP_APP_FMT_H
#define GDSTEP_APP_FMT_H

#include <stddef.h>

/* Bytes enough for any result of the functions below. */
#define APP_FMT_MAX 64

/*
 * A computed value (w, E, dE/dw, Δw): three decimals ("4.000", "−0.400"),
 * three significant digits below 0.1 ("0.00483"), and a×10ⁿ below 1e−4 or
 * from 1e6 on ("4.830×10⁻⁵"). Returns buf.
 */
char *app_fmt_value(char *buf, size_t size, double x);

/* sig significant digits (2 … 15), for telling close values apart:
 * "0.0503412". Returns buf. */
char *app_fmt_sig(char *buf, size_t size, double x, int sig);

/* The same, in parentheses when negative: "(−0.400)", for substituting
 * into a sum. Returns buf. */
char *app_fmt_paren(char *buf, size_t size, double x);

/* A setting (η, β, a threshold): the shortest form up to six significant
 * digits ("0.1", "0.25", "1"). Returns buf. */
char *app_fmt_param(char *buf, size_t size, double x);

/* A tick value x on an axis whose ticks are step apart: as many
 * significant digits as tell neighbouring ticks apart (at least
 * app_fmt_param's six, up to 15), so a deep zoom does not print eight
 * labels of "3.59536". Returns buf. */
char *app_fmt_tick(char *buf, size_t size, double x, double step);

#endif
