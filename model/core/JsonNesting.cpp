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

QString jsonExceptionText(const char *what)
{
    std::string text = what;
    if (const auto close = text.find("] "); text.rfind("[json.exception.", 0) == 0 && close != std::string::npos)
        text.erase(0, close + 2);
    return printableJsonText(text);
}

QString jsonErrorReason(const char *what)
{
    QString reason = jsonExceptionText(what);
    if (reason.startsWith(QLatin1String("parse error at ")))
        reason = reason.mid(int(qstrlen("parse error at ")));
    return reason;
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
