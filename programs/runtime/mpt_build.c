/* An M-mode firmware builder of Smmpt tables (Supervisor Domains v0.9, ch. 4), written from the spec as an
 * RDSM would: Smmpt34 on RV32, Smmpt43 on RV64, non-NAPOT leaves only. Each region is granted with the
 * largest leaf tuples that fit (a level-1 tuple is 4 MiB on Smmpt34, 2 MiB on Smmpt43; level 2 of Smmpt43
 * has 1 GiB tuples); a leaf that must be refined is split into a table of leaves that inherit its tuple.
 *
 *   Smmpt34: PA = pn[1] (9 bits) | pn[0] (10 bits) | range offset (15 bits); 4-byte MPTEs; 8 tuples.
 *   Smmpt43: PA = pn[2] | pn[1] | pn[0] (9 bits each) | range offset (16 bits); 8-byte MPTEs; 16 tuples.
 *   Non-leaf MPTE: V=1, L=0, PPN at bit 10.   Leaf MPTE: V=1, L=1, N=0, XWR[j] at bit 8 + 3j.
 */
#include "mttkit.h"

#if __riscv_xlen == 32
#define LEVELS 2
#define TUPLES 8
#define OFFSET_BITS 15
static const int pn_bits[LEVELS] = {10, 9};
#else
#define LEVELS 3
#define TUPLES 16
#define OFFSET_BITS 16
static const int pn_bits[LEVELS] = {9, 9, 9};
#endif

#define MPTE_V 1UL
#define MPTE_L 2UL

static ulong pool_next;

/* log2 of the bytes one MPTE at level i covers. */
static int span_log2(int i) {
    int s = OFFSET_BITS;
    for (int k = 0; k < i; k++) {
        s += pn_bits[k];
    }
    return s;
}

static int tuple_log2(int i) {
    return span_log2(i) - (TUPLES == 8 ? 3 : 4);
}

static ulong *new_table(void) {
    ulong *t = (ulong *)pool_next;
    pool_next += 4096;
    for (int k = 0; k < 4096 / (int)sizeof(ulong); k++) {
        t[k] = 0;
    }
    return t;
}

static ulong *entry(ulong *table, int i, ulong pa) {
    ulong idx = (pa >> span_log2(i)) & ((1UL << pn_bits[i]) - 1);
    return &table[idx];
}

static ulong leaf_tuple(ulong mpte, int j) {
    return (mpte >> (8 + 3 * j)) & 7;
}

static ulong leaf_all(ulong xwr) {
    ulong v = MPTE_V | MPTE_L;
    for (int j = 0; j < TUPLES; j++) {
        v |= xwr << (8 + 3 * j);
    }
    return v;
}

/* Replaces the leaf *e (at level i) by a pointer to a table of leaves that keep its permissions. */
static void split(ulong *e, int i) {
    ulong *t = new_table();
    int n = 1 << pn_bits[i - 1];
    for (int k = 0; k < n; k++) {
        /* sub-entry k covers 2^span(i-1) bytes, all inside tuple (k << span(i-1)) >> tuple_log2(i) */
        ulong j = ((ulong)k << span_log2(i - 1)) >> tuple_log2(i);
        t[k] = leaf_all(leaf_tuple(*e, (int)j));
    }
    *e = ((((ulong)t) >> 12) << 10) | MPTE_V;
}

/* Sets the tuple of pa at level `level` to xwr, creating or splitting tables on the way. */
static void set_tuple(ulong *root, int level, ulong pa, ulong xwr) {
    ulong *table = root;
    for (int i = LEVELS - 1; i > level; i--) {
        ulong *e = entry(table, i, pa);
        if (!(*e & MPTE_V)) {
            ulong *t = new_table();
            *e = ((((ulong)t) >> 12) << 10) | MPTE_V;
        } else if (*e & MPTE_L) {
            split(e, i);
        }
        table = (ulong *)((*e >> 10) << 12);
    }
    ulong *e = entry(table, level, pa);
    if (!(*e & MPTE_V)) {
        *e = MPTE_V | MPTE_L; /* all tuples "no access" */
    }
    int j = (int)((pa >> tuple_log2(level)) & (TUPLES - 1));
    *e = (*e & ~(7UL << (8 + 3 * j))) | (xwr << (8 + 3 * j));
}

static int has_pointer(ulong *root, int level, ulong pa) {
    ulong *table = root;
    for (int i = LEVELS - 1; i >= level; i--) {
        ulong e = *entry(table, i, pa);
        if (!(e & MPTE_V) || (e & MPTE_L)) {
            return 0;
        }
        if (i == level) {
            return 1;
        }
        table = (ulong *)((e >> 10) << 12);
    }
    return 0;
}

ulong *mpt_begin(ulong pool) {
    pool_next = pool;
    return new_table();
}

/* Grants xwr on [base, base + size); both 4 KiB aligned. (Counts down `remaining`: on RV32 base + size
 * may wrap to 0, e.g. the 1 GiB region at 0xC000_0000.) */
void mpt_grant(ulong *root, ulong base, ulong size, ulong xwr) {
    ulong a = base;
    ulong remaining = size;
    while (remaining != 0) {
        int level = 0;
        for (int i = LEVELS - 1; i > 0; i--) {
            ulong t = 1UL << tuple_log2(i);
            if ((a & (t - 1)) == 0 && remaining >= t && !has_pointer(root, i, a)) {
                level = i;
                break;
            }
        }
        set_tuple(root, level, a, xwr);
        a += 1UL << tuple_log2(level);
        remaining -= 1UL << tuple_log2(level);
    }
}
