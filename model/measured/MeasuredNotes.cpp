// What a measured row's notes say that its columns do not: request lengths, end-to-end throughput, speculative
// decoding. Sources write these in prose; the phrases matched are the ones the shipped rows use.
#include "measured/MeasuredNotes.h"

#include <QRegularExpression>

namespace headroom {

// "input 3200 / output 800", "input 128, output length 128", "ISL 1K / OSL 2K".
std::pair<int, int> requestLengthsInNotes(const QString &notes)
{
    static const QRegularExpression inputOutput(QStringLiteral("input\\s+(\\d+)\\s*[/,]\\s*output(?:\\s+length)?\\s+(\\d+)"),
                                                QRegularExpression::CaseInsensitiveOption);
    static const QRegularExpression islOsl(QStringLiteral("ISL\\s*(\\d+)(K?)\\s*/\\s*OSL\\s*(\\d+)(K?)"),
                                           QRegularExpression::CaseInsensitiveOption);
    if (const QRegularExpressionMatch match = inputOutput.match(notes); match.hasMatch())
        return {match.captured(1).toInt(), match.captured(2).toInt()};
    if (const QRegularExpressionMatch match = islOsl.match(notes); match.hasMatch()) {
        const auto tokens = [&](int number, int kilo) {
            return match.captured(number).toInt() * (match.captured(kilo).isEmpty() ? 1 : 1024);
        };
        return {tokens(1, 2), tokens(3, 4)};
    }
    return {0, 0};
}

std::pair<int, int> promptOnDepthInNotes(const QString &notes)
{
    static const QRegularExpression test(QStringLiteral("\\bpp\\s*(\\d+)\\s*@\\s*d\\s*(\\d+)"),
                                         QRegularExpression::CaseInsensitiveOption);
    if (const QRegularExpressionMatch match = test.match(notes); match.hasMatch())
        return {match.captured(1).toInt(), match.captured(2).toInt()};
    return {0, 0};
}

// Whether the notes describe output tokens over whole requests (prefill included), as serving benchmarks report.
bool notesSayEndToEnd(const QString &notes)
{
    static const QRegularExpression phrase(
        QStringLiteral("output(?:[ _]token)?[ _]throughput|out tok/s|out_tps|throughput\\s*\\(out tok/s\\)"),
        QRegularExpression::CaseInsensitiveOption);
    return phrase.match(notes).hasMatch();
}

bool notesSaySpeculative(const QString &notes)
{
    static const QRegularExpression phrase(QStringLiteral("speculative decoding|\\bMTP\\b(?!\\s*(?:off|disabled))"),
                                           QRegularExpression::CaseInsensitiveOption);
    static const QRegularExpression without(QStringLiteral("\\bno\\s+(?:MTP|speculative)"), QRegularExpression::CaseInsensitiveOption);
    return phrase.match(notes).hasMatch() && !without.match(notes).hasMatch();
}

QString setAsideReasonInNotes(const QString &notes)
{
    static const QRegularExpression marker(QStringLiteral("\\[set aside:\\s*([^\\]]+)\\]"), QRegularExpression::CaseInsensitiveOption);
    return marker.match(notes).captured(1).trimmed();
}

} // namespace headroom
