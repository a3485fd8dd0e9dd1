#include "SweepCommand.h"

#include "ResultFolder.h"
#include "CliOptions.h"
#include "CliRunner.h"
#include "ParameterSchema.h"
#include "ProjectFile.h"
#include "SweepSpec.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QRegularExpression>
#include <QSaveFile>

#include <algorithm>
#include <atomic>
#include <charconv>
#include <cmath>
#include <cstdio>
#include <mutex>
#include <optional>
#include <thread>

namespace {

struct SweepOptions {
    QString specPath, outDir;
    std::optional<long long> task;
    bool gather = false, slurm = false, quiet = false;
    int threads = 0;  // 0: all cores
    int chunk = 1;
    QString partition, time;
    int cpusPerTask = 0;
};

struct Sweep {
    aedyn::SweepSpec spec;
    std::vector<aedyn::SweepPoint> points;
    QString preset;       // for run.json: the preset name, or the project's preset
    QString projectPath;  // absolute, when the base is a project
    QString program;      // this aedyn-cli, for the command lines of run.json and the Slurm script
};

std::optional<int> wholeNumber(const QString& text, int lo, int hi)
{
    bool ok = false;
    const int x = text.toInt(&ok);
    return ok && x >= lo && x <= hi ? std::optional(x) : std::nullopt;
}

std::optional<SweepOptions> parseSweepOptions(const QStringList& arguments, QString* error, bool* help,
                                              QString* helpText)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(
        QStringLiteral("Runs every point of a sweep spec into DIR/point-NNNN/ (curves.csv, run.json, point.json), "
                       "skipping points already complete, then writes DIR/summary.csv. See README, \"Sweeps\"."));
    parser.addHelpOption();
    parser.addPositionalArgument(QStringLiteral("sweep"), QStringLiteral("The sweep command."));
    parser.addPositionalArgument(QStringLiteral("SPEC"), QStringLiteral("The sweep spec file."));
    const QCommandLineOption outOpt("out", "Output directory of the sweep (created if missing).", "DIR");
    const QCommandLineOption taskOpt("task", "Run exactly point N (0-based) and nothing else.", "N");
    const QCommandLineOption gatherOpt("gather", "Only write DIR/summary.csv from the point folders; list the "
                                                 "points missing or failed.");
    const QCommandLineOption slurmOpt("slurm", "Only write DIR/sweep.sbatch, a Slurm job-array script.");
    const QCommandLineOption chunkOpt("chunk", "With --slurm: C points per array task (default 1).", "C");
    const QCommandLineOption partitionOpt("partition", "With --slurm: #SBATCH --partition.", "P");
    const QCommandLineOption timeOpt("time", "With --slurm: #SBATCH --time (e.g. 02:00:00).", "T");
    const QCommandLineOption cpusOpt("cpus-per-task", "With --slurm: #SBATCH --cpus-per-task (and the task's "
                                                      "--threads).",
                                     "C");
    const QCommandLineOption threadsOpt("threads", "Threads: parallel points of a theory-only sweep, or the SGD "
                                                   "ensemble's threads (default: all cores).",
                                        "N");
    const QCommandLineOption quietOpt("quiet", "Print only problems.");
    parser.addOptions({outOpt, taskOpt, gatherOpt, slurmOpt, chunkOpt, partitionOpt, timeOpt, cpusOpt, threadsOpt,
                       quietOpt});
    if (!parser.parse(arguments)) {
        *error = parser.errorText();
        return std::nullopt;
    }
    *helpText = parser.helpText();
    if (parser.isSet(QStringLiteral("help"))) {
        *help = true;
        return SweepOptions{};
    }
    auto refuse = [error](const QString& message) {
        *error = message;
        return std::nullopt;
    };
    const QStringList positional = parser.positionalArguments();  // "sweep", SPEC
    if (positional.size() < 2)
        return refuse(QStringLiteral("sweep: a spec file is required: aedyn-cli sweep SPEC --out DIR"));
    if (positional.size() > 2)
        return refuse(QStringLiteral("sweep: unexpected argument '%1' (one spec file)").arg(positional.at(2)));
    SweepOptions o;
    o.specPath = positional.at(1);
    if (!parser.isSet(outOpt))
        return refuse(QStringLiteral("sweep: --out DIR is required (where the point folders go)"));
    o.outDir = parser.value(outOpt);
    o.gather = parser.isSet(gatherOpt);
    o.slurm = parser.isSet(slurmOpt);
    o.quiet = parser.isSet(quietOpt);
    if (parser.isSet(taskOpt)) {
        bool ok = false;
        const long long n = parser.value(taskOpt).toLongLong(&ok);
        if (!ok || n < 0)
            return refuse(QStringLiteral("--task '%1': must be a point index, a whole number from 0").arg(parser.value(taskOpt)));
        o.task = n;
    }
    if (int(o.task.has_value()) + int(o.gather) + int(o.slurm) > 1)
        return refuse(QStringLiteral("sweep: give at most one of --task, --gather and --slurm"));
    for (const QCommandLineOption* slurmOnly : {&chunkOpt, &partitionOpt, &timeOpt, &cpusOpt})
        if (parser.isSet(*slurmOnly) && !o.slurm)
            return refuse(QStringLiteral("--%1 only goes with --slurm").arg(slurmOnly->names().first()));
    if (parser.isSet(threadsOpt)) {
        const auto t = wholeNumber(parser.value(threadsOpt), 1, 256);
        if (!t)
            return refuse(QStringLiteral("--threads '%1': must be a whole number from 1 to 256").arg(parser.value(threadsOpt)));
        o.threads = *t;
    }
    if (parser.isSet(chunkOpt)) {
        const auto c = wholeNumber(parser.value(chunkOpt), 1, 1000000);
        if (!c)
            return refuse(QStringLiteral("--chunk '%1': must be a whole number from 1").arg(parser.value(chunkOpt)));
        o.chunk = *c;
    }
    if (parser.isSet(cpusOpt)) {
        const auto c = wholeNumber(parser.value(cpusOpt), 1, 256);
        if (!c)
            return refuse(QStringLiteral("--cpus-per-task '%1': must be a whole number from 1 to 256").arg(parser.value(cpusOpt)));
        o.cpusPerTask = *c;
    }
    // Passed into #SBATCH lines verbatim, so one word each.
    for (auto [opt, target] : {std::pair{&partitionOpt, &o.partition}, {&timeOpt, &o.time}}) {
        if (!parser.isSet(*opt))
            continue;
        const QString v = parser.value(*opt);
        if (v.isEmpty() || v.contains(QRegularExpression(QStringLiteral("[\\s'\"\\\\$`]"))))
            return refuse(QStringLiteral("--%1 '%2': must be one word without spaces or quotes")
                              .arg(opt->names().first(), v));
        *target = v;
    }
    return o;
}

// Reads the spec, loads its base and expands every point (each validated). On a problem returns nothing.
std::optional<Sweep> loadSweep(const QString& specPath, QString* error)
{
    QFile f(specPath);
    if (!f.open(QIODevice::ReadOnly)) {
        *error = QStringLiteral("cannot read the sweep spec '%1': %2").arg(specPath, f.errorString());
        return std::nullopt;
    }
    const std::string text = f.readAll().toStdString();
    Sweep s;
    s.program = QCoreApplication::applicationFilePath();
    try {
        s.spec = aedyn::parseSweepSpec(text, QFileInfo(specPath).absolutePath().toStdString());
        aedyn::ExperimentConfig base;
        if (s.spec.baseIsProject) {
            s.projectPath = QString::fromStdString(s.spec.base);
            QString projectError;
            const auto project = loadProject(s.projectPath, &projectError);
            if (!project) {
                *error = QStringLiteral("%1: line %2: base: %3").arg(specPath).arg(s.spec.baseLine).arg(projectError);
                return std::nullopt;
            }
            s.preset = project->preset;
            base = project->config;
        } else {
            s.preset = QString::fromStdString(s.spec.base);
            base = aedyn::presetBaseConfig(s.spec);
        }
        s.points = aedyn::expandSweep(s.spec, base);
    } catch (const aedyn::ConfigError& e) {
        *error = QStringLiteral("%1: %2").arg(specPath, QString::fromUtf8(e.what()));
        return std::nullopt;
    }
    return s;
}

QString pointDir(const QString& outDir, std::size_t index)
{
    return QDir(outDir).filePath(QStringLiteral("point-%1").arg(index, 4, 10, QLatin1Char('0')));
}

QJsonObject pointJson(const Sweep& s, const aedyn::SweepPoint& p)
{
    QJsonObject swept;
    for (const auto& [k, v] : p.swept)
        swept.insert(QString::fromStdString(k), QString::fromStdString(v));
    QJsonArray overrides;
    for (const auto& [k, v] : p.overrides)
        overrides.append(QString::fromStdString(k + "=" + v));
    QJsonArray order;
    for (const aedyn::SweepAxis& a : s.spec.axes)
        order.append(QString::fromStdString(a.key));
    return QJsonObject{{"index", static_cast<qint64>(p.index)},
                       {"swept", swept},
                       {"swept_keys", order},
                       {"overrides", overrides},
                       {"base", QString::fromStdString(s.spec.base)}};
}

// The command line of the equivalent single run; it goes into run.json, and running it writes the same curves.csv.
QStringList singleRunArguments(const Sweep& s, const aedyn::SweepPoint& p, const QString& dir)
{
    QStringList a{s.program};
    if (s.spec.baseIsProject)
        a << s.projectPath;
    else
        a << QStringLiteral("--preset") << s.preset;
    for (const auto& [k, v] : p.overrides)
        a << QStringLiteral("--set") << QString::fromStdString(k + "=" + v);
    if (!s.spec.runOde)
        a << QStringLiteral("--no-ode");
    if (!s.spec.runSgd)
        a << QStringLiteral("--no-sgd");
    a << QStringLiteral("--out") << dir;
    return a;
}

enum class PointState { Missing, Incomplete, Foreign, Complete };

QByteArray readAll(const QString& path, bool* ok)
{
    QFile f(path);
    *ok = f.open(QIODevice::ReadOnly);
    return *ok ? f.readAll() : QByteArray();
}

// Complete: point.json names this point, the result folder's manifest holds, curves.csv reads back and run.json is a JSON object with both routes.
PointState pointState(const Sweep& s, const aedyn::SweepPoint& p, const QString& dir, aedyn::CurveColumns* curves,
                      QJsonObject* run)
{
    if (!QFileInfo(dir).isDir())
        return PointState::Missing;
    bool ok = false;
    const QByteArray point = readAll(QDir(dir).filePath(QStringLiteral("point.json")), &ok);
    if (!ok)
        return PointState::Incomplete;
    if (QJsonDocument::fromJson(point).object() != pointJson(s, p))
        return PointState::Foreign;
    // The run's manifest is written last and checks both files: a run killed between its writes is incomplete.
    if (!aedyn::ResultFolder::isComplete(QFile::encodeName(dir).toStdString()))
        return PointState::Incomplete;
    const QByteArray csv = readAll(QDir(dir).filePath(QStringLiteral("curves.csv")), &ok);
    if (!ok)
        return PointState::Incomplete;
    const QByteArray json = readAll(QDir(dir).filePath(QStringLiteral("run.json")), &ok);
    const QJsonObject runObject = QJsonDocument::fromJson(json).object();
    if (!ok || !runObject.contains(QStringLiteral("theory")) || !runObject.contains(QStringLiteral("simulation")))
        return PointState::Incomplete;
    try {
        aedyn::CurveColumns c = aedyn::parseCurveCsv(csv.toStdString());
        if (curves)
            *curves = std::move(c);
    } catch (const std::exception&) {
        return PointState::Incomplete;
    }
    if (run)
        *run = runObject;
    return PointState::Complete;
}

std::mutex g_print;

void say(const SweepOptions& o, const QString& line)
{
    if (o.quiet)
        return;
    std::lock_guard lock(g_print);
    std::fprintf(stderr, "%s\n", qPrintable(line));
}

QString describe(const aedyn::SweepPoint& p)
{
    QStringList parts;
    for (const auto& [k, v] : p.swept)
        parts << QString::fromStdString(k + " = " + v);
    return parts.join(QStringLiteral(", "));
}

// Runs one point into its folder, or skips it when already complete. Returns the exit code.
int runPoint(const Sweep& s, const aedyn::SweepPoint& p, const SweepOptions& o, int threads)
{
    const QString dir = pointDir(o.outDir, p.index);
    const QString label = QStringLiteral("point %1 (%2)").arg(p.index).arg(describe(p));
    switch (pointState(s, p, dir, nullptr, nullptr)) {
    case PointState::Complete:
        say(o, label + QStringLiteral(": complete, skipped"));
        return kSuccess;
    case PointState::Foreign:
        return cliFail(kBadInput, QStringLiteral("%1 holds another point (its point.json differs; the spec changed?): "
                                                 "remove it or use another --out")
                                      .arg(dir));
    case PointState::Missing:
    case PointState::Incomplete:
        break;
    }
    if (!QDir().mkpath(dir))
        return cliFail(kWriteFailed, QStringLiteral("cannot create the point folder '%1'").arg(dir));
    QSaveFile f(QDir(dir).filePath(QStringLiteral("point.json")));
    const QByteArray json = QJsonDocument(pointJson(s, p)).toJson();
    if (!f.open(QIODevice::WriteOnly) || f.write(json) != json.size() || !f.commit())
        return cliFail(kWriteFailed, QStringLiteral("cannot write %1: %2").arg(f.fileName(), f.errorString()));
    CliOptions options;
    options.preset = s.preset;
    options.runOde = s.spec.runOde;
    options.runSgd = s.spec.runSgd;
    options.quiet = true;
    options.threads = threads;
    options.outDir = dir;
    const int code = runExperiment(p.config, s.preset, options, singleRunArguments(s, p, dir));
    say(o, label + (code == kSuccess ? QStringLiteral(": done") : QStringLiteral(": exit code %1").arg(code)));
    return code;
}

QString numberText(double x)
{
    if (!std::isfinite(x))
        return {};
    char buf[32];
    const auto r = std::to_chars(buf, buf + sizeof buf, x);
    return QString::fromLatin1(buf, r.ptr - buf);
}

QString csvCell(const QString& text)
{
    if (!text.contains(QLatin1Char(',')) && !text.contains(QLatin1Char('"')))
        return text;
    return QLatin1Char('"') + QString(text).replace(QLatin1Char('"'), QStringLiteral("\"\"")) + QLatin1Char('"');
}

// Writes DIR/summary.csv from the point folders; lists missing and failed points on stderr.
int gather(const Sweep& s, const SweepOptions& o)
{
    QStringList header{QStringLiteral("point")};
    for (const aedyn::SweepAxis& a : s.spec.axes)
        header << QString::fromStdString(a.key);
    const std::vector<std::string> routes = s.spec.routes();
    const std::vector<std::string> columns = aedyn::summaryColumns(s.spec);
    for (const std::string& c : columns)
        header << QString::fromStdString(c);
    QString csv = header.join(QLatin1Char(',')) + QLatin1Char('\n');
    std::size_t missing = 0, complete = 0;
    for (const aedyn::SweepPoint& p : s.points) {
        const QString dir = pointDir(o.outDir, p.index);
        aedyn::CurveColumns curves;
        QJsonObject run;
        const PointState state = pointState(s, p, dir, &curves, &run);
        QStringList row{QString::number(p.index)};
        for (const auto& [k, v] : p.swept)
            row << csvCell(QString::fromStdString(v));
        if (state == PointState::Complete) {
            ++complete;
            for (const double v : aedyn::summaryValues(s.spec, curves))
                row << numberText(v);
            for (const std::string& r : routes) {
                const QString key = r == "ode" ? QStringLiteral("theory") : QStringLiteral("simulation");
                const QString status = run.value(key).toObject().value(QStringLiteral("status")).toString();
                if (status != QLatin1String("ok"))
                    std::fprintf(stderr, "aedyn-cli: point %zu (%s): %s: %s\n", p.index, qPrintable(describe(p)),
                                 r.c_str(), qPrintable(status));
            }
        } else {
            ++missing;
            for (std::size_t i = 0; i < columns.size(); ++i)
                row << QString();
            const QString log = QDir(dir).filePath(QStringLiteral("log.txt"));
            const char* what = state == PointState::Missing    ? "missing"
                               : state == PointState::Foreign ? "holds another point"
                                                               : "failed or incomplete";
            std::fprintf(stderr, "aedyn-cli: point %zu (%s): %s%s\n", p.index, qPrintable(describe(p)), what,
                         QFileInfo::exists(log) ? qPrintable(QStringLiteral(", log %1").arg(QFileInfo(log).absoluteFilePath()))
                                                : "");
        }
        csv += row.join(QLatin1Char(',')) + QLatin1Char('\n');
    }
    if (!QDir().mkpath(o.outDir))
        return cliFail(kWriteFailed, QStringLiteral("cannot create the output directory '%1'").arg(o.outDir));
    QSaveFile f(QDir(o.outDir).filePath(QStringLiteral("summary.csv")));
    const QByteArray data = csv.toUtf8();
    if (!f.open(QIODevice::WriteOnly) || f.write(data) != data.size() || !f.commit())
        return cliFail(kWriteFailed, QStringLiteral("cannot write %1: %2").arg(f.fileName(), f.errorString()));
    if (missing > 0) {
        std::fprintf(stderr, "aedyn-cli: %zu of %zu points missing or failed; summary.csv has %zu complete rows\n",
                     missing, s.points.size(), complete);
        return kRunFailed;
    }
    say(o, QStringLiteral("%1 points gathered into %2").arg(complete).arg(f.fileName()));
    return kSuccess;
}

// Runs every point: in parallel for a theory-only sweep, one after another (the SGD ensemble's threads) otherwise.
int runAll(const Sweep& s, const SweepOptions& o)
{
    const int cores = o.threads > 0 ? o.threads : std::max(1, static_cast<int>(std::thread::hardware_concurrency()));
    if (s.spec.runSgd) {
        for (const aedyn::SweepPoint& p : s.points) {
            const int code = runPoint(s, p, o, o.threads);
            if (code == kInterrupted)
                return kInterrupted;
            if (code == kBadInput || code == kWriteFailed)
                return code;
        }
    } else {
        std::atomic<std::size_t> next{0};
        std::atomic<int> fatal{0};
        auto work = [&] {
            for (std::size_t i; (i = next.fetch_add(1)) < s.points.size() && fatal.load() == 0;) {
                const int code = runPoint(s, s.points[i], o, 1);
                if (code == kInterrupted || code == kBadInput || code == kWriteFailed)
                    fatal.store(code);
            }
        };
        std::vector<std::thread> workers;
        for (int w = 1; w < std::min<int>(cores, static_cast<int>(s.points.size())); ++w)
            workers.emplace_back(work);
        work();
        for (std::thread& t : workers)
            t.join();
        if (fatal.load() != 0)
            return fatal.load();
    }
    return gather(s, o);
}

QString shellQuote(const QString& s)
{
    return QLatin1Char('\'') + QString(s).replace(QLatin1Char('\''), QStringLiteral("'\\''")) + QLatin1Char('\'');
}

int writeSlurm(const Sweep& s, const SweepOptions& o)
{
    const std::size_t n = s.points.size();
    const std::size_t tasks = (n + o.chunk - 1) / o.chunk;
    const QString out = QDir(o.outDir).absolutePath();
    const QString spec = QFileInfo(o.specPath).absoluteFilePath();
    const QString cli = s.program;
    QString t;
    t += QStringLiteral("#!/bin/bash\n");
    t += QStringLiteral("# Written by aedyn-cli sweep --slurm: %1 points, %2 array task(s) of %3 point(s).\n")
             .arg(n).arg(tasks).arg(o.chunk);
    t += QStringLiteral("# Submit with: sbatch %1\n").arg(shellQuote(out + QStringLiteral("/sweep.sbatch")));
    t += QStringLiteral("# Then gather: %1 sweep %2 --out %3 --gather\n").arg(shellQuote(cli), shellQuote(spec), shellQuote(out));
    t += QStringLiteral("#SBATCH --job-name=aedyn-sweep\n");
    t += QStringLiteral("#SBATCH --array=0-%1\n").arg(tasks - 1);
    t += QStringLiteral("#SBATCH --output=%1/slurm-%A_%a.out\n").arg(out);
    if (!o.partition.isEmpty())
        t += QStringLiteral("#SBATCH --partition=%1\n").arg(o.partition);
    if (!o.time.isEmpty())
        t += QStringLiteral("#SBATCH --time=%1\n").arg(o.time);
    if (o.cpusPerTask > 0)
        t += QStringLiteral("#SBATCH --cpus-per-task=%1\n").arg(o.cpusPerTask);
    t += QStringLiteral("set -u\n");
    t += QStringLiteral("AEDYN_CLI=%1\nSPEC=%2\nOUT=%3\n").arg(shellQuote(cli), shellQuote(spec), shellQuote(out));
    const QString threads = o.cpusPerTask > 0 ? QStringLiteral(" --threads %1").arg(o.cpusPerTask) : QString();
    if (o.chunk == 1) {
        t += QStringLiteral("dir=\"$OUT/$(printf 'point-%04d' \"$SLURM_ARRAY_TASK_ID\")\"\n");
        t += QStringLiteral("mkdir -p \"$dir\"\n");
        t += QStringLiteral("\"$AEDYN_CLI\" sweep \"$SPEC\" --out \"$OUT\" --task \"$SLURM_ARRAY_TASK_ID\"%1 "
                            "> \"$dir/log.txt\" 2>&1\n")
                 .arg(threads);
    } else {
        t += QStringLiteral("N=%1\nCHUNK=%2\nfirst=$((SLURM_ARRAY_TASK_ID * CHUNK))\nstatus=0\n").arg(n).arg(o.chunk);
        t += QStringLiteral("for ((p = first; p < first + CHUNK && p < N; p++)); do\n");
        t += QStringLiteral("  dir=\"$OUT/$(printf 'point-%04d' \"$p\")\"\n");
        t += QStringLiteral("  mkdir -p \"$dir\"\n");
        t += QStringLiteral("  \"$AEDYN_CLI\" sweep \"$SPEC\" --out \"$OUT\" --task \"$p\"%1 > \"$dir/log.txt\" 2>&1 "
                            "|| status=$?\n")
                 .arg(threads);
        t += QStringLiteral("done\nexit \"$status\"\n");
    }
    if (!QDir().mkpath(out))
        return cliFail(kWriteFailed, QStringLiteral("cannot create the output directory '%1'").arg(out));
    QSaveFile f(QDir(out).filePath(QStringLiteral("sweep.sbatch")));
    const QByteArray data = t.toUtf8();
    if (!f.open(QIODevice::WriteOnly) || f.write(data) != data.size() || !f.commit())
        return cliFail(kWriteFailed, QStringLiteral("cannot write %1: %2").arg(f.fileName(), f.errorString()));
    QFile::setPermissions(f.fileName(), QFile::permissions(f.fileName()) | QFileDevice::ExeOwner);
    std::printf("Wrote %s: %zu points in %zu array task(s).\nSubmit it on the cluster (DIR on a shared file system):\n"
                "  sbatch %s\nWhen the tasks have finished, gather the summary:\n  %s sweep %s --out %s --gather\n",
                qPrintable(f.fileName()), n, tasks, qPrintable(shellQuote(f.fileName())), qPrintable(shellQuote(cli)),
                qPrintable(shellQuote(spec)), qPrintable(shellQuote(out)));
    return kSuccess;
}

} // namespace

bool isSweepCommand(const QStringList& arguments)
{
    return arguments.size() > 1 && arguments.at(1) == QLatin1String("sweep");
}

int runSweepCommand(const QStringList& arguments)
{
    QString error, helpText;
    bool help = false;
    const auto options = parseSweepOptions(arguments, &error, &help, &helpText);
    if (!options)
        return cliFail(kBadInput, error);
    if (help) {
        std::fputs(qPrintable(helpText), stdout);
        return kSuccess;
    }
    const auto sweep = loadSweep(options->specPath, &error);
    if (!sweep)
        return cliFail(kBadInput, error);
    if (options->slurm)
        return writeSlurm(*sweep, *options);
    if (options->gather)
        return gather(*sweep, *options);
    if (options->task) {
        if (*options->task >= static_cast<long long>(sweep->points.size()))
            return cliFail(kBadInput, QStringLiteral("--task %1: the sweep has points 0 to %2")
                                          .arg(*options->task)
                                          .arg(sweep->points.size() - 1));
        return runPoint(*sweep, sweep->points[*options->task], *options, options->threads);
    }
    return runAll(*sweep, *options);
}
