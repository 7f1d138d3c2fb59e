/* The edit distance of "did you mean …?"; see include/gdstep/names.h. */
#include <string.h>

#include <gdstep/names.h>

int gd_edit_distance(const char *a, const char *b)
{
	int la = (int)strlen(a), lb = (int)strlen(b), row[GD_NAME_MAX + 1];
	if (la > GD_NAME_MAX || lb > GD_NAME_MAX)
		return GD_NAME_FAR;
	for (int j = 0; j <= lb; j++)
		row[j] = j;
	for (int i = 1; i <= la; i++) {
		int diag = row[0];
		row[0] = i;
		for (int j = 1; j <= lb; j++) {
			int up = row[j];
			int best = diag + (a[i - 1] != b[j - 1]);
			if (up + 1 < best)
				best = up + 1;
			if (row[j - 1] + 1 < best)
				best = row[j - 1] + 1;
			row[j] = best;
			diag = up;
		}
	}
	return row[lb];
}
