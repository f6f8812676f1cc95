#ifndef _LINUX_LIST_H
#define _LINUX_LIST_H
#include "types.h"
#include "kernel.h"

#define LIST_POISON1 ((struct list_head *)0x100)
#define LIST_POISON2 ((struct list_head *)0x122)
#define LIST_HEAD_INIT(name) { &(name), &(name) }
#define LIST_HEAD(name) struct list_head name = LIST_HEAD_INIT(name)

static inline void INIT_LIST_HEAD(struct list_head *list) { list->next = list; list->prev = list; }
static inline void __list_add(struct list_head *n, struct list_head *prev, struct list_head *next)
{ next->prev = n; n->next = next; n->prev = prev; prev->next = n; }
static inline void list_add(struct list_head *n, struct list_head *head) { __list_add(n, head, head->next); }
static inline void list_add_tail(struct list_head *n, struct list_head *head) { __list_add(n, head->prev, head); }
static inline void __list_del(struct list_head *prev, struct list_head *next) { next->prev = prev; prev->next = next; }
static inline void __list_del_entry(struct list_head *entry) { __list_del(entry->prev, entry->next); }
static inline void list_del(struct list_head *entry)
{ __list_del_entry(entry); entry->next = LIST_POISON1; entry->prev = LIST_POISON2; }
static inline void list_del_init(struct list_head *entry) { __list_del_entry(entry); INIT_LIST_HEAD(entry); }
static inline void list_move(struct list_head *list, struct list_head *head) { __list_del_entry(list); list_add(list, head); }
static inline void list_move_tail(struct list_head *list, struct list_head *head) { __list_del_entry(list); list_add_tail(list, head); }
static inline int list_empty(const struct list_head *head) { return READ_ONCE(head->next) == head; }
static inline int list_is_last(const struct list_head *list, const struct list_head *head) { return list->next == head; }
static inline int list_is_singular(const struct list_head *head) { return !list_empty(head) && (head->next == head->prev); }
static inline void list_replace(struct list_head *old, struct list_head *n)
{ n->next = old->next; n->next->prev = n; n->prev = old->prev; n->prev->next = n; }
static inline void __list_splice(const struct list_head *list, struct list_head *prev, struct list_head *next)
{ struct list_head *first = list->next, *last = list->prev; first->prev = prev; prev->next = first; last->next = next; next->prev = last; }
static inline void list_splice_tail_init(struct list_head *list, struct list_head *head)
{ if (!list_empty(list)) { __list_splice(list, head->prev, head); INIT_LIST_HEAD(list); } }
static inline void list_splice_init(struct list_head *list, struct list_head *head)
{ if (!list_empty(list)) { __list_splice(list, head, head->next); INIT_LIST_HEAD(list); } }

#define list_entry(ptr, type, member) container_of(ptr, type, member)
#define list_first_entry(ptr, type, member) list_entry((ptr)->next, type, member)
#define list_last_entry(ptr, type, member) list_entry((ptr)->prev, type, member)
#define list_first_entry_or_null(ptr, type, member) ({ struct list_head *head__ = (ptr); \
        struct list_head *pos__ = READ_ONCE(head__->next); pos__ != head__ ? list_entry(pos__, type, member) : NULL; })
#define list_next_entry(pos, member) list_entry((pos)->member.next, __typeof__(*(pos)), member)
#define list_prev_entry(pos, member) list_entry((pos)->member.prev, __typeof__(*(pos)), member)
#define list_for_each(pos, head) for (pos = (head)->next; pos != (head); pos = pos->next)
#define list_for_each_safe(pos, n, head) for (pos = (head)->next, n = pos->next; pos != (head); pos = n, n = pos->next)
#define list_entry_is_head(pos, head, member) (&pos->member == (head))
#define list_for_each_entry(pos, head, member) \
        for (pos = list_first_entry(head, __typeof__(*pos), member); !list_entry_is_head(pos, head, member); \
             pos = list_next_entry(pos, member))
#define list_for_each_entry_safe(pos, n, head, member) \
        for (pos = list_first_entry(head, __typeof__(*pos), member), n = list_next_entry(pos, member); \
             !list_entry_is_head(pos, head, member); pos = n, n = list_next_entry(n, member))
#define list_for_each_entry_reverse(pos, head, member) \
        for (pos = list_last_entry(head, __typeof__(*pos), member); !list_entry_is_head(pos, head, member); \
             pos = list_prev_entry(pos, member))

#define HLIST_HEAD_INIT { .first = NULL }
#define HLIST_HEAD(name) struct hlist_head name = { .first = NULL }
#define INIT_HLIST_HEAD(ptr) ((ptr)->first = NULL)
static inline void INIT_HLIST_NODE(struct hlist_node *h) { h->next = NULL; h->pprev = NULL; }
static inline int hlist_unhashed(const struct hlist_node *h) { return !h->pprev; }
static inline int hlist_empty(const struct hlist_head *h) { return !READ_ONCE(h->first); }
static inline void __hlist_del(struct hlist_node *n)
{ struct hlist_node *next = n->next; struct hlist_node **pprev = n->pprev; *pprev = next; if (next) next->pprev = pprev; }
static inline void hlist_del(struct hlist_node *n)
{ __hlist_del(n); n->next = (struct hlist_node *)0x100; n->pprev = (struct hlist_node **)0x122; }
static inline void hlist_del_init(struct hlist_node *n) { if (!hlist_unhashed(n)) { __hlist_del(n); INIT_HLIST_NODE(n); } }
static inline void hlist_add_head(struct hlist_node *n, struct hlist_head *h)
{ struct hlist_node *first = h->first; n->next = first; if (first) first->pprev = &n->next; h->first = n; n->pprev = &h->first; }
#define hlist_entry(ptr, type, member) container_of(ptr, type, member)
#define hlist_for_each(pos, head) for (pos = (head)->first; pos; pos = pos->next)
#define hlist_for_each_safe(pos, n, head) for (pos = (head)->first; pos && ({ n = pos->next; 1; }); pos = n)
static inline int hlist_unhashed_lockless(const struct hlist_node *h) { return !READ_ONCE(h->pprev); }
/* Inserts n just before / just after a node already on a list. */
static inline void hlist_add_before(struct hlist_node *n, struct hlist_node *next)
{ n->pprev = next->pprev; n->next = next; next->pprev = &n->next; WRITE_ONCE(*(n->pprev), n); }
static inline void hlist_add_behind(struct hlist_node *n, struct hlist_node *prev)
{ n->next = prev->next; WRITE_ONCE(prev->next, n); n->pprev = &prev->next; if (n->next) n->next->pprev = &n->next; }
#define hlist_entry_safe(ptr, type, member) \
        ({ __typeof__(ptr) ptr__ = (ptr); ptr__ ? hlist_entry(ptr__, type, member) : NULL; })
#define hlist_for_each_entry(pos, head, member) \
        for (pos = hlist_entry_safe((head)->first, __typeof__(*(pos)), member); pos; \
             pos = hlist_entry_safe((pos)->member.next, __typeof__(*(pos)), member))
#define hlist_for_each_entry_continue(pos, member) \
        for (pos = hlist_entry_safe((pos)->member.next, __typeof__(*(pos)), member); pos; \
             pos = hlist_entry_safe((pos)->member.next, __typeof__(*(pos)), member))
#define hlist_for_each_entry_from(pos, member) \
        for (; pos; pos = hlist_entry_safe((pos)->member.next, __typeof__(*(pos)), member))
#define hlist_for_each_entry_safe(pos, n, head, member) \
        for (pos = hlist_entry_safe((head)->first, __typeof__(*pos), member); pos && ({ n = pos->member.next; 1; }); \
             pos = hlist_entry_safe(n, __typeof__(*pos), member))
#endif
