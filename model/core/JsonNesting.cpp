#include "core/JsonNesting.h"

namespace headroom {

qsizetype jsonNestingExceededAt(const QByteArray &bytes, int maxDepth)
{
    int depth = 0;
    bool inString = false;
    bool escaped = false;
    for (qsizetype i = 0; i < bytes.size(); ++i) {
        const char c = bytes.at(i);
        if (inString) {
            if (escaped)
                escaped = false;
            else if (c == '\\')
                escaped = true;
            else if (c == '"')
                inString = false;
        } else if (c == '"') {
            inString = true;
        } else if (c == '[' || c == '{') {
            if (++depth > maxDepth)
                return i;
        } else if (c == ']' || c == '}') {
            --depth;
        }
    }
    return -1;
}

QString jsonErrorReason(const char *what)
{
    QString reason = QString::fromUtf8(what);
    if (reason.startsWith(QLatin1String("[json.exception.")))
        reason = reason.mid(reason.indexOf(QLatin1String("] ")) + 2);
    if (reason.startsWith(QLatin1String("parse error at ")))
        reason = reason.mid(int(qstrlen("parse error at ")));
    return printableJsonText(reason.toStdString());
}

QString printableJsonText(const std::string &text)
{
    QString result = QString::fromUtf8(text.data(), qsizetype(text.size()));
    for (QChar &c : result) {
        if (!c.isPrint() || c == QChar::ReplacementCharacter)
            c = QLatin1Char('?');
    }
    return result;
}

} // namespace headroom
