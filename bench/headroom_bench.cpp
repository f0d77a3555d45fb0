// headroom-bench: drives the real window offscreen and reports slider latency, start-up, engine throughput,
// advisor search time and peak memory. Kept out of the product binary.
#include "BenchCommand.h"

#include <QString>

#include <cstdio>
#include <cstring>

int main(int argc, char **argv)
{
    QString format = QStringLiteral("json");
    for (int i = 1; i < argc; ++i) {
        if (std::strcmp(argv[i], "--format") == 0 && i + 1 < argc) {
            format = QString::fromLocal8Bit(argv[++i]);
        } else if (std::strcmp(argv[i], "--help") == 0 || std::strcmp(argv[i], "-h") == 0) {
            std::puts("Usage: headroom-bench [--format json|text]\n"
                      "Times slider updates of the real window offscreen, start-up, the engine, the advisor and memory.");
            return 0;
        } else {
            std::fprintf(stderr, "headroom-bench: unknown argument '%s'; see headroom-bench --help\n", argv[i]);
            return 2;
        }
    }
    return headroom::runBench(argc, argv, format);
}
