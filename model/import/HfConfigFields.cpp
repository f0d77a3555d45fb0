// The architecture a config.json names, and counting per-layer list entries.
#include "import/HfConfigFields.h"

#include <algorithm>

namespace headroom::hfconfig {

int countEntries(const Json &list, const char *value)
{
    return int(std::count_if(list.begin(), list.end(), [value](const Json &item) { return item.is_string() && item.get<std::string>() == value; }));
}

Architecture architectureOf(const ConfigFields &fields, const Json &root)
{
    Architecture architecture;
    architecture.modelType = fields.text("model_type");
    architecture.defaults = hfconfig::findArchitecture(architecture.modelType);
    QString className;
    if (const auto classes = root.find("architectures"); classes != root.end() && classes->is_array() && !classes->empty()
        && classes->front().is_string())
        className = QString::fromStdString(classes->front().get<std::string>());
    const QString type = QString::fromStdString(architecture.modelType);
    architecture.label = className.isEmpty() ? type : type.isEmpty() ? className : className + QStringLiteral(" (") + type + QLatin1Char(')');
    if (architecture.label.isEmpty())
        architecture.label = QStringLiteral("not named");
    return architecture;
}


} // namespace headroom::hfconfig
