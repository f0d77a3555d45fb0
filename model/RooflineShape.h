#pragma once

#include "LanguageModel.h"

namespace headroom::roofline {

// Architecture numbers the roofline needs, with the documented Llama-like estimate
// (RooflineConstants.h) filling whatever the catalog leaves at 0.
struct ModelShape {
    int layers = 0;
    int hidden = 0;
    int attentionHeads = 0;
    int kvHeads = 0;
    int headDim = 0;
};

ModelShape resolvedShape(const LanguageModel &model);

// Parameters (billions) always read per token and the size of one routed expert (billions).
// Dense models: shared = active params, perExpert = 0.
struct ExpertSplit {
    double sharedParamsB = 0;
    double perExpertParamsB = 0;
};

ExpertSplit expertSplit(const LanguageModel &model);

// Share of a layer's routed experts touched by `users` sequences decoding together:
// 1 - (1 - k/E)^users; 1 for dense models.
double expertCoverage(const LanguageModel &model, int users);

// Parameters (billions) whose weights one decode step reads for `users` sequences.
double paramsReadPerStepB(const LanguageModel &model, int users);

} // namespace headroom::roofline
