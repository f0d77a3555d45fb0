// The validation report of the shipped data, computed once per process.
#include "ShippedValidation.h"

#include "Catalog.h"
#include "MeasuredData.h"

namespace headroom {

const ValidationReport &shippedValidationReport()
{
    static const ValidationReport report = validate(embeddedMeasuredRows(), embeddedCatalog());
    return report;
}

} // namespace headroom
