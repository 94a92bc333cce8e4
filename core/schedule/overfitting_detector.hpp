// Detects the onset of overfitting in a run's evaluation history, robustly to evaluation noise,
// and reports where it began (step, tokens, epoch), the best validation point and the
// generalization gap. Pure functions of the history, tested on synthetic curves.
//
// The method, in order:
// 1. Smooth the validation loss causally: a trailing median of 3 removes isolated spikes (one bad
//    evaluation), then a debiased exponential moving average (weight `smoothing` on the history,
//    as Adam debiases its moments) averages the remaining noise. Causal, so the decision at an
//    evaluation never depends on later ones: appending evaluations never revokes an onset.
// 2. Estimate the evaluation noise from the data: the robust spread (1.4826 x median absolute
//    value) of the relative third differences of the raw losses, divided by sqrt(20). Third
//    differences cancel any quadratic trend, so the curvature of a U-shaped curve does not count
//    as noise; the median ignores the few differences a spike touches.
// 3. A rise is confirmed at evaluation i when, for `patience` evaluations in a row, the smoothed
//    loss exceeds its best so far by more than
//        max(min_rise, noise_z * noise * sqrt(1/n_i + 1/n_best)),
//    n being the number of evaluations each smoothed value effectively averages. The noise term
//    is a z-test between the two smoothed values; noise_z is high (5) because the best is the
//    minimum of many noisy values and every evaluation is another chance of a false alarm.
//    Without it a 1% threshold fires on a good share of plateaus with +-1% noise; with it, on
//    fewer than 1 in 200 runs of 200 evaluations (1000 simulated runs each with uniform +-1%,
//    Gaussian 0.5% and 1% noise). No rise is confirmed before evaluation kMinEvaluationsForOnset
//    (the noise estimate needs a few differences).
// 4. The onset is the point after which the smoothed loss rises for good: the last evaluation, up
//    to the confirming one, whose smoothed loss is still within two standard errors
//    (2 x noise / sqrt(n), n = (1 + smoothing) / (1 - smoothing)) of the best smoothed loss. On a clean U that is the minimum; on a noisy
//    plateau followed by a rise it is the end of the plateau, not whichever plateau point the noise
//    made lowest. Here the curve is smoothed in both directions (median of 3 centred, EMA forwards
//    and backwards, averaged) so the causal filter's lag does not shift the onset late.
#pragma once

#include <cstddef>
#include <cstdint>
#include <limits>
#include <span>
#include <vector>

namespace wb {

// One evaluation of a run.
struct EvalPoint {
  std::int64_t step = 0;    // optimizer steps done
  std::int64_t tokens = 0;  // training tokens seen
  double epoch = 0.0;       // tokens / unique tokens, e.g. 2.5
  double train_loss = 0.0;
  double val_loss = 0.0;    // positive and finite (cross-entropy)
};

struct OnsetCriteria {
  double smoothing = 0.7;  // EMA weight of the history, in [0, 1); 0: only the median of 3
  double min_rise = 0.01;  // smallest relative rise of the smoothed loss over its best that counts
  int patience = 2;        // consecutive evaluations the rise must hold, >= 1
  double noise_z = 5.0;    // the rise must also exceed this many standard errors of the noise; 0: off
};

// The earliest evaluation (1-based count) at which a rise can be confirmed.
inline constexpr std::size_t kMinEvaluationsForOnset = 6;
// Fewer evaluations than this, and "no onset" says little: a rise must also start after the best
// and hold for the default patience. Views say "too few evaluations" instead.
inline constexpr std::size_t kEvaluationsToDetectOnset =
    kMinEvaluationsForOnset + static_cast<std::size_t>(OnsetCriteria{}.patience);

struct OnsetReport {
  static constexpr double kNaN = std::numeric_limits<double>::quiet_NaN();
  bool found = false;                // a rise was confirmed
  // The lowest raw validation loss of the whole history (filled even when nothing was found).
  std::size_t best_index = 0;
  double best_val_loss = kNaN;       // NaN only for an empty history
  double gap_at_best = kNaN;         // val_loss - train_loss at best_index
  double generalization_gap = kNaN;  // val_loss - train_loss at the last evaluation
  // Only when found: the onset (the point after which the smoothed loss rises for good, step 4
  // above; 0 otherwise) and the run's progress there.
  std::size_t onset_index = 0;
  std::int64_t onset_step = 0;
  std::int64_t onset_tokens = 0;
  double onset_epoch = 0.0;
  std::size_t confirmed_index = 0;   // the evaluation at which the rise was confirmed
};

// Throws SpecError when a criterion is out of range.
OnsetReport detect_overfitting(std::span<const EvalPoint> history, OnsetCriteria criteria = {});

// The building blocks, for drawing the curves the detector sees and for tests.
// Causal smoothing (step 1): trailing median of 3, then the debiased EMA.
std::vector<double> smoothed_losses(std::span<const double> losses, double smoothing);
// Two-way smoothing (step 4): centred median of 3, then the mean of a forward and a backward EMA.
std::vector<double> two_way_smoothed_losses(std::span<const double> losses, double smoothing);
// Relative noise of the losses (step 2), e.g. 0.005 for +-0.5% Gaussian noise; 0 below 4 losses.
double relative_noise(std::span<const double> losses);

}  // namespace wb
