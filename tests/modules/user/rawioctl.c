/* Test program: rawioctl DEVICE CMD [HOLD_SECONDS] -- one ioctl, then optionally keep the file open. */
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <sys/ioctl.h>
#include <unistd.h>

int main(int argc, char **argv)
{
	if (argc < 3) {
		fprintf(stderr, "usage: rawioctl DEVICE CMD [HOLD]\n");
		return 2;
	}
	int fd = open(argv[1], O_RDONLY);
	if (fd < 0) {
		perror(argv[1]);
		return 1;
	}
	if (ioctl(fd, strtoul(argv[2], 0, 0), 0) < 0)
		perror("ioctl");
	if (argc > 3)
		sleep(atoi(argv[3]));
	close(fd);
	printf("rawioctl done\n");
	return 0;
}
