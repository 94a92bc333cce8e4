// Placeholder until the fit lands (same commit series).
#include "scaling/law_fit.hpp"
