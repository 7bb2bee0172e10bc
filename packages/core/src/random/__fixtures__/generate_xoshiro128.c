/* Golden sequences for core/src/random: the authors' reference xoshiro128** 1.1 and splitmix64
 * (https://prng.di.unimi.it/xoshiro128starstar.c, splitmix64.c), state seeded exactly as
 * Xoshiro128StarStar.fromKey does. Build and run:
 *   gcc -O2 -o /tmp/gen generate_xoshiro128.c && /tmp/gen > xoshiro128-golden.json */
#include <stdint.h>
#include <stdio.h>

static uint64_t sm_state;
static uint64_t splitmix64(void) {
  uint64_t z = (sm_state += 0x9e3779b97f4a7c15ULL);
  z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ULL;
  z = (z ^ (z >> 27)) * 0x94d049bb133111ebULL;
  return z ^ (z >> 31);
}
static inline uint32_t rotl(const uint32_t x, int k) { return (x << k) | (x >> (32 - k)); }
static uint32_t s[4];
static uint32_t next(void) {
  const uint32_t result = rotl(s[1] * 5, 7) * 9;
  const uint32_t t = s[1] << 9;
  s[2] ^= s[0]; s[3] ^= s[1]; s[1] ^= s[2]; s[0] ^= s[3]; s[2] ^= t; s[3] = rotl(s[3], 11);
  return result;
}

int main(void) {
  const uint64_t keys[] = {0ULL, 1ULL, 0x0123456789abcdefULL};
  printf("{\n  \"generator\": \"generate_xoshiro128.c (reference xoshiro128** 1.1, splitmix64)\",\n  \"cases\": [\n");
  for (int k = 0; k < 3; k++) {
    sm_state = keys[k];
    uint64_t a = splitmix64(), b = splitmix64();
    s[0] = (uint32_t)a; s[1] = (uint32_t)(a >> 32); s[2] = (uint32_t)b; s[3] = (uint32_t)(b >> 32);
    printf("    { \"key\": \"%016llx\", \"outputs\": [", (unsigned long long)keys[k]);
    for (int i = 0; i < 12; i++) printf("%s%u", i ? ", " : "", next());
    /* skip ahead so the test also checks a late part of the sequence */
    for (int i = 12; i < 100000; i++) next();
    printf("], \"output100000\": %u }%s\n", next(), k < 2 ? "," : "");
  }
  printf("  ]\n}\n");
  return 0;
}
