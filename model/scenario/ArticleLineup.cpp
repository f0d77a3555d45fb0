// The seed article's lineup and its printed table (../shared/seed/mac-vs-nvidia-local-llm.txt).
#include "scenario/ArticleLineup.h"
#include "scenario/Scenario.h"

#include <array>

namespace headroom {
namespace {

constexpr int kRows = 7;
constexpr int kColumns = 7;
constexpr int kDoesNotFit = -1;
constexpr int kSingleCardMark = 1000; // added to a cell the article marks **
constexpr int kTightMark = 2000;      // added to a cell the article marks *

// The article's table, row by row; DNF = "Does not fit".
constexpr int DNF = kDoesNotFit;
constexpr std::array<std::array<int, kColumns>, kRows> kCells{{
    {36, 72, 109, 238, 238 + kSingleCardMark, 238, 238 + kSingleCardMark},
    {11, 22, 32, 71, 141, 71, 141},
    {10, 19, 29, 63, 125, 63, 125},
    {4 + kTightMark, 8, 13, DNF, 55, 27, 55},
    {DNF, DNF, 4, DNF, DNF, DNF, 16},
    {DNF, DNF, 2, DNF, DNF, DNF, DNF},
    {DNF, DNF, DNF, DNF, DNF, DNF, DNF},
}};

Configuration configuration(const char *deviceId, int count, double memoryGB)
{
    Configuration result;
    result.deviceId = QString::fromLatin1(deviceId);
    result.count = count;
    result.memoryGB = memoryGB;
    return result;
}

} // namespace

QString articleQuantName()
{
    return QStringLiteral("Q4_K_M");
}

QList<ArticleColumn> articleColumns()
{
    return {
        {QStringLiteral("M4 Pro Mac mini"), QStringLiteral("273 GB/s"), configuration("m4-pro", 1, 64)},
        {QStringLiteral("M4 Max"), QStringLiteral("546 GB/s"), configuration("m4-max-40c", 1, 128)},
        {QStringLiteral("M3 Ultra"), QStringLiteral("819 GB/s"), configuration("m3-ultra", 1, 256)},
        {QStringLiteral("Single RTX 5090"), QStringLiteral("1,792 GB/s"), configuration("rtx-5090", 1, 32)},
        {QStringLiteral("2x RTX 5090"), QStringLiteral("3,584 GB/s"), configuration("rtx-5090", 2, 32)},
        {QStringLiteral("Single RTX PRO 6000"), QStringLiteral("1,792 GB/s"), configuration("rtx-pro-6000", 1, 96)},
        {QStringLiteral("2x RTX PRO 6000"), QStringLiteral("3,584 GB/s"), configuration("rtx-pro-6000", 2, 96)},
    };
}

QList<ArticleRow> articleRows()
{
    return {
        {QStringLiteral("Llama 3.1 8B"), QStringLiteral("llama-3.1-8b"), QStringLiteral("~4.9 GB"), 4.9},
        {QStringLiteral("Gemma 3 27B"), QStringLiteral("gemma-3-27b"), QStringLiteral("~16.5 GB"), 16.5},
        {QStringLiteral("Qwen3 30B-A3B (MoE)"), QStringLiteral("qwen3-30b-a3b"), QStringLiteral("~18.6 GB"), 18.6},
        {QStringLiteral("Llama 3.3 70B"), QStringLiteral("llama-3.3-70b"), QStringLiteral("~42.5 GB"), 42.5},
        {QStringLiteral("Qwen3 235B-A22B (MoE)"), QStringLiteral("qwen3-235b-a22b"), QStringLiteral("~142 GB"), 142},
        {QStringLiteral("Llama 3.1 405B"), QStringLiteral("llama-3.1-405b"), QStringLiteral("~245 GB"), 245},
        {QStringLiteral("DeepSeek R1 671B (MoE)"), QStringLiteral("deepseek-r1-671b"), QStringLiteral("~404 GB"), 404},
    };
}

ArticleCell articleCell(int row, int column)
{
    if (row < 0 || row >= kRows || column < 0 || column >= kColumns)
        return {};
    int value = kCells[row][column];
    if (value == kDoesNotFit)
        return {};
    ArticleCell cell;
    cell.fits = true;
    if (value >= kTightMark) {
        cell.tight = true;
        value -= kTightMark;
    } else if (value >= kSingleCardMark) {
        cell.singleCard = true;
        value -= kSingleCardMark;
    }
    cell.tokensPerSecond = value;
    return cell;
}

QList<ScenarioConfiguration> articleLineupConfigurations()
{
    QList<ScenarioConfiguration> configurations;
    for (const ArticleColumn &column : articleColumns())
        configurations << ScenarioConfiguration{column.configuration, true, column.title, QString()};
    return configurations;
}

Scenario articleLineupScenario()
{
    Scenario scenario;
    scenario.configurations = articleLineupConfigurations();
    scenario.modelId = QStringLiteral("llama-3.3-70b");
    scenario.quantName = articleQuantName();
    scenario.workload = Workload{};
    scenario.workload.users = 1;
    scenario.workload.contextTokens = 4096;
    scenario.method = Method::Roofline;
    return scenario;
}

} // namespace headroom
