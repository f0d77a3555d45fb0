#include "core/ConfigurationLabels.h"

#include <QRegularExpression>

namespace headroom {

QStringList compactConfigurationLabels(const QStringList &labels)
{
    static const QRegularExpression vendorWords(QStringLiteral("\\b(Apple|NVIDIA|GeForce|AMD|Intel) "));
    static const QRegularExpression coreCount(QStringLiteral(" \\(\\d+-core GPU\\)"));
    QStringList compact;
    for (const QString &label : labels)
        compact.append(QString(label).remove(vendorWords).remove(coreCount).simplified());
    for (int i = 0; i < compact.size(); ++i) {
        if (compact.count(compact.at(i)) > 1) {
            const QString shared = compact.at(i);
            for (int j = 0; j < compact.size(); ++j) {
                if (compact.at(j) == shared)
                    compact[j] = labels.at(j);
            }
        }
    }
    return compact;
}

} // namespace headroom
