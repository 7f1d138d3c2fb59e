"crlf-only.ini",
"typo.ini",
