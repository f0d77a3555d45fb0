// Tensor parallelism only where engines accept the split, and an advisor that never offers another.
#include "advisor/Advisor.h"
#include "catalog/Catalog.h"
#include "engine/TensorParallel.h"

#include <QTest>

using namespace headroom;

namespace {

LanguageModel heads(int attention, int kv)
{
    LanguageModel model;
    model.name = QStringLiteral("M");
    model.attentionHeads = attention;
    model.kvHeads = kv;
    return model;
}

} // namespace

class TestTensorParallel final : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void refusal_data()
    {
        QTest::addColumn<int>("attentionHeads");
        QTest::addColumn<int>("kvHeads");
        QTest::addColumn<int>("cards");
        QTest::addColumn<QString>("refusal");
        QTest::newRow("one card") << 64 << 8 << 1 << "";
        QTest::newRow("Llama 70B on 2") << 64 << 8 << 2 << "";
        QTest::newRow("Llama 70B on 8") << 64 << 8 << 8 << "";
        QTest::newRow("Llama 70B on 3") << 64 << 8 << 3
                                        << "tensor parallel over 3 cards does not divide M's 64 attention heads";
        QTest::newRow("Llama 70B on 6") << 64 << 8 << 6
                                        << "tensor parallel over 6 cards does not divide M's 64 attention heads";
        QTest::newRow("KV heads replicated") << 64 << 4 << 8 << "";
        QTest::newRow("KV heads indivisible") << 48 << 8 << 12
                                              << "tensor parallel over 12 cards does not divide M's 8 KV heads";
        QTest::newRow("no GQA") << 40 << 0 << 4 << "";
        QTest::newRow("heads unknown") << 0 << 0 << 3 << "";
    }

    void refusal()
    {
        QFETCH(int, attentionHeads);
        QFETCH(int, kvHeads);
        QFETCH(int, cards);
        QFETCH(QString, refusal);
        QCOMPARE(tensorParallelRefusal(heads(attentionHeads, kvHeads), cards), refusal);
    }

    // Llama 3.3 70B has 64 attention heads: no tensor split over 3, 5, 6 or 7 cards is ever shortlisted.
    void advisorOffersOnlySplitsThatRun()
    {
        const Catalog &catalog = embeddedCatalog();
        AdvisorRequest request;
        request.model = *catalog.model(QStringLiteral("llama-3.3-70b"));
        request.quant = *catalog.quantization(QStringLiteral("Q4_K_M"));
        request.workload.users = 8;
        request.requirements.limit = 100'000;
        const AdvisorResult result = advise(request, catalog);
        QVERIFY(!result.shortlist.isEmpty());
        bool sawTensor = false;
        for (const QList<AdvisorCandidate> &list : {result.shortlist, [&] {
                 QList<AdvisorCandidate> rejected;
                 for (const auto &rejection : result.rejected)
                     rejected.append(rejection.candidate);
                 return rejected;
             }()}) {
            for (const AdvisorCandidate &candidate : list) {
                if (candidate.configuration.split != Split::Tensor)
                    continue;
                sawTensor = true;
                QVERIFY2(request.model.attentionHeads % candidate.configuration.count == 0,
                         qPrintable(candidate.label));
            }
        }
        QVERIFY(sawTensor);
    }
};

QTEST_MAIN(TestTensorParallel)
#include "tst_tensor_parallel.moc"
