/*
 * Names a user may mistype (curves, optimizers, functions, lesson keys):
 * the one edit distance that "did you mean …?" hints are chosen by.
 */
#ifndef GDSTEP_NAMES_H
#define GDSTEP_NAMES_H

/* Where gd_edit_distance stops measuring: longer names are "far". */
#define GD_NAME_MAX 31

/*
 * The Levenshtein distance of a and b (insertions, deletions and
 * substitutions of bytes), or GD_NAME_FAR when either is longer than
 * GD_NAME_MAX bytes.
 */
#define GD_NAME_FAR 99
int gd_edit_distance(const char *a, const char *b);

#endif
