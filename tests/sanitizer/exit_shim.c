/*
 * Preloaded with the sanitizer runtimes into Debian's Kore (BQ_SANITIZE=1,
 * scripts/serve): exit() flushes stdio and ends the process without the
 * libraries' destructors.  Under the preloaded ASan runtime, libp11-kit's
 * destructor deadlocked in freelocale() at every exit, so no process of
 * the sanitizer run could stop.  ASan and UBSan report at the fault, not
 * at exit (leak checking is off there), so nothing they find is skipped.
 *
 * A process that returns from main() exits inside libc, past any
 * interposed exit(): Kore's parent does, and since it loads the GOST
 * engine (which brings libp11-kit into it) it hung there too.  So main()
 * itself is wrapped, through __libc_start_main, to end the same way.
 */

#define _GNU_SOURCE

#include <dlfcn.h>
#include <stdio.h>
#include <stdlib.h>
#include <unistd.h>

typedef int (*main_fn)(int, char **, char **);
typedef int (*start_fn)(main_fn, int, char **, void (*)(void), void (*)(void),
    void (*)(void), void *);

int __libc_start_main(main_fn, int, char **, void (*)(void), void (*)(void),
    void (*)(void), void *);

static main_fn real_main;

void
exit(int status)
{
	(void)fflush(NULL);
	_exit(status);
}

static int
wrapped_main(int argc, char **argv, char **envp)
{
	exit(real_main(argc, argv, envp));
}

int
__libc_start_main(main_fn main, int argc, char **argv, void (*init)(void),
    void (*fini)(void), void (*rtld_fini)(void), void *stack_end)
{
	start_fn start = (start_fn)dlsym(RTLD_NEXT, "__libc_start_main");

	real_main = main;

	return (
	    start(wrapped_main, argc, argv, init, fini, rtld_fini, stack_end));
}
