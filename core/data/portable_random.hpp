// A pseudo-random generator and shuffle that give the same numbers with every compiler and standard
// library. std::shuffle and std::uniform_int_distribution are implementation-defined, so a split
// or a sampling order made with them on one machine would differ on another.
#pragma once

#include <cstdint>
#include <numeric>
#include <vector>

namespace wb {

// SplitMix64 (Steele, Lea & Flood 2014): tiny, fast, and every 64-bit seed gives a good stream.
class SplitMix64 {
 public:
  explicit SplitMix64(std::uint64_t seed) : state_(seed) {}
  std::uint64_t next() {
    std::uint64_t z = (state_ += 0x9E3779B97F4A7C15ULL);
    z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ULL;
    z = (z ^ (z >> 27)) * 0x94D049BB133111EBULL;
    return z ^ (z >> 31);
  }
  // Uniform in [0, n) for n > 0, by rejection so that no value is favoured.
  std::uint64_t below(std::uint64_t n) {
    const std::uint64_t limit = UINT64_MAX - UINT64_MAX % n;  // a multiple of n
    std::uint64_t x;
    do x = next(); while (x >= limit);
    return x % n;
  }

 private:
  std::uint64_t state_;
};

// Combines a seed with a stream number (an epoch, a purpose) into an independent seed.
inline std::uint64_t mix_seed(std::uint64_t seed, std::uint64_t stream) {
  SplitMix64 a(seed);
  SplitMix64 b(a.next() ^ (stream * 0xD1B54A32D192ED03ULL + 0x8CB92BA72F3D8DD7ULL));
  return b.next();
}

// Fisher-Yates shuffle of 0..n-1 with our own generator.
inline std::vector<std::int64_t> shuffled_indices(std::int64_t n, std::uint64_t seed) {
  std::vector<std::int64_t> order(static_cast<std::size_t>(n));
  std::iota(order.begin(), order.end(), std::int64_t{0});
  SplitMix64 rng(seed);
  for (std::int64_t i = n - 1; i > 0; --i) {
    const auto j = static_cast<std::int64_t>(rng.below(static_cast<std::uint64_t>(i) + 1));
    std::swap(order[static_cast<std::size_t>(i)], order[static_cast<std::size_t>(j)]);
  }
  return order;
}

}  // namespace wb
