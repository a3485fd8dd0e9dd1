// The seams between panel, workers, results and charts: each case is a bug that the old layering produced (the
// GUI recomputing the simulation grid, exports shaped apart from the charts, global lecture styling, old runs
// under new presets, stale flags that never cleared).
#include "ChartData.h"
#include "EncoderWeightsChart.h"
#include "Experiment.h"
#include "ImageFiles.h"
#include "LearningCurveChart.h"
#include "MainWindow.h"
#include "ThrowAwaySettings.h"
#include "OverlapMap.h"
#include "Tolerance.h"
#include "ParameterPanel.h"
#include "WeightVectorChart.h"
#include "ParameterSchema.h"
#include "WeightNormChart.h"
#include "Slowdown.h"
#include "SteadyLabel.h"
#include "TimeCursor.h"

#include <QChartView>
#include <QFile>
#include <QLabel>
#include <QLegend>
#include <QLegendMarker>
#include <QMenuBar>
#include <QValueAxis>
#include <QRegularExpression>
#include <QSettings>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

#include <cmath>
#include <map>
#include <random>

namespace {

// A parsed tidy CSV: the header and, per row, its cells by column name.
struct Table {
    QStringList header;
    QList<std::map<QString, QString>> rows;
};

Table readCsv(const QString& path)
{
    QFile f(path);
    Table t;
    if (!f.open(QIODevice::ReadOnly))
        return t;
    const QStringList lines = QString::fromUtf8(f.readAll()).trimmed().split(QLatin1Char('\n'));
    t.header = lines.value(0).split(QLatin1Char(','));
    for (qsizetype i = 1; i < lines.size(); ++i) {
        const QStringList cells = lines[i].split(QLatin1Char(','));
        std::map<QString, QString> row;
        for (qsizetype c = 0; c < t.header.size(); ++c)
            row[t.header[c]] = cells.value(c);
        t.rows.append(row);
    }
    return t;
}

// Whether the table has a row of route/run at time t whose column holds y (both to 1e-12 relative).
bool holds(const Table& t, const QString& route, const QString& run, const QString& column, double time, double y)
{
    for (const auto& row : t.rows) {
        if (row.at(QStringLiteral("route")) != route || row.at(QStringLiteral("run")) != run)
            continue;
        const double rt = row.at(QStringLiteral("t")).toDouble();
        const auto cell = row.find(column);
        if (cell == row.end() || cell->second.isEmpty() || std::abs(rt - time) > 1e-12 * std::abs(time))
            continue;
        if (std::abs(cell->second.toDouble() - y) <= 1e-12 * std::abs(y))
            return true;
    }
    return false;
}

// The largest stroke-width in an SVG file.
double widestStroke(const QString& path)
{
    QFile f(path);
    if (!f.open(QIODevice::ReadOnly))
        return 0;
    double widest = 0;
    const QRegularExpression stroke(QStringLiteral("stroke-width=\"([0-9.]+)\""));
    for (auto it = stroke.globalMatch(QString::fromUtf8(f.readAll())); it.hasNext();)
        widest = std::max(widest, it.next().captured(1).toDouble());
    return widest;
}

void runToTheEnd(MainWindow& w)
{
    QTRY_VERIFY_WITH_TIMEOUT(w.theoryUpToDate(), 10000 * kSlowdown);
    w.runSimulation();
    QTRY_VERIFY_WITH_TIMEOUT(!w.simulationRunning(), 60000 * kSlowdown);
    QTest::qWait(80);  // the last coalesced repaint
}

} // namespace

class TestSeams : public QObject {
    Q_OBJECT

    QTemporaryDir dir_;

private:
    // An exponent box's text of one line, and of several at a width of 200 px.
    const QString shortText = QStringLiteral("α = 0.1");
    const QString longText = QString(QStringLiteral("α = 0.123, ")).repeated(12);

private slots:
    // The norms panel's exponent box gained and lost a line as the fitted digits changed, and each time the whole
    // dashboard row was laid out and painted again (the worst frames of a run). It now grows, but does not shrink
    // back while its width stays.
    void exponentBoxHeightHoldsWhileItsWidthStays()
    {
        SteadyLabel label;
        label.setFixedWidth(200);
        label.show();
        label.setSteadyText(shortText);
        const int one = label.heightForWidth(200);
        label.setSteadyText(longText);
        const int many = label.heightForWidth(200);
        QVERIFY(many > one);
        QCOMPARE(label.minimumHeight(), many);
        label.setSteadyText(shortText);
        QCOMPARE(label.minimumHeight(), many);  // held: the row keeps its layout
        label.setFixedWidth(2000);              // a new width starts afresh
        QTRY_VERIFY(label.minimumHeight() < many);
    }

    // The box grew a line at a time as the streamed fits arrived (the units drawn, then their exponents), and with
    // each line the dashboard was laid out again: it now takes the height of its fullest text at once.
    void exponentBoxReservesItsFullestText()
    {
        SteadyLabel label;
        label.setFixedWidth(200);
        label.show();
        label.setSteadyText(longText);
        const int full = label.heightForWidth(200);
        SteadyLabel reserved;
        reserved.setFixedWidth(200);
        reserved.show();
        reserved.setSteadyText(shortText);
        QVERIFY(reserved.minimumHeight() < full);
        reserved.setReserve(longText);
        QCOMPARE(reserved.minimumHeight(), full);
        reserved.setSteadyText(longText);
        QCOMPARE(reserved.minimumHeight(), full);
        // A new, shorter reserve (the key of line styles left out of a short panel) releases the height held.
        reserved.setSteadyText(shortText);
        reserved.setReserve(shortText);
        QVERIFY(reserved.minimumHeight() < full);
        reserved.setReserve(longText);
        reserved.setFixedWidth(2000);  // a new width measures the reserve there
        QTRY_VERIFY(reserved.minimumHeight() < full);
        QVERIFY(reserved.minimumHeight() > 0);
    }

    // The time beside the cursor ("t = 12.5 (latest)", "t = 1.2e+04") changed the label's width with every new
    // point, and the toolbar was laid out again several times a second.
    void timeCursorLabelKeepsItsWidth()
    {
        TimeCursor cursor;
        cursor.resize(600, 30);
        cursor.show();
        auto* label = cursor.findChild<QLabel*>();
        QVERIFY(label);
        std::vector<double> times;
        for (double t = 1e-3; t < 2e5; t *= 1.7)
            times.push_back(t);
        cursor.setTimes(times);
        const int width = label->width();
        QVERIFY(width > 0);
        for (const std::optional<double> t : {std::optional<double>{}, std::optional(1e-3), std::optional(12.5),
                                             std::optional(1234.5), std::optional(1.5e5)}) {
            cursor.setTime(t);
            QCoreApplication::processEvents();
            QCOMPARE(label->width(), width);
            QVERIFY2(label->sizeHint().width() <= width, qPrintable(label->text()));  // never clipped
        }
    }

    void initTestCase() { useThrowAwaySettings(); }

    // With images D is the number of pixels: the SGD markers must sit on the worker's grid of that D, not on a
    // grid the GUI rebuilt from the panel's D.
    void imageRunsUseTheWorkersGrid()
    {
        aedyn::ImageSet images;
        images.rows = 4;
        images.cols = 4;
        images.count = 120;
        std::mt19937 rng(3);
        for (long i = 0; i < images.count * 16; ++i)
            images.pixels.push_back(static_cast<std::uint8_t>(rng() % 256));
        const QString file = dir_.filePath(QStringLiteral("train-images-idx3-ubyte"));
        aedyn::writeIdxImages(file.toStdString(), images);
        MainWindow w;
        ParameterPanel* p = w.panel();
        p->setValue("spectrum", QStringLiteral("images"));
        p->setValue("images", file);
        p->setValue("K", QStringLiteral("2"));
        p->setValue("runs", QStringLiteral("1"));
        p->setValue("t_max", QStringLiteral("5"));
        QVERIFY2(p->config().has_value(), qPrintable(p->problem()));
        runToTheEnd(w);
        QCOMPARE(w.store().simulationSetup().D, 16);
        std::vector<double> expected;
        for (long long step : aedyn::logStepGrid(16, 5.0))
            expected.push_back(static_cast<double>(step) / 16);
        QCOMPARE(w.store().simulationTimes(), expected);
        QCOMPARE(w.learningCurve()->simulationPoints().last().x(), 5.0);
    }

    // Every chart's "Export data" holds exactly what the chart draws, under one meaning per column name; for one
    // unit (figure 3) the weight chart draws the spike projections, and so does its CSV.
    void exportedCsvIsWhatEachChartDraws()
    {
        MainWindow w;
        w.resize(1400, 900);
        w.show();
        QVERIFY(QTest::qWaitForWindowExposed(&w));
        w.panel()->selectPreset(QStringLiteral("fig3-rescaling"));
        w.panel()->setValue("D", QStringLiteral("300"));
        w.panel()->setValue("t_max", QStringLiteral("40"));
        w.panel()->setValue("runs", QStringLiteral("2"));
        runToTheEnd(w);

        const QString norms = dir_.filePath(QStringLiteral("norms.csv"));
        QCOMPARE(w.exportData(FigureChart::Norms, norms), QString());
        const Table n = readCsv(norms);
        QVERIFY2(n.header.contains(QStringLiteral("abs_u_1_1")) && !n.header.contains(QStringLiteral("wnorm_1")),
                 qPrintable(n.header.join(',')));
        for (const bool theory : {true, false})
            for (const bool encoder : {true, false}) {
                const QList<QPointF> drawn = w.weightNorms()->drawnPoints(0, encoder, theory);
                QVERIFY(!drawn.isEmpty());
                for (const QPointF& q : drawn)
                    QVERIFY2(holds(n, theory ? "ode" : "sgd", theory ? "" : "mean",
                                   encoder ? "abs_u_1_1" : "abs_z_1_1", q.x(), q.y()),
                             qPrintable(QStringLiteral("t = %1, y = %2").arg(q.x()).arg(q.y())));
            }

        const QString learning = dir_.filePath(QStringLiteral("learning.csv"));
        QCOMPARE(w.exportData(FigureChart::Learning, learning), QString());
        const Table l = readCsv(learning);
        for (const QPointF& q : w.learningCurve()->theoryPoints())
            QVERIFY(holds(l, "ode", "", "eps", q.x(), q.y()));
        for (const QPointF& q : w.learningCurve()->simulationPoints())
            QVERIFY(holds(l, "sgd", "mean", "eps", q.x(), q.y()));

        const QString weights = dir_.filePath(QStringLiteral("weights.csv"));
        QCOMPARE(w.exportData(FigureChart::Weights, weights), QString());
        const Table o = readCsv(weights);
        const Eigen::MatrixXd& map = w.encoderWeights()->overlaps()->theory();
        QVERIFY(map.size() > 0);
        // The run is over: both maps at its last time. One unit shows the plain cosine — cos_1_m, as in
        // curves.csv, where cos_k_m means |w_k·e_m|/‖w_k‖ — and the rest of w outside the tracked modes; several
        // units show overlaps within the tracked subspace, under a name of their own.
        const double tLast = w.store().latestTheory()->t;
        QCOMPARE(w.store().latestSimulation()->mean.t, tLast);
        QCOMPARE(static_cast<std::size_t>(map.cols()), w.store().setup().trackedRho.size() + 1);
        for (int m = 0; m + 1 < map.cols(); ++m)
            QVERIFY(holds(o, "ode", "", QStringLiteral("cos_1_%1").arg(m + 1), tLast, map(0, m)));
        QVERIFY(holds(o, "ode", "", QStringLiteral("bulk_cos_1"), tLast, map(0, map.cols() - 1)));
        AEDYN_COMPARE_REL(map.row(0).squaredNorm(), 1.0, 1e-12);
        const aedyn::Observables& last = *w.store().latestTheory();
        AEDYN_COMPARE_REL(map(0, 0), std::abs(last.encoderProjection(0, 0)) / last.encoderNorm(0), 1e-12);
        for (const QString& c : o.header + n.header + l.header)
            QVERIFY2(!c.startsWith(QStringLiteral("subspace_cos_")), qPrintable(c));
    }

    // Lecture mode styles the window's charts, never an exported figure.
    void figuresExportedInLectureModeKeepPrintLines()
    {
        MainWindow w;
        w.panel()->setValue("t_max", QStringLiteral("30"));
        QTRY_VERIFY_WITH_TIMEOUT(w.theoryUpToDate(), 10000 * kSlowdown);
        const QString normal = dir_.filePath(QStringLiteral("normal.svg"));
        const QString lecture = dir_.filePath(QStringLiteral("lecture.svg"));
        QCOMPARE(w.exportFigure(FigureChart::Learning, normal), QString());
        w.setLectureMode(true);
        QCOMPARE(w.exportFigure(FigureChart::Learning, lecture), QString());
        w.setLectureMode(false);
        QVERIFY(widestStroke(normal) > 0);
        QCOMPARE(widestStroke(lecture), widestStroke(normal));
    }

    // Another preset is another experiment: the last run's markers and overlaps leave the charts.
    void steppingPresetsClearsTheOldRun()
    {
        MainWindow w;
        w.panel()->setValue("D", QStringLiteral("200"));
        w.panel()->setValue("t_max", QStringLiteral("20"));
        runToTheEnd(w);
        QVERIFY(w.store().latestSimulation() != nullptr);
        w.show();
        QVERIFY(QTest::qWaitForWindowExposed(&w));
        w.setLectureMode(true);
        QTest::keyClick(&w, Qt::Key_Right);
        QCOMPARE(w.panel()->presetName(), QStringLiteral("fig3-rescaling"));
        QTRY_VERIFY_WITH_TIMEOUT(w.theoryUpToDate(), 10000 * kSlowdown);
        QTest::qWait(80);
        QVERIFY(w.store().latestSimulation() == nullptr);
        QVERIFY(w.learningCurve()->simulationPoints().isEmpty());
        QCOMPARE(w.encoderWeights()->overlaps()->simulation().size(), Eigen::Index(0));
        w.setLectureMode(false);
    }

    // A run of K = 3 stays readable when K becomes 5: its own three units, nothing read past them.
    void growingKKeepsTheOldRunReadable()
    {
        MainWindow w;
        w.encoderWeights()->setView(EncoderWeightsChart::View::InputIndex);
        w.panel()->setValue("D", QStringLiteral("200"));
        w.panel()->setValue("t_max", QStringLiteral("20"));
        runToTheEnd(w);
        // The weight vectors' legend names the three units once each (the eigenvector overlays have no entry).
        const QChartView* vectors = w.encoderWeights()->vectors()->findChild<QChartView*>();
        QVERIFY(vectors);
        int shown = 0;
        for (const QLegendMarker* m : vectors->chart()->legend()->markers())
            shown += m->isVisible();
        QCOMPARE(shown, 3);
        w.panel()->setValue("K", QStringLiteral("5"));
        QTRY_VERIFY_WITH_TIMEOUT(w.theoryUpToDate(), 10000 * kSlowdown);
        QTest::qWait(80);
        QVERIFY(w.store().simulationStale);
        for (int k = 0; k < 3; ++k)
            for (const QPointF& q : w.weightNorms()->drawnPoints(k, true, false))
                QVERIFY(std::isfinite(q.y()) && q.y() > 0 && q.y() < 100);
        QVERIFY(!w.weightNorms()->drawnPoints(0, true, false).isEmpty());
        QVERIFY(w.weightNorms()->drawnPoints(3, true, false).isEmpty());
        QVERIFY(w.weightNorms()->drawnPoints(4, true, false).isEmpty());
        QVERIFY(!w.weightNorms()->drawnPoints(4, true, true).isEmpty());  // the new theory has five units
    }

    // Stale means "differs from what was run": a stray keystroke undone restores the colours.
    void editingBackRestoresARun()
    {
        MainWindow w;
        w.panel()->setValue("D", QStringLiteral("200"));
        w.panel()->setValue("t_max", QStringLiteral("20"));
        runToTheEnd(w);
        QVERIFY(!w.store().simulationStale && !w.store().theoryStale);
        const QString spikes = w.panel()->value("spikes");
        w.panel()->setValue("spikes", spikes + QStringLiteral(" "));  // the same numbers
        QVERIFY(!w.store().simulationStale && !w.store().theoryStale);
        w.panel()->setValue("spikes", QStringLiteral("3, 5, 10"));
        QVERIFY(w.store().simulationStale && w.store().theoryStale);
        w.panel()->setValue("spikes", spikes);
        QVERIFY(!w.store().simulationStale && !w.store().theoryStale);
        QTRY_VERIFY_WITH_TIMEOUT(w.theoryUpToDate(), 10000 * kSlowdown);
        QVERIFY(!w.store().simulationStale && !w.store().theoryStale);
    }

    // While the next preset's data load, the previous preset's theory is grey and its eigenvalues are not shown.
    void aLoadingPresetGreysThePreviousTheory()
    {
        MainWindow w;
        QTRY_VERIFY_WITH_TIMEOUT(w.theoryUpToDate(), 10000 * kSlowdown);
        const QString fig2 = w.panel()->eigenvaluesText();
        QVERIFY(fig2.contains(QStringLiteral("ρ/D = ")));
        // A fig2 theory still on its way when the preset changes.
        w.panel()->setValue("D", QStringLiteral("100000"));
        QTest::qWait(160);
        w.panel()->selectPreset(QStringLiteral("fig5d-fashion-mnist"));
        for (int i = 0; i < 10; ++i) {
            QTest::qWait(12);
            if (w.store().latestTheory() && !w.panel()->config()->tied &&
                w.store().setup().imageRows == 0) {  // the fig2 curve is still the one drawn
                QVERIFY(w.store().theoryStale);
                QVERIFY2(!w.panel()->eigenvaluesText().contains(QStringLiteral("bulk")),
                         qPrintable(w.panel()->eigenvaluesText()));
            }
        }
    }

    // Every key with a field: text typed into the panel → value → the same text in the field and in the config.
    void everyKeyTravelsThroughThePanel()
    {
        ParameterPanel panel;
        const std::map<std::string, std::string> values{
            {"spectrum", "powerlaw"}, {"D", "777"}, {"K", "5"}, {"spikes", "2.5,4,8.25"}, {"sigma", "0.3"},
            {"rows", "sinusoidal"}, {"normalise", "false"}, {"pl_amplitude", "0.25"}, {"pl_exponent", "1.75"},
            {"pl_floor", "0.01"}, {"images", "cifar10"}, {"test_images", "/data/t10k"}, {"datasize", "12345"},
            {"activation", "relu"}, {"tied", "true"}, {"bias", "true"}, {"bias_init", "-0.125"}, {"rule", "vanilla"},
            {"lr", "0.1"}, {"wd", "0.05"}, {"init", "random"}, {"init_std", "0.01"}, {"runs", "7"},
            {"seed", "9007199254740991"}, {"t_max", "123.456"}, {"rtol", "1e-10"}, {"atol", "1e-12"}};
        for (const auto& [key, value] : values)
            panel.setValue(key, QString::fromStdString(value));
        QVERIFY2(panel.config().has_value(), qPrintable(panel.problem()));
        for (const aedyn::ParameterSpec& spec : aedyn::parameterSchema()) {
            if (spec.group.empty())
                continue;  // M has no field: it is the length of spikes
            const std::string& typed = values.at(spec.key);
            QCOMPARE(panel.value(spec.key).toStdString(), typed);
            QCOMPARE(aedyn::parameterValue(*panel.config(), spec.key), typed);
        }
        // A problem that belongs to a key is shown under that key's field (the key travels as data).
        panel.setValue("spectrum", QStringLiteral("spiked"));
        panel.setValue("D", QStringLiteral("4"));
        QCOMPARE(panel.problemKey(), std::string("K"));
    }

    // A Help menu lists the shortcuts and says what AEDyn is; the linear ε axis ends near 1/2, not at 1.
    void helpMenuAndALinearAxisThatFitsTheData()
    {
        MainWindow w;
        QStringList menus;
        for (QAction* a : w.menuBar()->actions())
            menus << a->text();
        QVERIFY2(menus.contains(QStringLiteral("&Help")), qPrintable(menus.join(',')));
        QVERIFY(MainWindow::shortcutsText().contains(QStringLiteral("Space")));
        QTRY_VERIFY_WITH_TIMEOUT(w.theoryUpToDate(), 10000 * kSlowdown);
        w.learningCurve()->setLogError(false);
        w.learningCurve()->refresh(w.store());
        const auto* axis = qobject_cast<QValueAxis*>(w.learningCurve()->chart()->axes(Qt::Vertical).first());
        QVERIFY(axis);
        QVERIFY2(axis->max() >= 0.5 && axis->max() <= 0.55, qPrintable(QString::number(axis->max())));
    }
};

QTEST_MAIN(TestSeams)
#include "tst_seams.moc"
