/*
 * A small JSON reader for the test data (the golden vectors): a tree of
 * values, strings decoded to UTF-8 with their length. Not a validator;
 * enough for well-formed test files. Valid C99 and C++17.
 */
#ifndef CT_TEST_JSON_READER_H
#define CT_TEST_JSON_READER_H

#include <stdlib.h>
#include <string.h>

#include "harness.h"

typedef enum { J_NULL, J_BOOL, J_NUM, J_STR, J_ARR, J_OBJ } j_type;

typedef struct j_val {
    j_type type;
    int boolean;
    long long num;
    char *str; /* J_STR: decoded, NUL-terminated; may hold NULs (see len) */
    size_t len;
    struct j_val *items; /* J_ARR, J_OBJ: values */
    char **keys;         /* J_OBJ: keys */
    size_t n;
} j_val;

typedef struct {
    const char *p;
    const char *end;
    int failed;
} j_parser;

static inline void j_skip(j_parser *ps) {
    while (ps->p < ps->end && (*ps->p == ' ' || *ps->p == '\t' || *ps->p == '\n' || *ps->p == '\r')) {
        ps->p++;
    }
}

static inline int j_hex4(const char *s, unsigned *out) {
    unsigned v = 0;
    int i;
    for (i = 0; i < 4; i++) {
        char c = s[i];
        v <<= 4;
        if (c >= '0' && c <= '9') v |= (unsigned)(c - '0');
        else if (c >= 'a' && c <= 'f') v |= (unsigned)(c - 'a' + 10);
        else if (c >= 'A' && c <= 'F') v |= (unsigned)(c - 'A' + 10);
        else return 0;
    }
    *out = v;
    return 1;
}

static inline size_t j_utf8(unsigned cp, char *out) {
    if (cp < 0x80) {
        out[0] = (char)cp;
        return 1;
    } else if (cp < 0x800) {
        out[0] = (char)(0xC0 | (cp >> 6));
        out[1] = (char)(0x80 | (cp & 0x3F));
        return 2;
    } else if (cp < 0x10000) {
        out[0] = (char)(0xE0 | (cp >> 12));
        out[1] = (char)(0x80 | ((cp >> 6) & 0x3F));
        out[2] = (char)(0x80 | (cp & 0x3F));
        return 3;
    }
    out[0] = (char)(0xF0 | (cp >> 18));
    out[1] = (char)(0x80 | ((cp >> 12) & 0x3F));
    out[2] = (char)(0x80 | ((cp >> 6) & 0x3F));
    out[3] = (char)(0x80 | (cp & 0x3F));
    return 4;
}

/* Reads a string at ps->p (on the opening quote). */
static inline char *j_string(j_parser *ps, size_t *len) {
    const char *start = ++ps->p;
    char *out;
    size_t o = 0;
    while (ps->p < ps->end && *ps->p != '"') {
        ps->p += (*ps->p == '\\') ? 2 : 1;
    }
    if (ps->p >= ps->end) {
        ps->failed = 1;
        return NULL;
    }
    out = (char *)malloc((size_t)(ps->p - start) + 1);
    if (out == NULL) {
        ps->failed = 1;
        return NULL;
    }
    ps->p = start;
    while (*ps->p != '"') {
        char c = *ps->p++;
        if (c != '\\') {
            out[o++] = c;
            continue;
        }
        c = *ps->p++;
        switch (c) {
        case 'b': out[o++] = '\b'; break;
        case 'f': out[o++] = '\f'; break;
        case 'n': out[o++] = '\n'; break;
        case 'r': out[o++] = '\r'; break;
        case 't': out[o++] = '\t'; break;
        case 'u': {
            unsigned cp = 0, lo = 0;
            if (ps->end - ps->p < 4 || !j_hex4(ps->p, &cp)) {
                ps->failed = 1;
                free(out);
                return NULL;
            }
            ps->p += 4;
            if (cp >= 0xD800 && cp <= 0xDBFF && ps->end - ps->p >= 6 && ps->p[0] == '\\' &&
                ps->p[1] == 'u' && j_hex4(ps->p + 2, &lo) && lo >= 0xDC00 && lo <= 0xDFFF) {
                cp = 0x10000 + ((cp - 0xD800) << 10) + (lo - 0xDC00);
                ps->p += 6;
            }
            o += j_utf8(cp, out + o);
            break;
        }
        default: out[o++] = c; break;
        }
    }
    ps->p++;
    out[o] = '\0';
    *len = o;
    return out;
}

static inline void j_parse_value(j_parser *ps, j_val *v);

static inline void j_push(j_parser *ps, j_val *v, char *key) {
    j_val *items = (j_val *)realloc(v->items, (v->n + 1) * sizeof(j_val));
    if (items == NULL) {
        ps->failed = 1;
        free(key);
        return;
    }
    v->items = items;
    memset(&v->items[v->n], 0, sizeof(j_val));
    if (v->type == J_OBJ) {
        char **keys = (char **)realloc(v->keys, (v->n + 1) * sizeof(char *));
        if (keys == NULL) {
            ps->failed = 1;
            free(key);
            return;
        }
        v->keys = keys;
        v->keys[v->n] = key;
    }
    v->n++;
    j_parse_value(ps, &v->items[v->n - 1]);
}

static inline void j_parse_value(j_parser *ps, j_val *v) {
    j_skip(ps);
    memset(v, 0, sizeof *v);
    if (ps->failed || ps->p >= ps->end) {
        ps->failed = 1;
        return;
    }
    switch (*ps->p) {
    case '"':
        v->type = J_STR;
        v->str = j_string(ps, &v->len);
        return;
    case '{':
    case '[': {
        char close = *ps->p == '{' ? '}' : ']';
        v->type = *ps->p == '{' ? J_OBJ : J_ARR;
        ps->p++;
        j_skip(ps);
        if (ps->p < ps->end && *ps->p == close) {
            ps->p++;
            return;
        }
        while (!ps->failed) {
            char *key = NULL;
            j_skip(ps);
            if (v->type == J_OBJ) {
                size_t klen;
                if (ps->p >= ps->end || *ps->p != '"') {
                    ps->failed = 1;
                    return;
                }
                key = j_string(ps, &klen);
                j_skip(ps);
                if (ps->failed || ps->p >= ps->end || *ps->p != ':') {
                    free(key);
                    ps->failed = 1;
                    return;
                }
                ps->p++;
            }
            j_push(ps, v, key);
            j_skip(ps);
            if (ps->p < ps->end && *ps->p == ',') {
                ps->p++;
            } else if (ps->p < ps->end && *ps->p == close) {
                ps->p++;
                return;
            } else {
                ps->failed = 1;
            }
        }
        return;
    }
    case 't':
        v->type = J_BOOL;
        v->boolean = 1;
        ps->p += 4;
        return;
    case 'f':
        v->type = J_BOOL;
        ps->p += 5;
        return;
    case 'n':
        v->type = J_NULL;
        ps->p += 4;
        return;
    default: {
        char *endp = NULL;
        v->type = J_NUM;
        v->num = strtoll(ps->p, &endp, 10);
        if (endp == ps->p) {
            ps->failed = 1;
            return;
        }
        ps->p = endp;
        while (ps->p < ps->end && strchr("0123456789.eE+-", *ps->p) != NULL) {
            ps->p++;
        }
        return;
    }
    }
}

static inline void j_free(j_val *v) {
    size_t i;
    free(v->str);
    for (i = 0; i < v->n; i++) {
        j_free(&v->items[i]);
        if (v->keys != NULL) {
            free(v->keys[i]);
        }
    }
    free(v->items);
    free(v->keys);
    memset(v, 0, sizeof *v);
}

/* Parses `len` bytes; returns 0 on failure (the tree is freed). */
static inline int j_parse(const char *text, size_t len, j_val *out) {
    j_parser ps;
    ps.p = text;
    ps.end = text + len;
    ps.failed = 0;
    j_parse_value(&ps, out);
    if (ps.failed) {
        j_free(out);
        return 0;
    }
    return 1;
}

/* The member `key` of an object, or NULL. */
static inline const j_val *j_get(const j_val *obj, const char *key) {
    size_t i;
    if (obj == NULL || obj->type != J_OBJ) {
        return NULL;
    }
    for (i = 0; i < obj->n; i++) {
        if (strcmp(obj->keys[i], key) == 0) {
            return &obj->items[i];
        }
    }
    return NULL;
}

/* Reads and parses the JSON file at `path` into `doc` (strings are copied,
 * so nothing of the file is kept); on failure says which file to stderr and
 * returns 0. The caller frees `doc` with j_free. */
static inline int j_load_file(const char *path, j_val *doc) {
    size_t len = 0;
    char *text = t_read_file(path, &len);
    int ok = text != NULL && j_parse(text, len, doc);
    free(text);
    if (!ok) {
        fprintf(stderr, "%s: cannot read or parse\n", path);
    }
    return ok;
}

#endif
