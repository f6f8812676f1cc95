#ifndef _LINUX_LOCKDEP_H
#define _LINUX_LOCKDEP_H
/* A lock class is named by the lock's init site (spin_lock_init(&dev->lock) -> "&dev->lock"). */
/* emu caches the lockdep class here (with the checker that made it: two
 * machines may share a static key in one process). */
/* emu: the checker's class, the checker that made it, and the name of a
 * timer's lockdep map (one key per timer_setup() site, so one name). */
struct lock_class_key { void *__emu_class; const void *__emu_owner; const char *__emu_name; };
#define lockdep_set_class(lock, key) do { (void)(lock); (void)(key); } while (0)
#define lockdep_assert_irqs_enabled() do { } while (0)
#define lockdep_assert_irqs_disabled() do { } while (0)
#endif
