/*
 * lang.h — the two languages every text, message and report comes in: Japanese first,
 * English second. Its own header so that the smallest modules (errors, buffers) need nothing
 * else.
 */
#ifndef MAMORU_CORE_LANG_H
#define MAMORU_CORE_LANG_H

typedef enum { LANG_JA = 0, LANG_EN = 1 } lang_t;

#endif
