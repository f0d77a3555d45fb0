// The validation report of the shipped data, computed once per process.
#include "measured/ShippedValidation.h"

#include "catalog/Catalog.h"
#include "measured/MeasuredData.h"

namespace headroom {

const ValidationReport &shippedValidationReport()
{
    static const ValidationReport report = validate(embeddedMeasuredRows(), embeddedCatalog());
    return report;
}

const QString &shippedMeasurementsOrigin()
{
    static const QString origin = QStringLiteral("shipped measurements");
    return origin;
}

} // namespace headroom
