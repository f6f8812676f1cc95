/*
 * SO2 - Lab 6 - Deferred Work: the test program that drives /dev/deferred.
 */
#include <stdio.h>
#include <stdlib.h>
#include <fcntl.h>
#include <unistd.h>
#include <sys/ioctl.h>

#include "../include/deferred.h"

#define DEVICE_PATH	"/dev/deferred"

static void usage(const char *argv0)
{
	printf("Usage: %s <options>\n options:\n"
	       "\ts <seconds>\n\tc\n\ta <seconds>\n\tp <pid>\n", argv0);
	exit(1);
}

#define error(s) do { perror(s); exit(EXIT_FAILURE); } while (0)

int main(int argc, char **argv)
{
	int fd;
	unsigned long seconds, pid;

	if (argc < 2)
		usage(argv[0]);

	fd = open(DEVICE_PATH, O_RDONLY);
	if (fd < 0)
		error(DEVICE_PATH);

	switch (argv[1][0]) {
	case 's':
		if (argc < 3)
			usage(argv[0]);
		seconds = atoi(argv[2]);
		printf("Set timer to %ld seconds\n", seconds);
		if (ioctl(fd, MY_IOCTL_TIMER_SET, seconds) < 0)
			error("ioctl set timer error");
		break;
	case 'c':
		printf("Cancel timer\n");
		if (ioctl(fd, MY_IOCTL_TIMER_CANCEL) < 0)
			error("ioctl cancel timer error");
		break;
	case 'a':
		if (argc < 3)
			usage(argv[0]);
		seconds = atoi(argv[2]);
		printf("Allocate memory after %ld seconds\n", seconds);
		if (ioctl(fd, MY_IOCTL_TIMER_ALLOC, seconds) < 0)
			error("ioctl allocate memory error");
		break;
	case 'p':
		if (argc < 3)
			usage(argv[0]);
		pid = atoi(argv[2]);
		printf("Monitor PID %lu.\n", pid);
		if (ioctl(fd, MY_IOCTL_TIMER_MON, pid) < 0)
			error("ioctl monitor pid error");
		break;
	default:
		error("Wrong parameter");
	}

	close(fd);

	return 0;
}
