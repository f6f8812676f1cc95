#ifndef _LINUX_JUMP_LABEL_H
#define _LINUX_JUMP_LABEL_H
/* Static keys (6.1 include/linux/jump_label.h). Linux patches a no-op into a
 * jump when a key flips; emu has no code patching, so a static branch is a
 * plain test of the key's count -- 6.1's !CONFIG_JUMP_LABEL form, with the
 * same results: static_branch_*() is true while the count is > 0;
 * static_branch_enable()/disable() set it to 1/0 (WARNing once if it was
 * neither 0 nor 1), static_branch_inc()/dec() count up and down. */
#include "types.h"
#include "compiler.h"
#include "atomic.h"
#include "bug.h"

struct static_key {
	atomic_t enabled;
};
struct static_key_true {
	struct static_key key;
};
struct static_key_false {
	struct static_key key;
};

#define STATIC_KEY_INIT_TRUE { .enabled = ATOMIC_INIT(1) }
#define STATIC_KEY_INIT_FALSE { .enabled = ATOMIC_INIT(0) }
#define STATIC_KEY_INIT STATIC_KEY_INIT_FALSE
#define STATIC_KEY_TRUE_INIT (struct static_key_true) { .key = STATIC_KEY_INIT_TRUE, }
#define STATIC_KEY_FALSE_INIT (struct static_key_false) { .key = STATIC_KEY_INIT_FALSE, }

#define DEFINE_STATIC_KEY_TRUE(name) struct static_key_true name = STATIC_KEY_TRUE_INIT
#define DEFINE_STATIC_KEY_TRUE_RO(name) struct static_key_true name = STATIC_KEY_TRUE_INIT
#define DECLARE_STATIC_KEY_TRUE(name) extern struct static_key_true name
#define DEFINE_STATIC_KEY_FALSE(name) struct static_key_false name = STATIC_KEY_FALSE_INIT
#define DEFINE_STATIC_KEY_FALSE_RO(name) struct static_key_false name = STATIC_KEY_FALSE_INIT
#define DECLARE_STATIC_KEY_FALSE(name) extern struct static_key_false name
#define DEFINE_STATIC_KEY_ARRAY_TRUE(name, count) \
	struct static_key_true name[count] = { [0 ... (count) - 1] = STATIC_KEY_TRUE_INIT, }
#define DEFINE_STATIC_KEY_ARRAY_FALSE(name, count) \
	struct static_key_false name[count] = { [0 ... (count) - 1] = STATIC_KEY_FALSE_INIT, }
/* TRUE or FALSE keys by a config option. */
#define _DEFINE_STATIC_KEY_1(name) DEFINE_STATIC_KEY_TRUE(name)
#define _DEFINE_STATIC_KEY_0(name) DEFINE_STATIC_KEY_FALSE(name)
#define DEFINE_STATIC_KEY_MAYBE(cfg, name) __PASTE(_DEFINE_STATIC_KEY_, IS_ENABLED(cfg))(name)
#define _DEFINE_STATIC_KEY_RO_1(name) DEFINE_STATIC_KEY_TRUE_RO(name)
#define _DEFINE_STATIC_KEY_RO_0(name) DEFINE_STATIC_KEY_FALSE_RO(name)
#define DEFINE_STATIC_KEY_MAYBE_RO(cfg, name) __PASTE(_DEFINE_STATIC_KEY_RO_, IS_ENABLED(cfg))(name)
#define _DECLARE_STATIC_KEY_1(name) DECLARE_STATIC_KEY_TRUE(name)
#define _DECLARE_STATIC_KEY_0(name) DECLARE_STATIC_KEY_FALSE(name)
#define DECLARE_STATIC_KEY_MAYBE(cfg, name) __PASTE(_DECLARE_STATIC_KEY_, IS_ENABLED(cfg))(name)

#ifndef __cplusplus
static inline int static_key_count(struct static_key *key) { return atomic_read(&key->enabled); }
static inline void jump_label_init(void) { }
static inline void jump_label_lock(void) { }
static inline void jump_label_unlock(void) { }
static inline int jump_label_text_reserved(void *start, void *end) { return 0; }
/* The old spellings: true while the key is on. */
static inline bool static_key_false(struct static_key *key) { return unlikely(static_key_count(key) > 0); }
static inline bool static_key_true(struct static_key *key) { return likely(static_key_count(key) > 0); }

/* Counts up unless the count is negative (a key being disabled); false then. */
static inline bool static_key_fast_inc_not_disabled(struct static_key *key)
{
	int v = atomic_read(&key->enabled);
	do {
		if (v < 0 || v + 1 < 0)
			return false;
	} while (!atomic_try_cmpxchg(&key->enabled, &v, v + 1));
	return true;
}
#define static_key_slow_inc(key) static_key_fast_inc_not_disabled(key)
static inline void static_key_slow_dec(struct static_key *key) { atomic_dec(&key->enabled); }
#define static_key_slow_inc_cpuslocked(key) static_key_slow_inc(key)
#define static_key_slow_dec_cpuslocked(key) static_key_slow_dec(key)

static inline void static_key_enable(struct static_key *key)
{
	if (atomic_read(&key->enabled) != 0) {
		WARN_ON_ONCE(atomic_read(&key->enabled) != 1);
		return;
	}
	atomic_set(&key->enabled, 1);
}
static inline void static_key_disable(struct static_key *key)
{
	if (atomic_read(&key->enabled) != 1) {
		WARN_ON_ONCE(atomic_read(&key->enabled) != 0);
		return;
	}
	atomic_set(&key->enabled, 0);
}
#define static_key_enable_cpuslocked(k) static_key_enable((k))
#define static_key_disable_cpuslocked(k) static_key_disable((k))

/* Never defined: using a static_branch_*() on anything but a key fails to link. */
extern bool ____wrong_branch_error(void);
#define static_key_enabled(x) ({ \
		if (!__builtin_types_compatible_p(__typeof__(*(x)), struct static_key) && \
		    !__builtin_types_compatible_p(__typeof__(*(x)), struct static_key_true) && \
		    !__builtin_types_compatible_p(__typeof__(*(x)), struct static_key_false)) \
			____wrong_branch_error(); \
		static_key_count((struct static_key *)(x)) > 0; })
#define jump_label_enabled static_key_enabled

#define static_branch_likely(x) likely(static_key_enabled(&(x)->key))
#define static_branch_unlikely(x) unlikely(static_key_enabled(&(x)->key))
#define static_branch_maybe(config, x) (IS_ENABLED(config) ? static_branch_likely(x) : static_branch_unlikely(x))
/* The static_branch_*() updates act on the key inside a DEFINE_STATIC_KEY_*. */
#define __emu_branch_op(fn, x) fn(&(x)->key)
#define static_branch_inc(x) __emu_branch_op(static_key_slow_inc, x)
#define static_branch_dec(x) __emu_branch_op(static_key_slow_dec, x)
#define static_branch_inc_cpuslocked(x) __emu_branch_op(static_key_slow_inc_cpuslocked, x)
#define static_branch_dec_cpuslocked(x) __emu_branch_op(static_key_slow_dec_cpuslocked, x)
#define static_branch_enable(x) __emu_branch_op(static_key_enable, x)
#define static_branch_disable(x) __emu_branch_op(static_key_disable, x)
#define static_branch_enable_cpuslocked(x) __emu_branch_op(static_key_enable_cpuslocked, x)
#define static_branch_disable_cpuslocked(x) __emu_branch_op(static_key_disable_cpuslocked, x)
#endif /* !__cplusplus */

#endif
