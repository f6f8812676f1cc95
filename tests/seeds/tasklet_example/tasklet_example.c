/*
 * tasklet_example.c
 * Source: /work/shared/seeds/001_482e68e27c9ade7b.txt, "## Tasklets" ->
 *         "### Tasklets Example" (John Madieu's tasklet module).
 * Code below is the seed's code block as written, except for these changes,
 * each needed for the file to compile:
 *  1. The string literal of tasklet_data[] was split over two lines by text
 *     extraction ("...pointer to a" / "structure"); joined into one line
 *     with a single space: "...pointer to a structure".
 *  2. DECLARE_TASKLET named an undefined handler `tasklet_function`; the
 *     handler the example defines is `tasklet_work`, so the macro now names
 *     tasklet_work.
 *  3. Added the missing ';' after MODULE_LICENSE("GPL") (last line).
 * Not changed: the 3-argument (pre-5.9) DECLARE_TASKLET(name, func, data).
 * emu's interrupt.h accepts it; Linux 6.1's DECLARE_TASKLET takes 2
 * arguments (callback form) and would reject this line.
 */
#include <linux/kernel.h>
#include <linux/module.h>
#include <linux/interrupt.h>
/* for tasklets API */
char tasklet_data[]="We use a string; but it could be pointer to a structure";
/* Tasklet handler, that just print the data */
void tasklet_work(unsigned long data)
{
    printk("%s\n", (char *)data);
}
DECLARE_TASKLET(my_tasklet, tasklet_work, (unsigned long) tasklet_data);
static int __init my_init(void)
{
    tasklet_schedule(&my_tasklet);
    return 0;
}
void my_exit(void)
{
    tasklet_kill(&my_tasklet);
}
module_init(my_init);
module_exit(my_exit);
MODULE_AUTHOR("John Madieu <john.madieu@gmail.com>");
MODULE_LICENSE("GPL");
