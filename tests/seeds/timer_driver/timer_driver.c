/*
 * timer_driver.c
 * Source: /work/shared/seeds/003_23ee8629b7a88f90.txt,
 *         "Implementation: Kernel Timers" -> "Step 1: Source Code
 *         (`timer_driver.c`)".
 * Code below is the seed's code block exactly as written: no changes.
 */
#include <linux/module.h>
#include <linux/timer.h>

static struct timer_list my_timer;

// Timer Callback (Atomic Context!)
void my_timer_callback(struct timer_list *t) {
    printk(KERN_INFO "Timer: Tick Tock!\n");
    
    // Re-arm timer for 1 second later (Periodic)
    mod_timer(&my_timer, jiffies + msecs_to_jiffies(1000));
}

static int __init timer_init(void) {
    printk(KERN_INFO "Timer: Module Loaded.\n");
    
    // Setup Timer
    timer_setup(&my_timer, my_timer_callback, 0);
    
    // Start Timer (1 second from now)
    mod_timer(&my_timer, jiffies + msecs_to_jiffies(1000));
    
    return 0;
}

static void __exit timer_exit(void) {
    del_timer(&my_timer); // Delete timer
    printk(KERN_INFO "Timer: Module Unloaded.\n");
}

module_init(timer_init);
module_exit(timer_exit);
MODULE_LICENSE("GPL");
