#pragma once

// Hand-made advisor candidates for the tests of the views of an AdvisorResult (shortlist model,
// value chart): a catalog device x count running Llama 3.3 70B Q4_K_M, estimated for real.

#include "advisor/Advisor.h"
#include "catalog/Catalog.h"
#include "engine/Estimator.h"

#include <optional>

namespace headroom::testing {

inline AdvisorCandidate advisorCandidate(const QString &deviceId, int count, std::optional<double> priceUsd,
                                         double powerW, const CostAssumptions &assumptions = {})
{
    const Catalog &catalog = embeddedCatalog();
    AdvisorCandidate c;
    c.input.device = *catalog.device(deviceId);
    c.input.configuration = Configuration{deviceId, count, c.input.device.largestMemoryGB()};
    c.input.model = *catalog.model(QStringLiteral("llama-3.3-70b"));
    c.input.quant = *catalog.quantization(QStringLiteral("Q4_K_M"));
    c.configuration = c.input.configuration;
    c.quant = c.input.quant;
    c.label = (count > 1 ? QString::number(count) + QStringLiteral("x ") : QString()) + c.input.device.name;
    c.platform = platformOf(c.input.device);
    c.priceUsd = priceUsd;
    c.priceSource = priceUsd ? QStringLiteral("https://example.invalid/list-price") : QString();
    c.powerW = powerW;
    c.estimate = estimate(c.input);
    c.cost = costPerToken(priceUsd, powerW, c.estimate.outputTpsTotal, assumptions);
    return c;
}

} // namespace headroom::testing
