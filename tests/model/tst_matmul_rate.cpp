// The matmul rate each runtime's kernels draw on: GeForce accumulate rates, FP8 tensor cores, kernel ceilings.
#include "catalog/Catalog.h"
#include "engine/PromptMatmulRate.h"

#include <QTest>

using namespace headroom;

class TestMatmulRate final : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void rateOfCatalogCards_data()
    {
        QTest::addColumn<QString>("device");
        QTest::addColumn<QString>("runtime");
        QTest::addColumn<QString>("quant");
        QTest::addColumn<double>("timesPublished");
        QTest::newRow("GeForce, llama.cpp: full-rate accumulate") << "rtx-4090" << "llama.cpp" << "Q4_K_M" << 2.0;
        QTest::newRow("GeForce, ollama") << "rtx-3090" << "ollama" << "F16" << 2.0;
        QTest::newRow("GeForce, vLLM FP16: FP32 accumulate") << "rtx-5090" << "vllm" << "F16" << 1.0;
        QTest::newRow("GeForce, vLLM FP8") << "rtx-5090" << "vllm" << "FP8" << 2.0;
        QTest::newRow("workstation, llama.cpp: already full rate") << "rtx-6000-ada" << "llama.cpp" << "Q4_K_M" << 1.0;
        QTest::newRow("datacenter, llama.cpp FP8: converted") << "h100-sxm" << "llama.cpp" << "FP8" << 1.0;
        QTest::newRow("H100, TensorRT-LLM FP8") << "h100-sxm" << "tensorrt-llm" << "FP8" << 2.0;
        QTest::newRow("H200, SGLang BF16") << "h200-sxm" << "sglang" << "BF16" << 1.0;
        QTest::newRow("A100 has no FP8 tensor cores") << "a100-sxm-80" << "vllm" << "FP8" << 1.0;
        QTest::newRow("MI300X, vLLM FP8") << "mi300x" << "vllm" << "FP8" << 2.0;
        QTest::newRow("DGX Spark's GB10, llama.cpp: a GeForce-class die") << "dgx-spark" << "llama.cpp" << "MXFP4" << 2.0;
        QTest::newRow("Apple, MLX") << "m3-ultra" << "mlx" << "Q4_K_M" << 1.0;
        QTest::newRow("Strix Halo, llama.cpp") << "ryzen-ai-max-395" << "llama.cpp" << "Q4_K_M" << 1.0;
    }
    void rateOfCatalogCards()
    {
        QFETCH(QString, device);
        QFETCH(QString, runtime);
        QFETCH(QString, quant);
        QFETCH(double, timesPublished);
        const Catalog &catalog = embeddedCatalog();
        const Device *card = catalog.device(device);
        const Quantization *format = catalog.quantization(quant);
        QVERIFY(card && format);
        const std::optional<Runtime> engine = runtimeFromString(runtime);
        QVERIFY(engine);
        QCOMPARE(matmulTflops(*card, *engine, *format), card->fp16Tflops * timesPublished);
    }

    void ceilingJoinsHarmonically_data()
    {
        QTest::addColumn<double>("peak");
        QTest::addColumn<double>("efficiency");
        QTest::addColumn<double>("ceiling");
        QTest::addColumn<double>("reached");
        QTest::newRow("no ceiling") << 100.0 << 0.5 << 0.0 << 50.0;
        QTest::newRow("equal halves") << 200.0 << 0.5 << 100.0 << 50.0;
        QTest::newRow("ceiling far above") << 10.0 << 1.0 << 1e9 << 10.0;
        QTest::newRow("no card") << 0.0 << 0.5 << 100.0 << 0.0;
    }
    void ceilingJoinsHarmonically()
    {
        QFETCH(double, peak);
        QFETCH(double, efficiency);
        QFETCH(double, ceiling);
        QFETCH(double, reached);
        QVERIFY(qAbs(reachedPromptTflops(peak, efficiency, ceiling) - reached) < 1e-6 * std::max(1.0, reached));
    }

    void biggerCardsStillFaster()
    {
        // The ceiling flattens the gain but never reverses it.
        double previous = 0;
        for (double peak : {50.0, 100.0, 400.0, 1600.0}) {
            const double reached = reachedPromptTflops(peak, 0.5, 150.0);
            QVERIFY(reached > previous);
            QVERIFY(reached < 150.0);
            previous = reached;
        }
    }
};

QTEST_GUILESS_MAIN(TestMatmulRate)
#include "tst_matmul_rate.moc"
