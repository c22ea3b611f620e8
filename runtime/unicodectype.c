/* unicodectype.c — character classes and simple case mapping for str.
 *
 * Exact for ASCII and Latin-1; covers Latin Extended-A, Greek and Cyrillic
 * case pairs, and treats the main letter blocks of other scripts (CJK,
 * kana, Hangul, Arabic, Hebrew, Devanagari...) as caseless letters. Not the
 * full Unicode database: characters outside these ranges are "other".
 */
#include "gilt.h"
#include "strimpl.h"

bool ucs_isspace(uint32_t c) {
    if (c < 0x80) return c == ' ' || (c >= 0x09 && c <= 0x0D) || (c >= 0x1C && c <= 0x1F);
    return c == 0x85 || c == 0xA0 || c == 0x1680 || (c >= 0x2000 && c <= 0x200A) ||
           c == 0x2028 || c == 0x2029 || c == 0x202F || c == 0x205F || c == 0x3000;
}

bool ucs_isupper(uint32_t c) {
    if (c < 0x80) return c >= 'A' && c <= 'Z';
    if (c < 0x100) return c >= 0xC0 && c <= 0xDE && c != 0xD7;
    if (c < 0x180) return ucs_tolower(c) != c;
    if (c >= 0x391 && c <= 0x3AB) return c != 0x3A2;
    if (c >= 0x400 && c <= 0x42F) return true;
    if (c >= 0x460 && c <= 0x4FF) return ucs_tolower(c) != c;
    return false;
}

bool ucs_islower(uint32_t c) {
    if (c < 0x80) return c >= 'a' && c <= 'z';
    if (c < 0x100) return (c >= 0xDF && c != 0xF7) || c == 0xAA || c == 0xB5 || c == 0xBA;
    if (c < 0x180) return ucs_toupper(c) != c || c == 0x138 || c == 0x149;
    if (c >= 0x3AC && c <= 0x3CE) return true;
    if (c >= 0x430 && c <= 0x45F) return true;
    if (c >= 0x460 && c <= 0x4FF) return ucs_toupper(c) != c;
    return false;
}

bool ucs_istitle(uint32_t c) { return ucs_isupper(c); }

uint32_t ucs_tolower(uint32_t c) {
    if (c < 0x80) return (c >= 'A' && c <= 'Z') ? c + 32 : c;
    if (c < 0x100) return (c >= 0xC0 && c <= 0xDE && c != 0xD7) ? c + 32 : c;
    if (c < 0x180) {
        if (c == 0x130) return 'i';
        if (c == 0x178) return 0xFF;
        if ((c >= 0x100 && c <= 0x137) || (c >= 0x14A && c <= 0x177)) return (c & 1) ? c : c + 1;
        if ((c >= 0x139 && c <= 0x148) || (c >= 0x179 && c <= 0x17E)) return (c & 1) ? c + 1 : c;
        return c;
    }
    if (c >= 0x391 && c <= 0x3AB && c != 0x3A2) return c + 32;
    if (c >= 0x386 && c <= 0x38F) {
        switch (c) {
        case 0x386: return 0x3AC; case 0x388: return 0x3AD; case 0x389: return 0x3AE;
        case 0x38A: return 0x3AF; case 0x38C: return 0x3CC; case 0x38E: return 0x3CD;
        case 0x38F: return 0x3CE;
        }
    }
    if (c >= 0x410 && c <= 0x42F) return c + 32;
    if (c >= 0x400 && c <= 0x40F) return c + 80;
    if (c >= 0x460 && c <= 0x4FF && c != 0x482 && !(c >= 0x483 && c <= 0x489)) return (c & 1) ? c : c + 1;
    return c;
}

uint32_t ucs_toupper(uint32_t c) {
    if (c < 0x80) return (c >= 'a' && c <= 'z') ? c - 32 : c;
    if (c < 0x100) {
        if (c >= 0xE0 && c <= 0xFE && c != 0xF7) return c - 32;
        if (c == 0xFF) return 0x178;
        if (c == 0xB5) return 0x39C;
        return c;
    }
    if (c < 0x180) {
        if (c == 0x131) return 'I';
        if (c == 0x17F) return 'S';
        if ((c >= 0x100 && c <= 0x137) || (c >= 0x14A && c <= 0x177)) return (c & 1) ? c - 1 : c;
        if ((c >= 0x139 && c <= 0x148) || (c >= 0x179 && c <= 0x17E)) return (c & 1) ? c : c - 1;
        return c;
    }
    if (c >= 0x3B1 && c <= 0x3CB) return c == 0x3C2 ? 0x3A3 : c - 32;
    switch (c) {
    case 0x3AC: return 0x386; case 0x3AD: return 0x388; case 0x3AE: return 0x389;
    case 0x3AF: return 0x38A; case 0x3CC: return 0x38C; case 0x3CD: return 0x38E;
    case 0x3CE: return 0x38F;
    }
    if (c >= 0x430 && c <= 0x44F) return c - 32;
    if (c >= 0x450 && c <= 0x45F) return c - 80;
    if (c >= 0x460 && c <= 0x4FF && !(c >= 0x482 && c <= 0x489)) return (c & 1) ? c - 1 : c;
    return c;
}

bool ucs_isalpha(uint32_t c) {
    if (c < 0x80) return (c | 32) >= 'a' && (c | 32) <= 'z';
    if (c < 0x100) return c == 0xAA || c == 0xB5 || c == 0xBA || (c >= 0xC0 && c != 0xD7 && c != 0xF7);
    if (c < 0x250) return true;                       /* Latin Extended-A/B */
    if (c >= 0x250 && c <= 0x2AF) return true;        /* IPA */
    if (c >= 0x370 && c <= 0x3FF) return c != 0x375 && c != 0x37E && c != 0x384 && c != 0x385 && c != 0x387;
    if (c >= 0x400 && c <= 0x52F) return !(c >= 0x482 && c <= 0x489);
    if (c >= 0x5D0 && c <= 0x5EA) return true;        /* Hebrew */
    if (c >= 0x620 && c <= 0x64A) return true;        /* Arabic */
    if (c >= 0x904 && c <= 0x939) return true;        /* Devanagari */
    if (c >= 0x1E00 && c <= 0x1FFF) return true;      /* Latin/Greek extended */
    if (c >= 0x3041 && c <= 0x30FF) return c != 0x30FB && !(c >= 0x3099 && c <= 0x309C) && c != 0x30A0;
    if (c >= 0x3400 && c <= 0x4DBF) return true;
    if (c >= 0x4E00 && c <= 0x9FFF) return true;      /* CJK */
    if (c >= 0xAC00 && c <= 0xD7A3) return true;      /* Hangul */
    if (c >= 0xF900 && c <= 0xFAFF) return true;
    if (c >= 0x20000 && c <= 0x2FFFF) return true;
    return false;
}

bool ucs_isdecimal(uint32_t c) {
    if (c < 0x80) return c >= '0' && c <= '9';
    return (c >= 0x660 && c <= 0x669) || (c >= 0x6F0 && c <= 0x6F9) || (c >= 0x966 && c <= 0x96F) ||
           (c >= 0xFF10 && c <= 0xFF19);
}

bool ucs_isdigit(uint32_t c) {
    return ucs_isdecimal(c) || c == 0xB2 || c == 0xB3 || c == 0xB9 ||
           (c >= 0x2070 && c <= 0x2079 && c != 0x2071 && c != 0x2072 && c != 0x2073) ||
           (c >= 0x2080 && c <= 0x2089) || (c >= 0x2460 && c <= 0x2468) || (c >= 0x2474 && c <= 0x247C) ||
           (c >= 0x2488 && c <= 0x2490);
}

bool ucs_isnumeric(uint32_t c) {
    return ucs_isdigit(c) || c == 0xBC || c == 0xBD || c == 0xBE || (c >= 0x2150 && c <= 0x2189) ||
           (c >= 0x2160 && c <= 0x2188) || (c >= 0x3007 && c == 0x3007) ||
           c == 0x4E00 || c == 0x4E8C || c == 0x4E09 || c == 0x56DB || c == 0x4E94 || c == 0x516D ||
           c == 0x4E03 || c == 0x516B || c == 0x4E5D || c == 0x5341;
}
