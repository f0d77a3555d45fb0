#pragma once

#include <QIODevice>

namespace headroom {

// Standard error for the headless commands' messages. Every control character but the newline becomes "?",
// so a message quoting an input file can never drive the terminal (ESC sequences, BEL), whatever path built it.
class PrintableStderr final : public QIODevice
{
public:
    PrintableStderr();

protected:
    qint64 readData(char *, qint64) override { return -1; }
    qint64 writeData(const char *data, qint64 size) override;
};

} // namespace headroom
