// The advisor's search (model/advisor/Advisor.h): every shortlisted configuration meets every requirement when
// estimated alone, rankings hold, caps remove exactly what is over them, auto quantization picks the
// highest-bits quantization that qualifies, and rejections name the first requirement failed.
#include "advisor/Advisor.h"
#include "advisor/AdvisorRanking.h"
#include "advisor/ConfigurationPrice.h"
#include "engine/Estimator.h"

#include <QSet>
#include <QTest>

#include <algorithm>

using namespace headroom;

namespace {

AdvisorRequest requestFor(const QString &modelId, const QString &quant, int users)
{
    const Catalog &catalog = embeddedCatalog();
    AdvisorRequest request;
    request.model = *catalog.model(modelId);
    request.requirements.autoQuant = quant == QLatin1String("auto");
    if (!request.requirements.autoQuant)
        request.quant = *catalog.quantization(quant);
    request.workload.users = users;
    request.requirements.limit = 100'000; // everything that qualifies
    return request;
}

bool fits(Fit fit) { return fit == Fit::Fits || fit == Fit::Tight; }

// What the requirements ask, checked from scratch on a fresh estimate.
QString violation(const AdvisorCandidate &candidate, const AdvisorRequest &request)
{
    const AdvisorRequirements &r = request.requirements;
    const Estimate alone = estimate(candidate.input);
    if (!(alone == candidate.estimate))
        return QStringLiteral("estimate differs when re-estimated alone");
    if (!fits(alone.fit))
        return QStringLiteral("does not fit");
    if (alone.maxUsers < request.workload.users)
        return QStringLiteral("too few users");
    if (r.minDecodeTpsPerUser && alone.decodeTpsPerUser < *r.minDecodeTpsPerUser)
        return QStringLiteral("too slow");
    if (r.maxTtftSeconds && alone.ttftSeconds > *r.maxTtftSeconds)
        return QStringLiteral("first token too late");
    if (r.budgetUsd && (!candidate.priceUsd || *candidate.priceUsd > *r.budgetUsd))
        return QStringLiteral("over budget");
    if (r.maxPowerW && (candidate.powerW <= 0 || candidate.powerW > *r.maxPowerW))
        return QStringLiteral("over power");
    if (!r.platforms.isEmpty() && !r.platforms.contains(candidate.platform))
        return QStringLiteral("wrong platform");
    if (candidate.input.quant != candidate.quant || candidate.input.configuration != candidate.configuration)
        return QStringLiteral("input does not match the candidate");
    return {};
}

QString keyOf(const AdvisorCandidate &candidate)
{
    return candidate.label + QLatin1Char('|') + candidate.systemId + QLatin1Char('|') + candidate.quant.name;
}

Device tinyDevice(const QString &id, const QString &vendor, double memoryGB, double bandwidthGBs,
                  std::optional<double> priceUsd, double powerW)
{
    Device device;
    device.id = id;
    device.name = id;
    device.vendor = vendor;
    device.kind = vendor == QLatin1String("apple") ? MemoryKind::Unified : MemoryKind::Discrete;
    device.segment = vendor == QLatin1String("apple") ? Segment::Apple : Segment::Consumer;
    device.memoryOptionsGB = {memoryGB};
    device.bandwidthGBs = bandwidthGBs;
    device.fp16Tflops = 100;
    device.maxCount = 1;
    device.powerW = powerW;
    device.priceUsd = priceUsd;
    if (priceUsd) {
        device.priceDate = QStringLiteral("2025-01");
        device.priceSource = QStringLiteral("https://example.com/price");
    }
    return device;
}

// One device per test case and the 8B model at Q4_K_M (about 5 GB).
Catalog tinyCatalog(const Device &device)
{
    Catalog catalog;
    catalog.addDevice(device);
    catalog.addModel(*embeddedCatalog().model(QStringLiteral("llama-3.1-8b")));
    catalog.addQuantization(*embeddedCatalog().quantization(QStringLiteral("Q4_K_M")));
    return catalog;
}

} // namespace

class TestAdvisor final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void shortlistMeetsEveryRequirement_data()
    {
        QTest::addColumn<AdvisorRequest>("request");
        AdvisorRequest one = requestFor(QStringLiteral("llama-3.3-70b"), QStringLiteral("Q4_K_M"), 1);
        one.requirements.minDecodeTpsPerUser = 20;
        QTest::newRow("70B Q4_K_M, 1 user, 20 t/s") << one;
        AdvisorRequest moe = requestFor(QStringLiteral("qwen3-30b-a3b"), QStringLiteral("auto"), 8);
        moe.requirements.minDecodeTpsPerUser = 30;
        QTest::newRow("30B-A3B auto, 8 users, 30 t/s") << moe;
        AdvisorRequest capped = requestFor(QStringLiteral("llama-3.1-8b"), QStringLiteral("auto"), 4);
        capped.requirements.budgetUsd = 3000;
        capped.requirements.maxPowerW = 600;
        capped.requirements.maxTtftSeconds = 1;
        capped.requirements.platforms = {Platform::Nvidia};
        QTest::newRow("8B auto, budget, power, ttft, nvidia") << capped;
        AdvisorRequest apple = requestFor(QStringLiteral("gemma-3-27b"), QStringLiteral("Q8_0"), 1);
        apple.requirements.platforms = {Platform::Apple};
        apple.requirements.minDecodeTpsPerUser = 5;
        QTest::newRow("27B Q8_0 on Apple") << apple;
    }

    void shortlistMeetsEveryRequirement()
    {
        QFETCH(AdvisorRequest, request);
        const AdvisorResult result = advise(request, embeddedCatalog());
        QVERIFY(!result.shortlist.isEmpty());
        QCOMPARE(result.shortlist.size() + result.rejected.size(), qsizetype(result.considered));
        for (const AdvisorCandidate &candidate : result.shortlist) {
            const QString problem = violation(candidate, request);
            QVERIFY2(problem.isEmpty(), qPrintable(candidate.label + QStringLiteral(": ") + problem));
        }
        QVERIFY(result.reason.startsWith(QString::number(result.shortlist.size()) + QStringLiteral(" of ")
                                         + QString::number(result.considered)));
    }

    void rankingOrder_data()
    {
        QTest::addColumn<RankBy>("rankBy");
        QTest::newRow("price") << RankBy::Price;
        QTest::newRow("speed") << RankBy::Speed;
        QTest::newRow("tps_per_dollar") << RankBy::TpsPerDollar;
        QTest::newRow("tps_per_watt") << RankBy::TpsPerWatt;
    }

    void rankingOrder()
    {
        QFETCH(RankBy, rankBy);
        AdvisorRequest request = requestFor(QStringLiteral("qwen3-32b"), QStringLiteral("Q4_K_M"), 2);
        request.requirements.rankBy = rankBy;
        const AdvisorResult result = advise(request, embeddedCatalog());
        QVERIFY(result.shortlist.size() > 20);
        bool unknownSeen = false;
        for (qsizetype i = 1; i < result.shortlist.size(); ++i) {
            const AdvisorCandidate &previous = result.shortlist.at(i - 1);
            const AdvisorCandidate &current = result.shortlist.at(i);
            const std::optional<double> a = advisor::rankValue(previous, rankBy);
            const std::optional<double> b = advisor::rankValue(current, rankBy);
            unknownSeen = unknownSeen || !a;
            QVERIFY2(!(unknownSeen && b), "a known value after an unknown one");
            if (a && b) {
                if (rankBy == RankBy::Price)
                    QVERIFY2(*a <= *b, qPrintable(previous.label + QStringLiteral(" before ") + current.label));
                else
                    QVERIFY2(*a >= *b, qPrintable(previous.label + QStringLiteral(" before ") + current.label));
            }
        }
        if (rankBy == RankBy::Price)
            QVERIFY(result.shortlist.front().priceUsd.has_value());
    }

    // A price says what it covers: a Mac, a DGX Spark or a priced system is the machine; discrete cards
    // priced one by one get the typical host for that many cards, as its own line, and the reason says so.
    void pricesSayWhatTheyCover_data()
    {
        QTest::addColumn<QString>("device");
        QTest::addColumn<int>("count");
        QTest::addColumn<QString>("system");
        QTest::addColumn<double>("hostUsd"); // 0: no host added
        QTest::newRow("2x RTX 5090 in an unpriced chassis") << "rtx-5090" << 2 << "" << 1314.0;
        QTest::newRow("one RTX 5060 Ti") << "rtx-5060-ti-16" << 1 << "" << 713.0;
        QTest::newRow("DGX Spark, a whole machine") << "dgx-spark" << 1 << "" << 0.0;
        QTest::newRow("Mac Studio M3 Ultra 256 GB") << "m3-ultra" << 1 << "mac-studio-m3-ultra-256" << 0.0;
    }
    void pricesSayWhatTheyCover()
    {
        QFETCH(QString, device);
        QFETCH(int, count);
        QFETCH(QString, system);
        QFETCH(double, hostUsd);
        const AdvisorRequest request = requestFor(QStringLiteral("llama-3.1-8b"), QStringLiteral("Q4_K_M"), 1);
        const AdvisorResult result = advise(request, embeddedCatalog());
        const auto found = std::find_if(result.shortlist.cbegin(), result.shortlist.cend(), [&](const AdvisorCandidate &c) {
            return c.configuration.deviceId == device && c.configuration.count == count
                && (system.isEmpty() || c.systemId == system) && c.priceUsd;
        });
        QVERIFY2(found != result.shortlist.cend(), qPrintable(device));
        QVERIFY(!found->priceCardsOnly);
        QCOMPARE(found->hostUsd.value_or(0), hostUsd);
        const QString cost = explainCost(*found, request.requirements.cost);
        QVERIFY2(cost.contains(QStringLiteral("typical host")) == (hostUsd > 0), qPrintable(cost));
        if (hostUsd > 0) {
            const Device *card = embeddedCatalog().device(device);
            QCOMPARE(*found->priceUsd, *card->priceUsd * count + hostUsd);
        }
        QVERIFY(result.reason.contains(QStringLiteral("priced with a typical host")));
    }

    // Cards with no published host build for their count (five and more) stay marked as cards only.
    void manyCardsStayCardsOnly()
    {
        const Catalog &catalog = embeddedCatalog();
        QVERIFY(catalog.device(QStringLiteral("rtx-5090")));
        const Device card = *catalog.device(QStringLiteral("rtx-5090"));
        QVERIFY(card.priceUsd);
        Configuration eight{card.id, 8, 32, Split::Layer, Runtime::Auto};
        const ConfigurationPrice price = configurationPrice(catalog, card, eight, nullptr);
        QVERIFY(price.cardsOnly);
        QVERIFY(!price.hostUsd);
        QCOMPARE(*price.usd, *card.priceUsd * 8);
        QMap<QString, double> quotes{{QStringLiteral("host-2-4-cards"), 2500}};
        Configuration two{card.id, 2, 32, Split::Layer, Runtime::Auto};
        const ConfigurationPrice quoted = configurationPrice(catalog, card, two, nullptr, quotes);
        QCOMPARE(*quoted.usd, *card.priceUsd * 2 + 2500);
        QCOMPARE(quoted.hostSource, quoteSource());
    }

    void limitKeepsTheTop()
    {
        AdvisorRequest request = requestFor(QStringLiteral("llama-3.1-8b"), QStringLiteral("Q4_K_M"), 1);
        const AdvisorResult all = advise(request, embeddedCatalog());
        request.requirements.limit = 5;
        const AdvisorResult top = advise(request, embeddedCatalog());
        QCOMPARE(top.shortlist.size(), 5);
        QVERIFY(top.shortlist == all.shortlist.mid(0, 5));
        QVERIFY(top.reason.contains(QStringLiteral("the first 5 shown")));
    }

    void capRemovesExactlyWhatIsOver_data()
    {
        QTest::addColumn<bool>("budget");
        QTest::addColumn<double>("cap");
        QTest::newRow("budget $4,000") << true << 4000.0;
        QTest::newRow("budget $2,000") << true << 2000.0;
        QTest::newRow("power 700 W") << false << 700.0;
        QTest::newRow("power 300 W") << false << 300.0;
    }

    void capRemovesExactlyWhatIsOver()
    {
        QFETCH(bool, budget);
        QFETCH(double, cap);
        AdvisorRequest request = requestFor(QStringLiteral("qwen3-30b-a3b"), QStringLiteral("auto"), 2);
        request.requirements.minDecodeTpsPerUser = 15;
        const AdvisorResult uncapped = advise(request, embeddedCatalog());
        if (budget)
            request.requirements.budgetUsd = cap;
        else
            request.requirements.maxPowerW = cap;
        const AdvisorResult capped = advise(request, embeddedCatalog());
        QSet<QString> expected;
        for (const AdvisorCandidate &candidate : uncapped.shortlist) {
            const bool within = budget ? candidate.priceUsd && *candidate.priceUsd <= cap
                                       : candidate.powerW > 0 && candidate.powerW <= cap;
            if (within)
                expected.insert(keyOf(candidate));
        }
        QSet<QString> actual;
        for (const AdvisorCandidate &candidate : capped.shortlist)
            actual.insert(keyOf(candidate));
        QVERIFY(!expected.isEmpty());
        QVERIFY(expected.size() < uncapped.shortlist.size());
        QCOMPARE(actual, expected);
        for (const AdvisorRejection &rejection : capped.rejected) {
            if (rejection.requirement == Requirement::Budget)
                QVERIFY(budget && *rejection.candidate.priceUsd > cap);
            if (rejection.requirement == Requirement::PriceUnknown)
                QVERIFY(budget && !rejection.candidate.priceUsd);
            if (rejection.requirement == Requirement::Power)
                QVERIFY(!budget && (rejection.candidate.powerW <= 0 || rejection.candidate.powerW > cap));
        }
    }

    void autoQuantPicksTheHighestThatQualifies_data()
    {
        QTest::addColumn<QString>("model");
        QTest::addColumn<double>("minTps");
        QTest::newRow("70B at 10 t/s") << QStringLiteral("llama-3.3-70b") << 10.0;
        QTest::newRow("8B at 60 t/s") << QStringLiteral("llama-3.1-8b") << 60.0;
        QTest::newRow("30B-A3B at 40 t/s") << QStringLiteral("qwen3-30b-a3b") << 40.0;
    }

    void autoQuantPicksTheHighestThatQualifies()
    {
        QFETCH(QString, model);
        QFETCH(double, minTps);
        AdvisorRequest request = requestFor(model, QStringLiteral("auto"), 1);
        request.requirements.minDecodeTpsPerUser = minTps;
        const AdvisorResult result = advise(request, embeddedCatalog());
        QVERIFY(!result.shortlist.isEmpty());
        QList<Quantization> quants = embeddedCatalog().quantizations();
        std::stable_sort(quants.begin(), quants.end(),
                         [](const Quantization &a, const Quantization &b) { return a.bitsPerWeight > b.bitsPerWeight; });
        // Formats with CUDA-only kernels are never proposed for a Mac.
        const QStringList cudaOnly{QStringLiteral("FP8"), QStringLiteral("AWQ-INT4"), QStringLiteral("GPTQ-INT4")};
        bool someBelowTop = false;
        bool someApple = false;
        for (const AdvisorCandidate &candidate : result.shortlist) {
            EstimateInput input = candidate.input;
            QString manual;
            const bool apple = candidate.platform == Platform::Apple;
            someApple = someApple || apple;
            if (apple)
                QVERIFY2(!cudaOnly.contains(candidate.quant.name), qPrintable(candidate.label));
            for (const Quantization &quant : quants) {
                if (apple && cudaOnly.contains(quant.name))
                    continue;
                input.quant = quant;
                const Estimate e = estimate(input);
                if (fits(e.fit) && e.maxUsers >= 1 && e.decodeTpsPerUser >= minTps) {
                    manual = quant.name;
                    break;
                }
            }
            QCOMPARE(candidate.quant.name, manual);
            someBelowTop = someBelowTop || candidate.quant.bitsPerWeight < quants.front().bitsPerWeight;
        }
        QVERIFY2(someBelowTop, "the speed requirement never lowered the quantization: the case tests nothing");
        QVERIFY2(someApple, "no Mac qualified: the CUDA-only check tests nothing");
    }

    void rejectionNamesTheFirstRequirement_data()
    {
        QTest::addColumn<Device>("device");
        QTest::addColumn<AdvisorRequirements>("requirements");
        QTest::addColumn<int>("users");
        QTest::addColumn<Requirement>("requirement");
        QTest::addColumn<QString>("reasonPart");

        const Device fast = tinyDevice(QStringLiteral("fast"), QStringLiteral("nvidia"), 48, 1000, 2000, 400);
        AdvisorRequirements none;
        AdvisorRequirements apple;
        apple.platforms = {Platform::Apple};
        QTest::newRow("platform") << fast << apple << 1 << Requirement::Platform << QStringLiteral("platform nvidia");
        QTest::newRow("fit") << tinyDevice(QStringLiteral("small"), QStringLiteral("nvidia"), 2, 1000, 500, 100) << none
                             << 1 << Requirement::Fit << QStringLiteral("GB usable");
        AdvisorRequirements quick;
        quick.minDecodeTpsPerUser = 1000;
        quick.budgetUsd = 10; // also fails, but later in the order
        QTest::newRow("speed before budget") << fast << quick << 1 << Requirement::Speed
                                             << QStringLiteral("t/s per user, needs 1000 (");
        AdvisorRequirements ttft;
        ttft.maxTtftSeconds = 1e-6;
        QTest::newRow("ttft") << fast << ttft << 1 << Requirement::Ttft << QStringLiteral("limit 0 s");
        AdvisorRequirements budget;
        budget.budgetUsd = 1500;
        QTest::newRow("budget") << fast << budget << 1 << Requirement::Budget
                                << QStringLiteral("costs $2,713, budget $1,500 (81% over)");
        QTest::newRow("price unknown")
            << tinyDevice(QStringLiteral("unpriced"), QStringLiteral("nvidia"), 48, 1000, std::nullopt, 400) << budget << 1
            << Requirement::PriceUnknown << QStringLiteral("price unknown, budget $1,500");
        AdvisorRequirements power;
        power.maxPowerW = 300;
        QTest::newRow("power") << fast << power << 1 << Requirement::Power
                               << QStringLiteral("draws 400 W, limit 300 W (33% over)");
        QTest::newRow("power unknown") << tinyDevice(QStringLiteral("unmetered"), QStringLiteral("nvidia"), 48, 1000, 2000, 0)
                                       << power << 1 << Requirement::Power << QStringLiteral("power unknown, limit 300 W");
    }

    void rejectionNamesTheFirstRequirement()
    {
        QFETCH(Device, device);
        QFETCH(AdvisorRequirements, requirements);
        QFETCH(int, users);
        QFETCH(Requirement, requirement);
        QFETCH(QString, reasonPart);
        const Catalog catalog = tinyCatalog(device);
        AdvisorRequest request;
        request.model = catalog.models().front();
        request.quant = catalog.quantizations().front();
        request.workload.users = users;
        request.requirements = requirements;
        const AdvisorResult result = advise(request, catalog);
        QCOMPARE(result.considered, 1);
        QVERIFY(result.shortlist.isEmpty());
        QCOMPARE(result.rejected.size(), 1);
        QCOMPARE(toString(result.rejected.front().requirement), toString(requirement));
        QVERIFY2(result.rejected.front().reason.contains(reasonPart), qPrintable(result.rejected.front().reason));
        QVERIFY2(!result.rejected.front().reason.contains(QLatin1Char('\n')), "a reason is one line");
        // The reason speaks a buyer's words: the requirement with its number, never an internal id.
        const QMap<Requirement, QString> words{
            {Requirement::Fit, QStringLiteral("what binds is memory")},
            {Requirement::Users, QStringLiteral("what binds is room for")},
            {Requirement::Speed, QStringLiteral("what binds is the speed of")},
            {Requirement::Ttft, QStringLiteral("what binds is a first token within")},
            {Requirement::PriceUnknown, QStringLiteral("what binds is a known price")},
            {Requirement::Budget, QStringLiteral("what binds is the budget of $1,500")},
            {Requirement::Power, QStringLiteral("what binds is the power limit of 300 W")},
        };
        QVERIFY2(result.reason.contains(words.value(requirement)), qPrintable(result.reason));
        QVERIFY2(!result.reason.contains(QStringLiteral("price_unknown")), qPrintable(result.reason));
    }

    // Under a budget nothing meets, the reason names the budget and the cheapest that meets the rest, not an
    // unpriced server that is merely fast.
    void budgetReasonNamesTheCheapest()
    {
        AdvisorRequest request = requestFor(QStringLiteral("llama-3.3-70b"), QStringLiteral("Q4_K_M"), 8);
        request.requirements.minDecodeTpsPerUser = 10;
        request.requirements.budgetUsd = 2500;
        const AdvisorResult result = advise(request, embeddedCatalog());
        QVERIFY(result.shortlist.isEmpty());
        double cheapest = 0;
        for (const AdvisorRejection &rejection : result.rejected) {
            if (rejection.requirement == Requirement::Budget && (cheapest == 0 || *rejection.candidate.priceUsd < cheapest))
                cheapest = *rejection.candidate.priceUsd;
        }
        QVERIFY(cheapest > 2500);
        QVERIFY2(result.reason.contains(QStringLiteral("what binds is the budget of $2,500")), qPrintable(result.reason));
        QVERIFY2(result.reason.contains(QStringLiteral("it needs at least $%L1").arg(cheapest, 0, 'f', 0)), qPrintable(result.reason));
    }

    void emptyShortlistNamesTheClosest()
    {
        AdvisorRequest request = requestFor(QStringLiteral("llama-3.3-70b"), QStringLiteral("Q4_K_M"), 1);
        request.requirements.minDecodeTpsPerUser = 100'000;
        const AdvisorResult result = advise(request, embeddedCatalog());
        QVERIFY(result.shortlist.isEmpty());
        double fastest = 0;
        QString fastestLabel;
        for (const AdvisorRejection &rejection : result.rejected) {
            if (fits(rejection.candidate.estimate.fit) && rejection.candidate.estimate.decodeTpsPerUser > fastest) {
                fastest = rejection.candidate.estimate.decodeTpsPerUser;
                fastestLabel = rejection.candidate.label;
            }
        }
        QVERIFY2(result.reason.contains(QStringLiteral("what binds is the speed of 100,000.0 t/s per user")) ||
                 result.reason.contains(QStringLiteral("what binds is the speed of 100,000 t/s per user")),
                 qPrintable(result.reason));
        QVERIFY2(result.reason.contains(QStringLiteral("the fastest that fits reaches ")) && result.reason.contains(fastestLabel),
                 qPrintable(result.reason));
    }

    void systemsMergeWithTheirConfiguration()
    {
        Device card = tinyDevice(QStringLiteral("card"), QStringLiteral("nvidia"), 24, 900, 1000, 300);
        card.maxCount = 2;
        Catalog catalog = tinyCatalog(card);
        NamedSystem box;
        box.id = QStringLiteral("box");
        box.name = QStringLiteral("Box with 2 cards");
        box.configuration = Configuration{card.id, 2, 24, Split::Tensor, Runtime::Auto};
        box.maxCards = 2;
        box.priceUsd = 4500;
        box.priceSource = QStringLiteral("https://example.com/box");
        box.powerW = 900;
        catalog.addSystem(box);
        AdvisorRequest request;
        request.model = catalog.models().front();
        request.quant = catalog.quantizations().front();
        const AdvisorResult result = advise(request, catalog);
        QCOMPARE(result.considered, 3); // 1 card, 2 cards layer, 2 cards tensor = the box
        QCOMPARE(result.shortlist.size(), 3);
        const auto boxEntry = std::find_if(result.shortlist.cbegin(), result.shortlist.cend(),
                                           [](const AdvisorCandidate &c) { return c.systemId == QLatin1String("box"); });
        QVERIFY(boxEntry != result.shortlist.cend());
        QVERIFY(boxEntry->configuration.split == Split::Tensor);
        QCOMPARE(*boxEntry->priceUsd, 4500.0);
        QCOMPARE(boxEntry->powerW, 900.0);
        QCOMPARE(boxEntry->label, box.name);
        const auto layer = std::find_if(result.shortlist.cbegin(), result.shortlist.cend(),
                                        [](const AdvisorCandidate &c) { return c.configuration.split == Split::Layer; });
        QVERIFY(layer != result.shortlist.cend());
        QCOMPARE(*layer->priceUsd, 2000.0 + 1314.0); // two cards and the typical host for two to four
        QCOMPARE(layer->hostUsd.value_or(0), 1314.0);
        QCOMPARE(layer->powerW, 600.0);
        QCOMPARE(result.shortlist.front().configuration.count, 1); // cheapest first
    }

    void platformsAndStrings_data()
    {
        QTest::addColumn<QString>("deviceId");
        QTest::addColumn<Platform>("platform");
        QTest::newRow("apple") << QStringLiteral("m3-ultra") << Platform::Apple;
        QTest::newRow("nvidia") << QStringLiteral("rtx-5090") << Platform::Nvidia;
        QTest::newRow("amd") << QStringLiteral("ryzen-ai-max-395") << Platform::Other;
    }

    // A customer's quote replaces the list price: for a named system the whole price, for a card
    // the price of each card; it makes a system without a public price eligible under a budget.
    void quotesReplaceListPrices()
    {
        const Catalog &catalog = embeddedCatalog();
        AdvisorRequest request = requestFor(QStringLiteral("llama-3.1-405b"), QStringLiteral("auto"), 1);
        request.requirements.budgetUsd = 15000;
        const AdvisorResult listed = advise(request, catalog);
        const auto find = [](const QList<AdvisorCandidate> &list, const QString &systemId) {
            return std::find_if(list.cbegin(), list.cend(),
                                [&](const AdvisorCandidate &c) { return c.systemId == systemId; });
        };
        const QString box = QStringLiteral("bizon-zx5500"); // sold through a configurator: no public price
        QVERIFY(catalog.system(box) && !catalog.system(box)->priceUsd);
        QVERIFY(find(listed.shortlist, box) == listed.shortlist.cend());
        // A Mac with a list price qualifies without a quote, and never gets a CUDA-only format.
        const auto mac = find(listed.shortlist, QStringLiteral("mac-studio-m3-ultra-512"));
        QVERIFY2(mac != listed.shortlist.cend(), qPrintable(listed.reason));
        QCOMPARE(*mac->priceUsd, 9499.0);
        QVERIFY(mac->quant.name != QStringLiteral("FP8"));

        request.requirements.quotesUsd = {{box, 14000}, {QStringLiteral("rtx-5090"), 1500}};
        const AdvisorResult quoted = advise(request, catalog);
        const auto pick = find(quoted.shortlist, box);
        QVERIFY2(pick != quoted.shortlist.cend(), qPrintable(quoted.reason));
        QCOMPARE(*pick->priceUsd, 14000.0);
        QCOMPARE(pick->priceSource, QStringLiteral("your quote"));
        QVERIFY(explainCost(*pick, request.requirements.cost).contains(QStringLiteral("your quote")));

        request.requirements.budgetUsd.reset();
        request.requirements.limit = 100'000;
        for (const AdvisorCandidate &candidate : advise(request, catalog).shortlist) {
            if (candidate.configuration.deviceId == QStringLiteral("rtx-5090") && candidate.systemId.isEmpty()) {
                QCOMPARE(*candidate.priceUsd, 1500.0 * candidate.configuration.count);
                QCOMPARE(candidate.priceSource, QStringLiteral("your quote"));
            }
        }
    }

    // Every quoted system that runs is reported, also when the limit cuts it or a requirement leaves it
    // out, so the Value tab can show what the user quoted.
    // A model no single box runs fast enough: the advisor looks at clusters of Macs (exo over Thunderbolt 5
    // RDMA), priced as the Macs plus one cable per pair, and never at more Macs than a Thunderbolt mesh joins.
    void clustersAreConsidered()
    {
        const Catalog &catalog = embeddedCatalog();
        AdvisorRequest request = requestFor(QStringLiteral("deepseek-r1-671b"), QStringLiteral("Q4_K_M"), 4);
        request.requirements.minDecodeTpsPerUser = 15;
        request.requirements.limit = 50;
        const AdvisorResult result = advise(request, catalog);
        const AdvisorCandidate *macs = nullptr;
        for (const AdvisorCandidate &candidate : result.shortlist) {
            QVERIFY(candidate.estimate.decodeTpsPerUser >= 15);
            if (candidate.configuration.nodes == 4 && candidate.systemId == QLatin1String("mac-studio-m3-ultra-256"))
                macs = &candidate;
        }
        QVERIFY(macs);
        QCOMPARE(macs->label, QStringLiteral("4\u00d7 Mac Studio M3 Ultra 256 GB (TB5 RDMA)"));
        QCOMPARE(toString(macs->estimate.terms.runtime), QStringLiteral("exo"));
        QCOMPARE(toString(macs->estimate.terms.nodeSplit), QStringLiteral("tensor"));
        const NamedSystem *mac = catalog.system(QStringLiteral("mac-studio-m3-ultra-256"));
        const ClusterLink *tb5 = catalog.link(QStringLiteral("tb5-rdma"));
        QVERIFY(mac && mac->priceUsd && tb5 && tb5->cablePriceUsd);
        QCOMPARE(*macs->linkUsd, 6 * *tb5->cablePriceUsd); // a mesh of four: six cables
        QCOMPARE(*macs->priceUsd, 4 * *mac->priceUsd + 6 * *tb5->cablePriceUsd);
        QCOMPARE(macs->powerW, 4 * mac->powerW);
        const auto eightMacs = [](const AdvisorCandidate &candidate) {
            return candidate.configuration.nodes == 8 && candidate.input.link.id == QLatin1String("tb5-rdma");
        };
        QVERIFY(std::none_of(result.shortlist.cbegin(), result.shortlist.cend(), eightMacs));
        QVERIFY(std::none_of(result.rejected.cbegin(), result.rejected.cend(),
                             [&](const AdvisorRejection &r) { return eightMacs(r.candidate); }));
    }

    void quotedSystemsAreAlwaysReported()
    {
        const Catalog &catalog = embeddedCatalog();
        AdvisorRequest request = requestFor(QStringLiteral("llama-3.3-70b"), QStringLiteral("Q4_K_M"), 8);
        request.requirements.minDecodeTpsPerUser = 10;
        request.requirements.limit = 1;
        const QString slowMac = QStringLiteral("mac-studio-m3-ultra-256");
        const QString workstation = QStringLiteral("workstation-2x-rtx-pro-6000");
        const QString tooSmall = QStringLiteral("mac-mini-m4-16"); // 16 GB: the model does not fit
        request.requirements.quotesUsd = {{slowMac, 7000}, {workstation, 21000}, {tooSmall, 550}};
        const AdvisorResult result = advise(request, catalog);
        QStringList quotedIds;
        for (const AdvisorCandidate &candidate : result.quoted) {
            QCOMPARE(candidate.priceSource, QStringLiteral("your quote"));
            QVERIFY(candidate.estimate.runs());
            quotedIds << candidate.systemId;
        }
        QVERIFY2(quotedIds.contains(slowMac), qPrintable(quotedIds.join(QLatin1Char(','))));
        QVERIFY2(quotedIds.contains(workstation), qPrintable(quotedIds.join(QLatin1Char(','))));
        QVERIFY(!quotedIds.contains(tooSmall));
        QCOMPARE(result.shortlist.size(), 1);
        QVERIFY(result.shortlist.constFirst().systemId != workstation); // cheaper ones rank first: cut by the limit
        request.requirements.quotesUsd.clear();
        QVERIFY(advise(request, catalog).quoted.isEmpty());
    }

    void platformsAndStrings()
    {
        QFETCH(QString, deviceId);
        QFETCH(Platform, platform);
        QCOMPARE(toString(platformOf(*embeddedCatalog().device(deviceId))), toString(platform));
        QVERIFY(platformFromString(toString(platform)) == platform);
        for (RankBy rankBy : {RankBy::Price, RankBy::Speed, RankBy::TpsPerDollar, RankBy::TpsPerWatt})
            QVERIFY(rankByFromString(toString(rankBy)) == rankBy);
        QVERIFY(!platformFromString(QStringLiteral("amiga")));
        QVERIFY(!rankByFromString(QStringLiteral("color")));
        QCOMPARE(toString(Requirement::PriceUnknown), QStringLiteral("price_unknown"));
    }
};

QTEST_GUILESS_MAIN(TestAdvisor)
#include "tst_advisor.moc"
