// Command-line parsing: arguments -> Options (or a one-line error). No I/O, no application object,
// so it is unit-tested directly (tests/app/tst_commandline.cpp). The contract is SPEC §5.
#include "CommandLine.h"

#include "catalog/ClusterLinkLookup.h"

#include <QStringList>

#include <functional>

namespace headroom {
namespace {

// Bounds of the numeric options; outside them the command line is rejected before anything runs.
constexpr int maxImageSidePixels = 16384; // export --width/--height (larger images exhaust memory)
constexpr int maxCardCount = 64;          // runs-on --count: largest multi-card configuration accepted
constexpr int maxContextTokens = 10'000'000; // runs-on --context: beyond any published model
constexpr int maxConcurrentUsers = 4096;  // runs-on --concurrency
constexpr double maxMemoryGB = 100'000;   // runs-on --memory-gb: per device, far beyond any product

// Applies one option value to Options; returns an error message, or an empty string when fine.
using OptionSetter = std::function<QString(Options &options, const QString &value)>;

struct OptionRule {
    QString name; // with the leading "--"
    OptionSetter set;
};

struct CommandRule {
    Command command;
    QString name; // empty for the window (no command word)
    QList<OptionRule> options;
};

QString parseInt(const QString &option, const QString &value, int minimum, int maximum, int &result)
{
    bool ok = false;
    const int parsed = value.toInt(&ok);
    if (!ok || parsed < minimum || parsed > maximum) {
        return option % QStringLiteral(": expected a whole number from ") % QString::number(minimum)
            % QStringLiteral(" to ") % QString::number(maximum) % QStringLiteral(", got '") % value
            % QLatin1Char('\'');
    }
    result = parsed;
    return {};
}

QString parseChoice(const QString &option, const QString &value, const QStringList &choices, QString &result)
{
    if (!choices.contains(value)) {
        return option % QStringLiteral(": unknown value '") % value % QStringLiteral("' (expected ")
            % choices.join(QStringLiteral(", ")) % QLatin1Char(')');
    }
    result = value;
    return {};
}

QString parsePath(const QString &option, const QString &value, QString &result)
{
    if (value.isEmpty())
        return option % QStringLiteral(": needs a file name");
    result = value;
    return {};
}

OptionRule pathOption(const QString &name, QString Options::*field)
{
    return {name, [name, field](Options &o, const QString &v) -> QString { return parsePath(name, v, o.*field); }};
}

OptionRule choiceOption(const QString &name, QString Options::*field, const QStringList &choices)
{
    return {name, [name, field, choices](Options &o, const QString &v) -> QString { return parseChoice(name, v, choices, o.*field); }};
}

OptionRule intOption(const QString &name, int Options::*field, int minimum, int maximum)
{
    return {name, [=](Options &o, const QString &v) -> QString { return parseInt(name, v, minimum, maximum, o.*field); }};
}

OptionRule memoryOption()
{
    const QString name = QStringLiteral("--memory-gb");
    return {name, [name](Options &o, const QString &v) -> QString {
                bool ok = false;
                const double parsed = v.toDouble(&ok);
                if (!ok || !(parsed > 0) || parsed > maxMemoryGB)
                    return name % QStringLiteral(": expected a positive number of GB, got '") % v % QLatin1Char('\'');
                o.memoryGB = parsed;
                return QString();
            }};
}

const QList<CommandRule> &commandRules()
{
    static const QList<CommandRule> rules = {
        {Command::Window, QString(),
         {pathOption(QStringLiteral("--scenario"), &Options::scenarioPath),
          pathOption(QStringLiteral("--catalog"), &Options::catalogPath)}},
        {Command::Estimate, QStringLiteral("estimate"),
         {pathOption(QStringLiteral("--input"), &Options::input),
          pathOption(QStringLiteral("--output"), &Options::output),
          pathOption(QStringLiteral("--catalog"), &Options::catalogPath)}},
        {Command::Table, QStringLiteral("table"),
         {choiceOption(QStringLiteral("--method"), &Options::method, {QStringLiteral("seed"), QStringLiteral("roofline")}),
          choiceOption(QStringLiteral("--format"), &Options::format,
                       {QStringLiteral("markdown"), QStringLiteral("csv"), QStringLiteral("json")})}},
        {Command::Export, QStringLiteral("export"),
         {pathOption(QStringLiteral("--scenario"), &Options::scenarioPath),
          choiceOption(QStringLiteral("--chart"), &Options::chart,
                       {QStringLiteral("speed"), QStringLiteral("memory"), QStringLiteral("concurrency"),
                        QStringLiteral("accuracy"), QStringLiteral("value")}),
          pathOption(QStringLiteral("--output"), &Options::output),
          intOption(QStringLiteral("--width"), &Options::width, 1, maxImageSidePixels),
          intOption(QStringLiteral("--height"), &Options::height, 1, maxImageSidePixels)}},
        {Command::Report, QStringLiteral("report"),
         {pathOption(QStringLiteral("--scenario"), &Options::scenarioPath),
          pathOption(QStringLiteral("--output"), &Options::output),
          pathOption(QStringLiteral("--catalog"), &Options::catalogPath)}},
        {Command::Validate, QStringLiteral("validate"),
         {pathOption(QStringLiteral("--data"), &Options::dataPath),
          choiceOption(QStringLiteral("--format"), &Options::format, {QStringLiteral("text"), QStringLiteral("json")})}},
        {Command::RunsOn, QStringLiteral("runs-on"),
         {{QStringLiteral("--hardware"),
           [](Options &o, const QString &v) -> QString {
               if (v.isEmpty())
                   return QStringLiteral("--hardware: needs a device id");
               o.hardware = v;
               return QString();
           }},
          intOption(QStringLiteral("--count"), &Options::count, 1, maxCardCount), memoryOption(),
          intOption(QStringLiteral("--nodes"), &Options::nodes, 1, kMaxClusterNodes),
          {QStringLiteral("--link"),
           [](Options &o, const QString &v) -> QString {
               if (v.isEmpty())
                   return QStringLiteral("--link: needs a link id");
               o.linkId = v;
               return QString();
           }},
          intOption(QStringLiteral("--context"), &Options::context, 1, maxContextTokens),
          intOption(QStringLiteral("--concurrency"), &Options::concurrency, 1, maxConcurrentUsers),
          choiceOption(QStringLiteral("--format"), &Options::format, {QStringLiteral("json"), QStringLiteral("markdown")}),
          pathOption(QStringLiteral("--catalog"), &Options::catalogPath)}},
        {Command::Advise, QStringLiteral("advise"),
         {pathOption(QStringLiteral("--input"), &Options::input),
          pathOption(QStringLiteral("--output"), &Options::output),
          pathOption(QStringLiteral("--catalog"), &Options::catalogPath)}},
        {Command::ImportModel, QStringLiteral("import-model"),
         {{QStringLiteral("--id"),
           [](Options &o, const QString &v) -> QString {
               if (v.isEmpty())
                   return QStringLiteral("--id: needs a model id");
               o.modelId = v;
               return QString();
           }},
          pathOption(QStringLiteral("--output"), &Options::output)}},
        {Command::Detect, QStringLiteral("detect"),
         {choiceOption(QStringLiteral("--format"), &Options::format, {QStringLiteral("text"), QStringLiteral("json")}),
          pathOption(QStringLiteral("--catalog"), &Options::catalogPath)}},
        {Command::Demo, QStringLiteral("demo"),
         {pathOption(QStringLiteral("--tour"), &Options::tour),
          pathOption(QStringLiteral("--output"), &Options::output),
          pathOption(QStringLiteral("--catalog"), &Options::catalogPath)}},
    };
    return rules;
}

QStringList commandNames()
{
    QStringList names;
    for (const CommandRule &rule : commandRules()) {
        if (!rule.name.isEmpty())
            names << rule.name;
    }
    return names;
}

// A bare word that looks like a file (has a dot or a slash) opens the window on it; other words are commands.
bool looksLikeFile(const QString &argument)
{
    return argument.contains(QLatin1Char('.')) || argument.contains(QLatin1Char('/'));
}

CommandLineError error(const QString &message)
{
    return CommandLineError{message};
}

// Fills the per-command defaults that differ between commands and checks required options.
ParsedCommandLine finish(Options options, const QString &commandName)
{
    switch (options.command) {
    case Command::Table:
        if (options.format.isEmpty())
            options.format = QStringLiteral("markdown");
        break;
    case Command::Validate:
        if (options.format.isEmpty())
            options.format = QStringLiteral("text");
        break;
    case Command::RunsOn:
        if (options.format.isEmpty())
            options.format = QStringLiteral("json");
        if (options.hardware.isEmpty() && !options.thisMachine)
            return error(commandName % QStringLiteral(": missing --hardware ID (or --this-machine)"));
        if (!options.hardware.isEmpty() && options.thisMachine)
            return error(commandName % QStringLiteral(": --hardware and --this-machine exclude each other"));
        break;
    case Command::Detect:
        if (options.format.isEmpty())
            options.format = QStringLiteral("text");
        break;
    case Command::ImportModel:
        if (options.modelFile.isEmpty())
            return error(commandName % QStringLiteral(": missing FILE (a config.json or a .gguf file)"));
        break;
    case Command::Demo:
        if (!options.listTours && options.tour.isEmpty())
            return error(commandName % QStringLiteral(": missing --tour NAME|FILE (or --list)"));
        if (!options.listTours && (options.output.isEmpty() || options.output == QLatin1String("-")))
            return error(commandName % QStringLiteral(": missing --output deck.pdf|DIR/"));
        break;
    case Command::Export:
        if (options.output.isEmpty() || options.output == QLatin1String("-"))
            return error(commandName % QStringLiteral(": missing --output FILE.png|FILE.svg"));
        break;
    case Command::Report:
        if (options.output.isEmpty() || options.output == QLatin1String("-"))
            return error(commandName % QStringLiteral(": missing --output report.pdf|report.png"));
        break;
    default:
        break;
    }
    return options;
}

} // namespace

ParsedCommandLine parseCommandLine(const QStringList &arguments)
{
    Options options;
    qsizetype next = 1; // arguments[0] is the program
    const CommandRule *rule = &commandRules().front();
    if (next < arguments.size() && !arguments.at(next).startsWith(QLatin1Char('-'))) {
        const QString &word = arguments.at(next);
        const CommandRule *found = nullptr;
        for (const CommandRule &candidate : commandRules()) {
            if (!candidate.name.isEmpty() && candidate.name == word)
                found = &candidate;
        }
        if (found) {
            rule = found;
            ++next;
        } else if (!looksLikeFile(word)) {
            return error(QStringLiteral("unknown command '") % word % QStringLiteral("' (expected ")
                         % commandNames().join(QStringLiteral(", ")) % QStringLiteral(", or a scenario file)"));
        }
    }
    options.command = rule->command;
    if (rule->command == Command::Export || rule->command == Command::Demo || rule->command == Command::Report)
        options.output.clear(); // export has no stdout default: --output is required
    const QString commandName = rule->name.isEmpty() ? QStringLiteral("headroom") : rule->name;

    for (; next < arguments.size(); ++next) {
        const QString &argument = arguments.at(next);
        if (argument == QLatin1String("--help") || argument == QLatin1String("-h")) {
            options.command = Command::Help;
            return options;
        }
        if (argument == QLatin1String("--version") && rule->command == Command::Window) {
            options.command = Command::Version;
            return options;
        }
        if (argument == QLatin1String("--list") && rule->command == Command::Demo) {
            options.listTours = true;
            continue;
        }
        if (argument == QLatin1String("--this-machine") && rule->command == Command::RunsOn) {
            options.thisMachine = true;
            continue;
        }
        if (argument.startsWith(QLatin1Char('-')) && !argument.startsWith(QLatin1String("--")) && argument.size() > 1)
            return error(commandName % QStringLiteral(": unknown option '") % argument % QLatin1Char('\''));
        if (!argument.startsWith(QLatin1String("--"))) {
            if (rule->command == Command::Window && options.scenarioPath.isEmpty()) {
                options.scenarioPath = argument;
                continue;
            }
            if (rule->command == Command::ImportModel && options.modelFile.isEmpty()) {
                options.modelFile = argument;
                continue;
            }
            return error(commandName % QStringLiteral(": unexpected argument '") % argument % QLatin1Char('\''));
        }
        const qsizetype equals = argument.indexOf(QLatin1Char('='));
        const QString name = equals < 0 ? argument : argument.left(equals);
        const OptionRule *option = nullptr;
        for (const OptionRule &candidate : rule->options) {
            if (candidate.name == name)
                option = &candidate;
        }
        if (!option)
            return error(commandName % QStringLiteral(": unknown option '") % name % QLatin1Char('\''));
        QString value;
        if (equals >= 0) {
            value = argument.mid(equals + 1);
        } else if (next + 1 < arguments.size() && !arguments.at(next + 1).startsWith(QLatin1String("--"))) {
            value = arguments.at(++next);
        } else {
            return error(commandName % QStringLiteral(": option ") % name % QStringLiteral(" needs a value"));
        }
        const QString problem = option->set(options, value);
        if (!problem.isEmpty())
            return error(commandName % QStringLiteral(": ") % problem);
    }
    return finish(options, commandName);
}

QString helpText()
{
    return QStringLiteral(
        "Usage: headroom [FILE.headroom.json] [--catalog FILE]\n"
        "       headroom COMMAND [OPTIONS]\n"
        "\n"
        "Which hardware runs which large language model locally, how fast, for how many users.\n"
        "Without a command, opens the window (on FILE if given).\n"
        "GB means 10^9 bytes; speeds are tokens per second.\n"
        "\n"
        "Commands:\n"
        "  estimate [--input FILE|-] [--output FILE|-] [--catalog FILE]\n"
        "      Reads {\"queries\":[...]} and writes {\"results\":[...]} in the same order.\n"
        "      Query fields (defaults): id, hardware (device id or inline device), count (1),\n"
        "      memory_gb (largest option), split (auto|layer|tensor), runtime (llama.cpp|mlx|vllm|\n"
        "      ollama|tensorrt-llm|sglang; per platform), model (model id or inline model),\n"
        "      quant (Q4_K_M; a name or {\"bits_per_weight\": x}), method (roofline|seed),\n"
        "      efficiency (0.65, seed method), context (4096), prompt_tokens (512),\n"
        "      cached_tokens (0: tokens already cached before the prompt, a follow-up turn),\n"
        "      shared_context_tokens (0: leading context tokens all users have in common),\n"
        "      output_tokens (256), concurrency (1), kv_cache_type (f16|q8_0|q4_0|fp8),\n"
        "      apple_usable_fraction (0.75), min_tps_per_user (10).\n"
        "      Two queries are a pair: the answer adds a \"verdict\" (faster per user, users at\n"
        "      min_tps_per_user, price difference; payback with a top-level\n"
        "      \"cloud_usd_per_million_tokens\").\n"
        "      An invalid query gets an \"error\" in its result and the exit status is 2.\n"
        "  table [--method seed|roofline] [--format markdown|csv|json]\n"
        "      The article's table: seven models on seven configurations (default: seed, markdown).\n"
        "  export [--scenario FILE] --chart speed|memory|concurrency|accuracy|value\n"
        "         --output FILE.png|FILE.svg [--width N] [--height N]\n"
        "      Renders a chart without a display (default: the article lineup, 1600x900).\n"
        "  report [--scenario FILE] --output report.pdf|report.png [--catalog FILE]\n"
        "      The one-page customer report: verdict, speed chart, table, assumptions and\n"
        "      sources (default: the article lineup).\n"
        "  validate [--data FILE.csv] [--format text|json]\n"
        "      Compares predictions with measured speeds (default: the shipped calibration set).\n"
        "  advise [--input FILE|-] [--output FILE|-] [--catalog FILE]\n"
        "      Reads one request {\"model\", \"quant\" (name, {\"bits_per_weight\": x} or auto),\n"
        "      \"context\", \"concurrency\", \"prompt_tokens\", \"cached_tokens\", \"shared_context_tokens\",\n"
        "      \"min_decode_tps_per_user\", \"max_ttft_s\", \"budget_usd\",\n"
        "      \"max_power_w\", \"platforms\", \"runtime\", \"rank_by\" (price|speed|tps_per_dollar|\n"
        "      tps_per_watt), \"limit\", \"amortization_years\", \"utilization\",\n"
        "      \"electricity_usd_per_kwh\", \"cloud_usd_per_million_tokens\"} and writes the ranked\n"
        "      shortlist of configurations that meet it, and why every other one was left out.\n"
        "  runs-on --hardware ID|--this-machine [--count N] [--memory-gb M] [--nodes N [--link ID]] [--context C]\n"
        "          [--concurrency U]\n"
        "          [--format json|markdown] [--catalog FILE]\n"
        "      Every catalog model and quantization on that configuration; best_quant marks the\n"
        "      highest-quality quantization that fits each model. --this-machine: the configuration\n"
        "      `detect` finds here.\n"
        "  detect [--format text|json] [--catalog FILE]\n"
        "      Reads this machine's accelerators (nvidia-smi, sysfs, /proc, sysctl; 2 s per tool, no\n"
        "      network, no root) and says how they match the catalog.\n"
        "  import-model FILE [--id ID] [--output FILE|-]\n"
        "      Reads a Hugging Face config.json or a .gguf file (header only) and writes the\n"
        "      catalog model entry (and, for a GGUF, its quantization and size).\n"
        "  demo --list | demo --tour NAME|FILE --output deck.pdf|DIR/ [--catalog FILE]\n"
        "      Lists the built-in tours, or writes a tour as a PDF deck (one page per step)\n"
        "      or as PNG frames into DIR/.\n"
        "\n"
        "Options:\n"
        "  --help, -h     Show this help.\n"
        "  --version      Show the version.\n"
        "\n"
        "Exit status: 0 on success, 2 on invalid input (a one-line message on standard error).\n");
}

} // namespace headroom
