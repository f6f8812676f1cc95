/*
 * wq_driver.c
 * Source: /work/shared/seeds/003_23ee8629b7a88f90.txt,
 *         "Implementation: The Workqueue Demo" -> "Step 1: Source Code
 *         (`wq_driver.c`)".
 * Code below is the seed's code block exactly as written: no changes.
 */
#include <linux/module.h>
#include <linux/init.h>
#include <linux/interrupt.h>
#include <linux/workqueue.h>
#include <linux/slab.h>
#include <linux/delay.h>

#define IRQ_NO 1 // Fake IRQ for demo (or use GPIO logic from Day 132)

// 1. Declare the Work Structure
static struct work_struct my_work;

// 2. The Work Handler (Bottom Half)
// This runs in Process Context. We CAN sleep here.
void my_work_handler(struct work_struct *work) {
    printk(KERN_INFO "Workqueue: Starting heavy task...\n");
    msleep(1000); // Sleep for 1 second (Simulate I/O)
    printk(KERN_INFO "Workqueue: Task finished.\n");
}

// 3. The ISR (Top Half)
// This runs in Interrupt Context. NO sleeping.
static irqreturn_t my_isr(int irq, void *dev_id) {
    printk(KERN_INFO "ISR: Interrupt received. Scheduling work.\n");
    
    // Schedule the work
    schedule_work(&my_work);
    
    return IRQ_HANDLED;
}

static int __init wq_init(void) {
    // Initialize Work
    INIT_WORK(&my_work, my_work_handler);
    
    // Request IRQ (Simulated)
    // In real code, use gpio_to_irq()
    // request_irq(IRQ_NO, my_isr, IRQF_SHARED, "wq_test", (void *)(my_isr));
    
    printk(KERN_INFO "Workqueue Driver Loaded.\n");
    
    // Simulate an interrupt trigger for testing without hardware
    my_isr(0, NULL); 
    
    return 0;
}

static void __exit wq_exit(void) {
    // Ensure work is done before unloading
    cancel_work_sync(&my_work);
    // free_irq(IRQ_NO, (void *)(my_isr));
    printk(KERN_INFO "Workqueue Driver Unloaded.\n");
}

module_init(wq_init);
module_exit(wq_exit);
MODULE_LICENSE("GPL");
