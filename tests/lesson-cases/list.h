"crlf-only.ini", "typo.ini", "question-target.ini",
	"fuzz-unplanned-diverges.ini", /* walk back landed on step 0 */
	"latin1.ini",
