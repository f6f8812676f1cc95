/* W8's guest code: compiled as guest modules are, with gcc's per-basic-block
 * hook (-fsanitize-coverage=trace-pc, see kernel/kcov.cpp), so each iteration
 * of the loop is one block charged to the CPU and one preemption point. */
unsigned long emu_bench_guest_loop(unsigned long n)
{
	unsigned long i, sum = 0;

	for (i = 0; i < n; i++)
		sum += i ^ (sum >> 3);
	return sum;
}
