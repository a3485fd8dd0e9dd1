// Figure and data export: every format written and read back — PNG at its pixel size, SVG as XML with the curves'
// paths (and rendered back), PDF with its header, page count and page size — tidy CSV, and exports that cannot be
// written saying so without touching what was there. AEDYN_SCREENSHOTS=DIR keeps the files for a person to look at.
#include "Presets.h"
#include "ChartData.h"
#include "Experiment.h"
#include "ExperimentWorkers.h"
#include "FigureExport.h"
#include "MainWindow.h"
#include "ParameterPanel.h"
#include "Slowdown.h"

#include <QClipboard>
#include <QFile>
#include <QGuiApplication>
#include <QImage>
#include <QPainter>
#include <QSvgRenderer>
#include <QTemporaryDir>
#include <QTest>
#include <QXmlStreamReader>

namespace {

// The curves of a short figure-2 run, filled in exactly as the app's workers do.
aedyn::RunResults shortRun()
{
    aedyn::ExperimentConfig c = aedyn::presetConfig("fig2-sequential");
    aedyn::applyParameters(c, {{"D", "200"}, {"t_max", "60"}, {"runs", "2"}});
    const aedyn::Experiment e(c);
    aedyn::RunResults store;
    store.resetTheory(aedyn::setupOf(e));
    store.resetSimulation(aedyn::setupOf(e));
    e.runTheory([&](std::size_t i, const aedyn::Observables& o) { store.setTheory(i, o); });
    e.runSimulation([&](std::size_t i, const std::vector<aedyn::Observables>& runs, const aedyn::Weights& w) {
        store.setSimulation(aedyn::simulationPointOf(i, runs));
        store.setFirstRunWeights(i, w);
    });
    return store;
}

QByteArray readAll(const QString& path)
{
    QFile f(path);
    return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray();
}

// Share of pixels close to a colour (the curves' colours prove the curves were drawn).
double shareOf(const QImage& image, QColor colour)
{
    long hits = 0;
    for (int y = 0; y < image.height(); ++y)
        for (int x = 0; x < image.width(); ++x) {
            const QColor p = image.pixelColor(x, y);
            hits += std::abs(p.red() - colour.red()) + std::abs(p.green() - colour.green()) +
                        std::abs(p.blue() - colour.blue()) < 60;
        }
    return double(hits) / (double(image.width()) * image.height());
}

} // namespace

class TestFigureExport : public QObject {
    Q_OBJECT

    QTemporaryDir dir_;
    aedyn::RunResults store_;

    QString path(const QString& name) const
    {
        const QString keep = qEnvironmentVariable("AEDYN_SCREENSHOTS");
        return keep.isEmpty() ? dir_.filePath(name) : keep + QLatin1Char('/') + name;
    }

private slots:
    void initTestCase() { store_ = shortRun(); }

    void pngHasTheRequestedPixelSize()
    {
        const QString file = path(QStringLiteral("learning.png"));
        QCOMPARE(exportFigure(store_, FigureChart::Learning, FigureOptions{}, file), QString());
        const QImage image(file);
        QCOMPARE(image.size(), QSize(1020, 720));  // 3.4 × 2.4 in at 300 dpi
        QCOMPARE(qRound(image.dotsPerMeterX() * 0.0254), 300);
        QCOMPARE(image.pixelColor(2, 2), QColor(Qt::white));  // publication background, no rounded frame
        QVERIFY(shareOf(image, QColor(0xD5, 0x5E, 0x00)) > 0.002);  // SGD markers, the screen's orange
        QVERIFY(shareOf(image, QColor(0x20, 0x20, 0x20)) > 0.002);  // the ODE line and text

        FigureOptions dashboard;
        dashboard.widthInches = 7;
        dashboard.heightInches = 5;
        dashboard.dpi = 100;
        const QString all = path(QStringLiteral("dashboard.png"));
        QCOMPARE(exportFigure(store_, FigureChart::Dashboard, dashboard, all), QString());
        QCOMPARE(QImage(all).size(), QSize(700, 500));
    }

    void svgIsXmlWithTheCurves()
    {
        const QString file = path(QStringLiteral("learning.svg"));
        QCOMPARE(exportFigure(store_, FigureChart::Learning, FigureOptions{}, file), QString());
        QXmlStreamReader xml(readAll(file));
        int paths = 0;
        QString width;
        bool title = false;
        while (!xml.atEnd()) {
            xml.readNext();
            if (xml.isStartElement() && xml.name() == QLatin1String("svg"))
                width = xml.attributes().value(QStringLiteral("width")).toString();
            if (xml.isStartElement() && (xml.name() == QLatin1String("path") || xml.name() == QLatin1String("polyline")))
                ++paths;
            if (xml.isCharacters() && xml.text().contains(QLatin1String("Learning curve")))
                title = true;
        }
        QVERIFY2(!xml.hasError(), qPrintable(xml.errorString()));
        QVERIFY2(paths > 20, qPrintable(QString::number(paths)));
        QVERIFY(readAll(file).contains("stroke=\"#202020\""));  // the ODE line, in its screen colour
        QVERIFY(title);
        // 3.4 in = 86.36 mm, to the whole pixel of the 96-dpi layout.
        QVERIFY2(width.endsWith(QStringLiteral("mm")) && std::abs(width.chopped(2).toDouble() - 86.36) < 0.3,
                 qPrintable(width));
        // Rendered back by Qt's own SVG renderer: not blank, and the curves' colours are there.
        QSvgRenderer renderer(file);
        QVERIFY(renderer.isValid());
        QImage back(652, 460, QImage::Format_ARGB32);
        back.fill(Qt::white);
        QPainter painter(&back);
        renderer.render(&painter);
        painter.end();
        QVERIFY(shareOf(back, QColor(0xD5, 0x5E, 0x00)) > 0.002);
        if (const QString keep = qEnvironmentVariable("AEDYN_SCREENSHOTS"); !keep.isEmpty())
            back.save(keep + QStringLiteral("/learning-svg-rendered.png"));
    }

    void pdfHasOnePageOfTheRequestedSize()
    {
        const QString file = path(QStringLiteral("learning.pdf"));
        QCOMPARE(exportFigure(store_, FigureChart::Learning, FigureOptions{}, file), QString());
        const QByteArray pdf = readAll(file);
        QVERIFY(pdf.startsWith("%PDF-"));
        QCOMPARE(pdf.count("/Type /Page\n") + pdf.count("/Type /Page\r") + pdf.count("/Type /Page "), 1);
        // MediaBox [0 0 w h] in points: 3.4 × 2.4 in is 244.8 × 172.8 pt (Qt rounds to whole points).
        const qsizetype at = pdf.indexOf("/MediaBox [");
        QVERIFY(at >= 0);
        const QList<QByteArray> box = pdf.mid(at + 11, pdf.indexOf(']', at) - at - 11).simplified().split(' ');
        QCOMPARE(box.size(), 4);
        QVERIFY2(std::abs(box[2].toDouble() - 244.8) <= 1 && std::abs(box[3].toDouble() - 172.8) <= 1,
                 pdf.mid(at, 60).constData());
        QVERIFY(pdf.trimmed().endsWith("%%EOF"));
    }

    void badFilesSayWhyAndLoseNothing()
    {
        const QString jpg = path(QStringLiteral("figure.jpg"));
        QVERIFY(exportFigure(store_, FigureChart::Learning, {}, jpg).contains(QStringLiteral("unknown figure format '.jpg'")));
        QVERIFY(!QFile::exists(jpg));
        // A folder that cannot exist (under a regular file): even root cannot write there.
        const QString plain = dir_.filePath(QStringLiteral("plain"));
        QFile f(plain);
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.close();
        const QString problem = exportFigure(store_, FigureChart::Learning, {}, plain + QStringLiteral("/x.svg"));
        QVERIFY2(problem.startsWith(QStringLiteral("cannot write ")), qPrintable(problem));
        // An export that fails leaves the previous file as it was.
        const QString kept = dir_.filePath(QStringLiteral("kept.png"));
        QCOMPARE(exportFigure(store_, FigureChart::Spectrum, {}, kept), QString());
        const QByteArray before = readAll(kept);
        FigureOptions absurd;
        absurd.dpi = 100000;
        QVERIFY(!exportFigure(store_, FigureChart::Spectrum, absurd, kept).isEmpty());
        QCOMPARE(readAll(kept), before);
        // 20 × 20 in at 2400 dpi is 2.3 gigapixels: refused at once, not allocated.
        FigureOptions huge;
        huge.widthInches = huge.heightInches = 20;
        huge.dpi = 2400;
        QVERIFY(exportFigure(store_, FigureChart::Spectrum, huge, kept).contains(QStringLiteral("megapixels")));
        QCOMPARE(readAll(kept), before);
    }

    void csvIsTidy()
    {
        const QByteArray csv = tidyCsv(store_, FigureChart::Dashboard, {}, true);
        const QList<QByteArray> lines = csv.trimmed().split('\n');
        const QList<QByteArray> header = lines.first().split(',');
        QCOMPARE(header.mid(0, 5), QList<QByteArray>({"t", "route", "run", "eps", "eps_sem"}));
        QVERIFY(header.contains("wnorm_3") && header.contains("vnorm_1") && header.contains("subspace_cos_3_3"));
        int ode = 0, mean = 0, runs = 0;
        for (qsizetype i = 1; i < lines.size(); ++i) {
            const QList<QByteArray> cells = lines[i].split(',');
            QCOMPARE(cells.size(), header.size());
            ode += cells[1] == "ode";
            mean += cells[1] == "sgd" && cells[2] == "mean";
            runs += cells[1] == "sgd" && (cells[2] == "1" || cells[2] == "2");
        }
        std::size_t theoryPoints = 0, simulationPoints = 0;
        // Every point a log axis can show (t = 0 is not drawn, so not written either).
        for (std::size_t i = 0; i < store_.theory().size(); ++i)
            theoryPoints += store_.theory()[i].has_value() && store_.setup().times[i] > 0;
        for (std::size_t i = 0; i < store_.simulation().size(); ++i)
            simulationPoints += store_.simulation()[i].has_value() && store_.simulationTimes()[i] > 0;
        QCOMPARE(std::size_t(ode), theoryPoints);
        QCOMPARE(std::size_t(mean), simulationPoints);
        QCOMPARE(std::size_t(runs), 2 * simulationPoints);  // one row per time and run
        QVERIFY(tidyCsv(store_, FigureChart::Spectrum).startsWith("mode,rho_over_D\n1,"));
    }

    // From the window: pinned runs travel into the figure and the CSV.
    void windowExportsPinsToo()
    {
        MainWindow w;
        w.panel()->setValue("D", QStringLiteral("200"));
        QTRY_VERIFY_WITH_TIMEOUT(w.theoryUpToDate(), 5000 * kSlowdown);
        w.keepRun();
        w.panel()->setValue("lr", QStringLiteral("0.5"));
        QTRY_VERIFY_WITH_TIMEOUT(w.theoryUpToDate(), 5000 * kSlowdown);
        const QString svg = path(QStringLiteral("with-pin.svg"));
        QCOMPARE(w.exportFigure(FigureChart::Learning, svg), QString());
        QVERIFY(readAll(svg).contains("kept: lr = 1"));
        const QString csv = path(QStringLiteral("with-pin.csv"));
        QCOMPARE(w.exportData(FigureChart::Learning, csv), QString());
        QVERIFY(readAll(csv).contains("kept-ode,lr = 1,"));
        w.copyFigure(FigureChart::Learning);
        const QImage copied = QGuiApplication::clipboard()->image();
        QCOMPARE(copied.size(), QSize(680, 480));  // 3.4 × 2.4 in at 200 dpi
        QVERIFY(shareOf(copied, QColor(0x20, 0x20, 0x20)) > 0.002);
        QVERIFY(!w.exportFigure(FigureChart::Learning, path(QStringLiteral("x.gif"))).isEmpty());
        QVERIFY(w.message().contains(QStringLiteral("Figure not exported")));
    }
};

QTEST_MAIN(TestFigureExport)
#include "tst_figureexport.moc"
