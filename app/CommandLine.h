#pragma once

#include <QString>
#include <QStringList>

#include <optional>
#include <variant>

namespace headroom {

enum class Command { Window, Version, Help, Estimate, Table, Export, Validate, Advise, RunsOn, ImportModel, Demo, Detect, Report };

// The parsed command line: a plain struct, produced by parseCommandLine() and unit-tested.
struct Options {
    Command command = Command::Window;
    QString input = QStringLiteral("-");  // estimate/advise: FILE or "-"
    QString output = QStringLiteral("-"); // estimate/advise/import-model: FILE or "-"; export/demo: FILE or DIR/
    QString catalogPath;                  // --catalog FILE (user catalog overlay)
    QString method = QStringLiteral("seed"); // table: seed|roofline
    QString format;                       // table: markdown|csv|json; validate: text|json; runs-on: json|markdown; bench: json|text
    QString scenarioPath;                 // export/window: --scenario FILE; window: positional FILE
    QString chart = QStringLiteral("speed"); // export: speed|memory|concurrency|roofline|value
    int width = 1600;
    int height = 900;
    QString dataPath;                     // validate: --data FILE.csv
    QString hardware;                     // runs-on
    int count = 1;
    double memoryGB = 0;
    int nodes = 1;     // runs-on --nodes: machines of a cluster
    QString linkId;    // runs-on --link: the catalog link joining them
    int context = 4096;
    int concurrency = 1;
    QString modelFile;                    // import-model FILE
    QString modelId;                      // import-model --id
    QString tour;                         // demo --tour NAME|FILE
    bool listTours = false;               // demo --list
    bool thisMachine = false;             // runs-on --this-machine
    bool operator==(const Options &) const = default;
};

struct CommandLineError {
    QString message; // one line, for stderr
};

using ParsedCommandLine = std::variant<Options, CommandLineError>;

// `arguments` includes the program name as arguments[0] (as QCoreApplication::arguments()).
ParsedCommandLine parseCommandLine(const QStringList &arguments);
QString helpText();

} // namespace headroom
