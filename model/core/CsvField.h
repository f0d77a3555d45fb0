#pragma once

#include <QString>

namespace headroom {

// `text` as one field of a CSV line (RFC 4180): as is, or quoted with its quotes doubled when it holds
// a comma, a quote or a line break.
QString csvField(const QString &text);

} // namespace headroom
