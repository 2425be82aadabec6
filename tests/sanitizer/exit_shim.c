/*
 * Preloaded with the sanitizer runtimes into Debian's Kore (BQ_SANITIZE=1,
 * scripts/serve): exit() flushes stdio and ends the process without the
 * libraries' destructors.  Under the preloaded ASan runtime, libp11-kit's
 * destructor deadlocked in freelocale() at every exit, so no process of
 * the sanitizer run could stop.  ASan and UBSan report at the fault, not
 * at exit (leak checking is off there), so nothing they find is skipped.
 */

#include <stdio.h>
#include <stdlib.h>
#include <unistd.h>

void
exit(int status)
{
	(void)fflush(NULL);
	_exit(status);
}
