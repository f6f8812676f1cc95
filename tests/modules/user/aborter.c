/* A guest program that gives up the way C programs do: abort() ("a"), a
 * failed assert() ("s"), or a normal exit (anything else). */
#include <assert.h>
#include <stdio.h>
#include <stdlib.h>

int main(int argc, char **argv)
{
	const char *how = argc > 1 ? argv[1] : "";

	printf("aborter: %s\n", how);
	if (how[0] == 'a')
		abort();
	if (how[0] == 's')
		assert(argc == 42);
	return 3;
}
