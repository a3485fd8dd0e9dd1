#include "CliOptions.h"

#include "ParameterSchema.h"

#include <QCommandLineParser>

#include <algorithm>
#include <tuple>

namespace {

QString describeKeys()
{
    QString s = QStringLiteral("\nParameter keys for --set KEY=VALUE (also used in presets, project files and run.json):\n");
    const aedyn::ExperimentConfig defaults;
    for (const aedyn::ParameterSpec& spec : aedyn::parameterSchema())
        s += QStringLiteral("  %1  %2  [%3; default %4]\n")
                 .arg(QString::fromStdString(spec.key), -13)
                 .arg(QString::fromStdString(spec.help))
                 .arg(QString::fromStdString(aedyn::allowedValues(spec)).remove(QLatin1Char('`')))
                 .arg(QString::fromStdString(aedyn::formatParameter(spec, spec.get(defaults))));
    s += QStringLiteral("\nExit codes: 0 done; 1 a route diverged or failed (files written, status in run.json);\n"
                        "2 bad input (nothing written); 3 the output could not be written; 130 interrupted.\n");
    return s;
}

// "3.4x2.4" (inches) → {3.4, 2.4}, or nothing.
std::optional<std::pair<double, double>> parseSize(const QString& text)
{
    const QStringList parts = text.toLower().split(QLatin1Char('x'));
    bool okW = false, okH = false;
    const double w = parts.value(0).toDouble(&okW), h = parts.value(1).toDouble(&okH);
    if (parts.size() != 2 || !okW || !okH || !(w > 0 && w <= 50) || !(h > 0 && h <= 50))
        return std::nullopt;
    return std::pair{w, h};
}

std::optional<int> wholeNumber(const QString& text, int lo, int hi)
{
    bool ok = false;
    const int x = text.toInt(&ok);
    return ok && x >= lo && x <= hi ? std::optional(x) : std::nullopt;
}

// A raster larger than this (4 bytes a pixel: 400 MB) is refused before any memory is taken (as FigureExport does).
constexpr double kMaxFigurePixels = 1e8;

} // namespace

const QStringList& cliChartNames()
{
    static const QStringList names{QStringLiteral("learning"), QStringLiteral("norms"), QStringLiteral("weights"),
                                   QStringLiteral("spectrum"), QStringLiteral("dashboard"), QStringLiteral("eigenbasis"),
                                   QStringLiteral("biases")};
    return names;
}

std::optional<CliOptions> parseCliOptions(const QStringList& arguments, QString* error)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(
        QStringLiteral("Runs an AEDyn experiment headless: the ODE theory and the online-SGD simulation of a "
                       "shallow autoencoder.\nWrites DIR/curves.csv and DIR/run.json.") +
        describeKeys());
    parser.addHelpOption();
    parser.addVersionOption();
    parser.addPositionalArgument(QStringLiteral("PROJECT"),
                                 QStringLiteral("An AEDyn project file (*.aedyn) to run instead of a preset."),
                                 QStringLiteral("[PROJECT]"));
    const QCommandLineOption presetOpt("preset", "Start from preset NAME (default fig2-sequential).", "NAME");
    const QCommandLineOption setOpt("set", "Override a parameter, e.g. --set K=4 (repeatable).", "KEY=VALUE");
    const QCommandLineOption tMaxOpt("t-max", "Final time t = steps / D (same as --set t_max=T).", "T");
    const QCommandLineOption runsOpt("runs", "Number of SGD runs (same as --set runs=N).", "N");
    const QCommandLineOption seedOpt("seed", "Seed (same as --set seed=S).", "S");
    const QCommandLineOption noOdeOpt("no-ode", "Do not integrate the ODE (eps_ode stays empty).");
    const QCommandLineOption noSgdOpt("no-sgd", "Do not simulate SGD (eps_sgd stays empty).");
    const QCommandLineOption threadsOpt("threads", "Threads for the SGD runs (default: all cores).", "N");
    const QCommandLineOption quietOpt("quiet", "Print nothing on success.");
    const QCommandLineOption outOpt("out", "Output directory (created if missing).", "DIR");
    const QCommandLineOption listOpt("list-presets", "List the presets and exit.");
    const QCommandLineOption figureOpt("figure",
                                       "Also write the figure FILE (.png, .svg or .pdf), exactly as the app draws "
                                       "it, without a display (repeatable).",
                                       "FILE");
    const QCommandLineOption chartOpt("chart", "The chart of --figure: learning (default), norms, weights, "
                                               "spectrum, dashboard, eigenbasis or biases.",
                                      "NAME");
    const QCommandLineOption sizeOpt("figure-size", "Figure size in inches (default 3.4x2.4; dashboard 7x5, at least 7x4.8).",
                                     "WxH");
    const QCommandLineOption dpiOpt("dpi", "Resolution of PNG figures (default 300).", "N");
    const QCommandLineOption noTitleOpt("no-title", "Figures without chart titles (the caption names the chart).");
    const QCommandLineOption fontOpt("font-size", "Type size of figures in points at their printed size (default 9; "
                                                  "5 to 14).",
                                     "PT");
    const QCommandLineOption letterOpt("panel-letter", "Panel letter of the figure, in its top left corner: a chart "
                                                       "gets L, the dashboard's four panels L and the next three.",
                                       "L");
    parser.addOptions({presetOpt, setOpt, tMaxOpt, runsOpt, seedOpt, noOdeOpt, noSgdOpt, threadsOpt, quietOpt,
                       outOpt, listOpt, figureOpt, chartOpt, sizeOpt, dpiOpt, noTitleOpt, fontOpt, letterOpt});
    if (!parser.parse(arguments)) {
        *error = parser.errorText();
        return std::nullopt;
    }
    CliOptions o;
    o.helpText = parser.helpText();
    if (parser.isSet(QStringLiteral("help")))
        o.action = CliOptions::Action::Help;
    else if (parser.isSet(QStringLiteral("version")))
        o.action = CliOptions::Action::Version;
    else if (parser.isSet(listOpt))
        o.action = CliOptions::Action::ListPresets;
    if (o.action != CliOptions::Action::Run)
        return o;

    auto refuse = [error](const QString& message) {
        *error = message;
        return std::nullopt;
    };
    const QStringList positional = parser.positionalArguments();
    if (positional.size() > 1)
        return refuse(QStringLiteral("unexpected argument '%1' (one project file at most)").arg(positional.at(1)));
    if (!positional.isEmpty()) {
        if (parser.isSet(presetOpt))
            return refuse(QStringLiteral("give either a project file or --preset, not both"));
        o.projectPath = positional.first();
    }
    if (parser.isSet(presetOpt))
        o.preset = parser.value(presetOpt);
    for (const QString& kv : parser.values(setOpt)) {
        const qsizetype eq = kv.indexOf(QLatin1Char('='));
        if (eq <= 0)
            return refuse(QStringLiteral("--set '%1': expected KEY=VALUE, e.g. --set K=4").arg(kv));
        o.overrides.emplace_back(kv.left(eq).trimmed().toStdString(), kv.mid(eq + 1).toStdString());
    }
    for (const auto& [option, key] : {std::pair{&tMaxOpt, "t_max"}, {&runsOpt, "runs"}, {&seedOpt, "seed"}})
        if (parser.isSet(*option))
            o.overrides.emplace_back(key, parser.value(*option).toStdString());
    if (parser.isSet(threadsOpt)) {
        const auto threads = wholeNumber(parser.value(threadsOpt), 1, 256);
        if (!threads)
            return refuse(QStringLiteral("--threads '%1': must be a whole number from 1 to 256").arg(parser.value(threadsOpt)));
        o.threads = *threads;
    }
    o.runOde = !parser.isSet(noOdeOpt);
    o.runSgd = !parser.isSet(noSgdOpt);
    o.quiet = parser.isSet(quietOpt);

    o.figures = parser.values(figureOpt);
    if (parser.isSet(chartOpt)) {
        o.chart = parser.value(chartOpt);
        if (!cliChartNames().contains(o.chart))
            return refuse(QStringLiteral("--chart '%1': must be %2").arg(o.chart, cliChartNames().join(QStringLiteral(", "))));
    }
    if (o.chart == QLatin1String("dashboard"))
        std::tie(o.widthInches, o.heightInches) = std::pair{7.0, 5.0};
    if (parser.isSet(sizeOpt)) {
        const auto size = parseSize(parser.value(sizeOpt));
        if (!size)
            return refuse(QStringLiteral("--figure-size '%1': expected WIDTHxHEIGHT in inches, each from 0 to 50, "
                                         "e.g. 3.4x2.4")
                              .arg(parser.value(sizeOpt)));
        std::tie(o.widthInches, o.heightInches) = *size;
    }
    if (parser.isSet(dpiOpt)) {
        const auto dpi = wholeNumber(parser.value(dpiOpt), 30, 2400);
        if (!dpi)
            return refuse(QStringLiteral("--dpi '%1': must be a whole number from 30 to 2400").arg(parser.value(dpiOpt)));
        o.dpi = *dpi;
    }
    o.figureTitles = !parser.isSet(noTitleOpt);
    if (parser.isSet(fontOpt)) {
        bool ok = false;
        o.fontPoints = parser.value(fontOpt).toDouble(&ok);
        if (!ok)
            return refuse(QStringLiteral("--font-size '%1': expected a number of points, e.g. 8").arg(parser.value(fontOpt)));
    }
    o.panelLetter = parser.value(letterOpt);
    const double pixels = o.widthInches * o.dpi * o.heightInches * o.dpi;
    const bool raster = std::any_of(o.figures.begin(), o.figures.end(),
                                    [](const QString& f) { return f.endsWith(QLatin1String(".png"), Qt::CaseInsensitive); });
    if (raster && pixels > kMaxFigurePixels)
        return refuse(QStringLiteral("--figure-size %1x%2 at --dpi %3 is %4 megapixels; PNG figures are limited to "
                                     "%5 megapixels (lower the size or the dpi)")
                          .arg(o.widthInches)
                          .arg(o.heightInches)
                          .arg(o.dpi)
                          .arg(pixels / 1e6, 0, 'f', 0)
                          .arg(kMaxFigurePixels / 1e6, 0, 'f', 0));
    if (!parser.isSet(outOpt))
        return refuse(QStringLiteral("--out DIR is required (where curves.csv and run.json go)"));
    o.outDir = parser.value(outOpt);
    return o;
}
