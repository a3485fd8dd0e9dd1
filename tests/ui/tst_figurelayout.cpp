// Figures for a journal page: every chart at the two print sizes (3.4 × 2.4 in, 7 × 4.8 in) with every word whole —
// no title, axis title, tick, legend label, panel letter or word of the overlap map elided ("…", or Qt Charts'
// "...") — no two words on top of each other and none off the page; the PDF of a figure holds every legend entry its
// picture shows (rendered back with pdftoppm); the typesetting options; pinned runs told apart by dash and marker.
// AEDYN_SCREENSHOTS=DIR keeps every figure as PNG for a person to look at.
#include "ChartStyle.h"
#include "Experiment.h"
#include "ExperimentWorkers.h"
#include "ExportDialog.h"
#include "FigureExport.h"
#include "FigureWords.h"
#include "ImageTiles.h"
#include "LearningCurveChart.h"
#include "LongTimeContinuation.h"
#include "OverlapMap.h"
#include "Presets.h"

#include <QApplication>
#include <QCheckBox>
#include <QComboBox>
#include <QDialogButtonBox>
#include <QDoubleSpinBox>
#include <QLineEdit>
#include <QPushButton>
#include <QChart>
#include <QChartView>
#include <QGraphicsSimpleTextItem>
#include <QGraphicsTextItem>
#include <QLabel>
#include <QLegend>
#include <QLegendMarker>
#include <QProcess>
#include <QScatterSeries>
#include <QSet>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>
#include <QTextDocument>
#include <QTextDocumentFragment>

#include <map>

Q_DECLARE_METATYPE(FigureChart)

namespace {

// The curves of a short run of a preset, filled in exactly as the app's workers do.
aedyn::RunResults shortRun(const std::string& preset, const std::vector<std::pair<std::string, std::string>>& set,
                           bool theory = true)
{
    aedyn::ExperimentConfig c = aedyn::presetConfig(preset);
    aedyn::applyParameters(c, set);
    const aedyn::Experiment e(c);
    aedyn::RunResults store;
    store.resetTheory(aedyn::setupOf(e));
    store.resetSimulation(aedyn::setupOf(e));
    if (theory)
        e.runShownTheory([&](std::size_t i, const aedyn::Observables& o) { store.setTheory(i, o); });
    // As aedyn-cli and the app do: figure 3's reduced ODE to t = 10⁸ (nothing for other settings).
    if (store.latestTheory() && e.hasTheory())
        store.setLongTime(aedyn::continueToLongTimes(aedyn::setupOf(e), *store.latestTheory()));
    e.runSimulation([&](std::size_t i, const std::vector<aedyn::Observables>& runs, const aedyn::Weights& w) {
        store.setSimulation(aedyn::simulationPointOf(i, runs));
        store.setFirstRunWeights(i, w);
    });
    return store;
}

// Every word the page shows: those of its charts and labels, and the words the overlap map and the image tiles
// paint (they record what they paint; grab() paints them).
QList<Word> wordsOn(QWidget* page)
{
    QList<Word> words = chartAndLabelWords(page);
    auto painted = [&](auto* view) {
        if (!view->isVisibleTo(page))
            return;
        view->grab();
        for (const auto& [box, text] : view->paintedTexts())
            words.append({box.translated(view->mapTo(page, QPoint())), text});
    };
    for (OverlapMap* map : page->findChildren<OverlapMap*>())
        painted(map);
    for (ImageTiles* tiles : page->findChildren<ImageTiles*>())
        painted(tiles);
    return words;
}

FigureOptions printSize(const QString& size)
{
    FigureOptions o;
    if (size == QLatin1String("double")) {
        o.widthInches = 7;
        o.heightInches = 4.8;
    }
    return o;
}

bool fashionMnist()
{
    return QFile::exists(QStringLiteral("/usr/share/datasets/fashion-mnist/train-images-idx3-ubyte.gz")) ||
           !qEnvironmentVariableIsEmpty("AEDYN_FASHION_MNIST");
}

} // namespace

class TestFigureLayout : public QObject {
    Q_OBJECT

    QTemporaryDir dir_;
    std::map<QString, aedyn::RunResults> runs_;

    const aedyn::RunResults& run(const QString& name)
    {
        if (!runs_.count(name)) {
            if (name == QLatin1String("fig2"))
                runs_[name] = shortRun("fig2-sequential", {{"D", "200"}, {"t_max", "60"}, {"runs", "2"}});
            else if (name == QLatin1String("fig3"))
                runs_[name] = shortRun("fig3-rescaling", {{"D", "200"}, {"t_max", "100"}, {"runs", "2"}});
            else if (name == QLatin1String("fig3 to 1000"))  // the preset's t_max: the reduced ODE's words too
                runs_[name] = shortRun("fig3-rescaling", {{"D", "200"}, {"t_max", "1000"}, {"runs", "1"}});
            else if (name == QLatin1String("fig4a"))
                runs_[name] = shortRun("fig4a-tied", {{"t_max", "300"}, {"runs", "2"}});
            else if (name == QLatin1String("fig4b without theory"))  // as aedyn-cli --no-ode
                runs_[name] = shortRun("fig4b-relu-bias", {{"D", "200"}, {"t_max", "30"}, {"runs", "2"}}, false);
            else if (name == QLatin1String("fig4b"))
                runs_[name] = shortRun("fig4b-relu-bias", {{"D", "200"}, {"t_max", "30"}, {"runs", "2"}});
            else
                runs_[name] = shortRun("fig5d-fashion-mnist", {{"t_max", "1"}});
        }
        return runs_[name];
    }

    QString keep(const QString& name) const
    {
        const QString dir = qEnvironmentVariable("AEDYN_SCREENSHOTS");
        return dir.isEmpty() ? QString() : dir + QLatin1Char('/') + name;
    }

private slots:
    void noWordElidedOrOverprinted_data()
    {
        QTest::addColumn<QString>("run");
        QTest::addColumn<FigureChart>("chart");
        QTest::addColumn<QString>("size");
        QTest::addColumn<bool>("titles");
        QTest::addColumn<bool>("pins");
        const FigureChart charts[] = {FigureChart::Learning, FigureChart::Norms, FigureChart::Weights,
                                      FigureChart::Spectrum, FigureChart::Dashboard, FigureChart::Eigenbasis};
        for (const char* run : {"fig2", "fig3", "fig5d"})
            for (FigureChart chart : charts)
                for (const char* size : {"single", "double"})
                    QTest::addRow("%s %s %s", run, qPrintable(figureChartName(chart)), size)
                        << QString::fromLatin1(run) << chart << QString::fromLatin1(size) << true << false;
        for (const char* size : {"single", "double"})
            QTest::addRow("fig3 to 1000 norms %s", size)
                << QStringLiteral("fig3 to 1000") << FigureChart::Norms << QString::fromLatin1(size) << true << false;
        for (const char* size : {"single", "double"})
            for (FigureChart chart : {FigureChart::Biases, FigureChart::Norms})
                QTest::addRow("fig4b %s %s", qPrintable(figureChartName(chart)), size)
                    << QStringLiteral("fig4b") << chart << QString::fromLatin1(size) << true << false;
        for (const char* size : {"single", "double"})  // the untied comparison's longer legend entry
            QTest::addRow("fig4a learning %s", size)
                << QStringLiteral("fig4a") << FigureChart::Learning << QString::fromLatin1(size) << true << false;
        for (const char* size : {"single", "double"}) {
            QTest::addRow("fig2 learning %s with pins", size)
                << QStringLiteral("fig2") << FigureChart::Learning << QString::fromLatin1(size) << true << true;
            QTest::addRow("fig2 dashboard %s without titles", size)
                << QStringLiteral("fig2") << FigureChart::Dashboard << QString::fromLatin1(size) << false << false;
        }
    }

    void noWordElidedOrOverprinted()
    {
        QFETCH(QString, run);
        QFETCH(FigureChart, chart);
        QFETCH(QString, size);
        QFETCH(bool, titles);
        QFETCH(bool, pins);
        if (run == QLatin1String("fig5d") && !fashionMnist())
            QSKIP("FashionMNIST is not installed");
        FigureOptions o = printSize(size);
        o.titles = titles;
        o.panelLetter = QStringLiteral("a");
        if (chart == FigureChart::Dashboard && size == QLatin1String("single")) {
            // The four charts need the double column: a single column's page is refused, naming the size they need,
            // and nothing is written.
            const QString file = dir_.filePath(QStringLiteral("dashboard-single.png"));
            const QString problem = exportFigure(this->run(run), chart, o, file);
            QVERIFY2(problem.contains(QStringLiteral("3.4 × 2.4 in is too small for the four charts")) &&
                         problem.contains(QStringLiteral("at least 7 × 4.8 in")),
                     qPrintable(problem));
            QVERIFY(!QFile::exists(file));
            return;
        }
        if (pins) {
            const aedyn::RunResults& other = this->run(QStringLiteral("fig3"));
            PinnedCurve pin{QStringLiteral("spikes = 3, 5, 20, lr = 0.5"), {}, {}};
            const auto& times = other.setup().times;
            for (std::size_t i = 1; i < other.theory().size(); ++i)
                if (other.theory()[i])
                    pin.theory.append({times[i], other.theory()[i]->eps});
            o.pins = {pin, pin};
        }
        const auto page = figureWidget(this->run(run), chart, o);
        const QList<Word> words = wordsOn(page.get());
        if (const QString file = keep(QStringLiteral("layout-%1-%2-%3%4%5.png")
                                          .arg(run, figureChartName(chart), size, titles ? "" : "-untitled",
                                               pins ? "-pins" : ""));
            !file.isEmpty())
            renderFigure(this->run(run), chart, o).save(file);
        QVERIFY2(words.size() >= 5, qPrintable(QString::number(words.size())));  // the walk finds the words
        // No control on a page: the image views once showed their "Units:" again after the page was laid out.
        for (const QWidget* w : page->findChildren<QWidget*>())
            QVERIFY2(!isControl(w) || !w->isVisibleTo(page.get()),
                     qPrintable(QStringLiteral("a control is on the page: %1 '%2'")
                                    .arg(QString::fromLatin1(w->metaObject()->className()),
                                         w->property("text").toString())));
        // No chart runs under its neighbour: Qt lays a widget out no smaller than its minimum, so a page too short
        // for a chart's minimum and the words under it overlaps them instead.
        QList<QPair<QString, QRect>> blocks;
        for (const QWidget* w : page->findChildren<QWidget*>())
            if (w->isVisibleTo(page.get()) &&
                (qobject_cast<const QChartView*>(w) || w->objectName() == QLatin1String("exponentBox")))
                blocks.append({QString::fromLatin1(w->metaObject()->className()),
                               QRect(w->mapTo(page.get(), QPoint(0, 0)), w->size())});
        QStringList overlaps;
        for (qsizetype i = 0; i < blocks.size(); ++i)
            for (qsizetype j = i + 1; j < blocks.size(); ++j)
                if (const QRect both = blocks[i].second & blocks[j].second; both.width() > 1 && both.height() > 1)
                    overlaps << QStringLiteral("%1 and %2 share %3×%4 px")
                                    .arg(blocks[i].first, blocks[j].first)
                                    .arg(both.width())
                                    .arg(both.height());
        QVERIFY2(overlaps.isEmpty(), qPrintable(overlaps.join(QStringLiteral("; "))));
        // And no chart squeezed to a strip by the words beside it: figure 3 at a single column once kept a plot of
        // 30 px of its 145 under seven lines of exponents.
        for (const QChartView* view : page->findChildren<QChartView*>())
            if (view->isVisibleTo(page.get()))
                QVERIFY2(view->chart()->plotArea().height() >= 0.3 * view->height(),
                         qPrintable(QStringLiteral("a plot %1 px high in a chart of %2 px")
                                        .arg(view->chart()->plotArea().height())
                                        .arg(view->height())));
        const QStringList problems =
            problemsOf(words, QRectF(QPointF(), page->size())) + emptiedLegendLabels(page.get());
        QVERIFY2(problems.isEmpty(), qPrintable(problems.join(QStringLiteral("; "))));
    }

    // The walk above sees what it claims to: a word elided by Qt Charts and two words on top of each other are
    // reported.
    void theWalkFindsElidedAndOverprintedWords()
    {
        QWidget page;
        page.resize(200, 150);
        auto* view = new QChartView(&page);
        view->resize(200, 150);
        view->chart()->setTitle(QStringLiteral("A title far too long for a chart two hundred pixels wide"));
        page.show();
        QVERIFY(QTest::qWaitForWindowExposed(&page));
        QApplication::processEvents();
        auto* a = new QGraphicsSimpleTextItem(QStringLiteral("one"), view->chart());
        auto* b = new QGraphicsSimpleTextItem(QStringLiteral("two"), view->chart());
        a->setPos(50, 60);
        b->setPos(55, 62);
        const QStringList problems = problemsOf(wordsOn(&page), QRectF(QPointF(), page.size()));
        QVERIFY2(problems.filter(QStringLiteral("elided: 'A title")).size() == 1, qPrintable(problems.join("; ")));
        QVERIFY2(problems.contains(QStringLiteral("'two' overprints 'one'")) ||
                     problems.contains(QStringLiteral("'one' overprints 'two'")),
                 qPrintable(problems.join("; ")));
    }

    // A figure's PDF shows every legend entry that its PNG shows: the PDF rendered back by pdftoppm has the ink of
    // each entry (marker and label) where the PNG has it. (pdftotext is no proof: it reads text that a clip hides.)
    void pdfShowsEveryLegendEntry_data()
    {
        QTest::addColumn<FigureChart>("chart");
        QTest::addColumn<QString>("size");
        for (const char* size : {"single", "double"})
            for (FigureChart chart : {FigureChart::Norms, FigureChart::Spectrum})
                QTest::addRow("%s %s", qPrintable(figureChartName(chart)), size) << chart << QString::fromLatin1(size);
        QTest::addRow("dashboard double") << FigureChart::Dashboard << QStringLiteral("double");
    }

    void pdfShowsEveryLegendEntry()
    {
        QFETCH(FigureChart, chart);
        QFETCH(QString, size);
        const QString pdftoppm = QStandardPaths::findExecutable(QStringLiteral("pdftoppm"));
        if (pdftoppm.isEmpty())
            QSKIP("pdftoppm (poppler-utils) is not installed");
        FigureOptions o = printSize(size);
        o.dpi = 150;
        const aedyn::RunResults& store = run(QStringLiteral("fig2"));
        const QList<Word> entries = legendEntries(figureWidget(store, chart, o).get());
        // The dashboard's: the learning curve's two, three units in the norm chart, the spectrum's two (the
        // eigenbasis view beside the overlap map names its units by the map's coloured rows).
        QVERIFY2(entries.size() >= (chart == FigureChart::Dashboard ? 7 : 2), qPrintable(QString::number(entries.size())));
        const QString kept = keep(QStringLiteral("legend-%1-%2").arg(figureChartName(chart), size));
        const QString base = kept.isEmpty() ? dir_.filePath(QStringLiteral("legend")) : kept;
        QCOMPARE(exportFigure(store, chart, o, base + QStringLiteral(".png")), QString());
        QCOMPARE(exportFigure(store, chart, o, base + QStringLiteral(".pdf")), QString());
        QProcess p;
        p.start(pdftoppm, {QStringLiteral("-png"), QStringLiteral("-r"), QString::number(o.dpi),
                           QStringLiteral("-singlefile"), base + QStringLiteral(".pdf"), base + QStringLiteral("-pdf")});
        QVERIFY(p.waitForFinished(60000) && p.exitCode() == 0);
        const QImage png(base + QStringLiteral(".png")), fromPdf(base + QStringLiteral("-pdf.png"));
        QVERIFY(!png.isNull() && !fromPdf.isNull());
        QStringList missing;
        for (const Word& e : entries) {
            const int inPng = inkIn(png, e.box, o.dpi), inPdf = inkIn(fromPdf, e.box, o.dpi);
            if (inPng == 0 || inPdf < inPng / 2)
                missing << QStringLiteral("%1 (ink %2 in the PNG, %3 in the PDF)").arg(e.text).arg(inPng).arg(inPdf);
        }
        QVERIFY2(missing.isEmpty(), qPrintable(QStringLiteral("not shown by the PDF: ") + missing.join(QStringLiteral(", "))));
    }

    // The typesetting options: no titles, the type size asked for, the panel letters in order, and bad values
    // refused naming them.
    void typesettingOptions()
    {
        FigureOptions o = printSize(QStringLiteral("double"));
        o.titles = false;
        o.fontPoints = 7;
        o.panelLetter = QStringLiteral("c");
        const auto page = figureWidget(run(QStringLiteral("fig2")), FigureChart::Dashboard, o);
        QStringList letters;
        for (QLabel* l : page->findChildren<QLabel*>(QStringLiteral("panelLetter")))
            if (l->isVisibleTo(page.get()))
                letters << l->text();
        QCOMPARE(letters, QStringList({"c", "d", "e", "f"}));
        for (QChartView* view : page->findChildren<QChartView*>()) {
            QVERIFY(view->chart()->title().isEmpty());
            for (QAbstractAxis* axis : view->chart()->axes())
                QCOMPARE(axis->labelsFont().pointSizeF(), 7.0);
        }
        QVERIFY(figureFontProblem(20).contains(QStringLiteral("20 pt")));
        QVERIFY(figureFontProblem(9).isEmpty());
        QVERIFY(panelLetterProblem(QStringLiteral("z"), FigureChart::Dashboard).contains(QStringLiteral("'z'")));
        QVERIFY(panelLetterProblem(QStringLiteral("z"), FigureChart::Norms).isEmpty());
        QVERIFY(panelLetterProblem(QStringLiteral("ab"), FigureChart::Norms).contains(QStringLiteral("'ab'")));
        QVERIFY(exportFigure(run(QStringLiteral("fig2")), FigureChart::Dashboard, o,
                             dir_.filePath(QStringLiteral("x.png")))
                    .isEmpty());
        o.panelLetter = QStringLiteral("x");
        QVERIFY(exportFigure(run(QStringLiteral("fig2")), FigureChart::Dashboard, o, dir_.filePath(QStringLiteral("y.png")))
                    .contains(QStringLiteral("panel letter 'x'")));
        QVERIFY(!QFile::exists(dir_.filePath(QStringLiteral("y.png"))));
    }

    // A page too small for its panels (the four charts in one column, or on a page just short of the double column)
    // is refused, naming the size they need, rather than written with its edge cutting them; nothing is written.
    void aPageTooSmallIsRefused()
    {
        const QString file = dir_.filePath(QStringLiteral("small.pdf"));
        const QString problem = exportFigure(run(QStringLiteral("fig2")), FigureChart::Dashboard, FigureOptions{}, file);
        QVERIFY2(problem.contains(QStringLiteral("3.4 × 2.4 in is too small for the four charts: they need at least "
                                                 "7 × 4.8 in")),
                 qPrintable(problem));
        QVERIFY(!QFile::exists(file));
        FigureOptions shorter = printSize(QStringLiteral("double"));
        shorter.heightInches = 4.5;
        QVERIFY(figurePageProblem(FigureChart::Dashboard, shorter).contains(QStringLiteral("7 × 4.5 in is too small")));
        QCOMPARE(figurePageProblem(FigureChart::Dashboard, printSize(QStringLiteral("double"))), QString());
        QCOMPARE(exportFigure(run(QStringLiteral("fig2")), FigureChart::Learning, FigureOptions{}, file), QString());
    }

    // The export dialog hands the typesetting to the export, and names a bad panel letter with the next step disabled.
    void exportDialogTypesetting()
    {
        ExportDialog dialog(FigureChart::Dashboard);
        auto* letter = dialog.findChild<QLineEdit*>();
        auto* titles = dialog.findChild<QCheckBox*>();
        QDoubleSpinBox* font = nullptr;
        for (QDoubleSpinBox* box : dialog.findChildren<QDoubleSpinBox*>())
            if (box->suffix() == QLatin1String(" pt"))
                font = box;
        QVERIFY(letter && titles && font);
        QPushButton* next = dialog.findChild<QDialogButtonBox*>()->button(QDialogButtonBox::Ok);
        letter->setText(QStringLiteral("x"));
        QVERIFY(!next->isEnabled());
        const QList<QLabel*> labels = dialog.findChildren<QLabel*>();
        QVERIFY(std::any_of(labels.begin(), labels.end(), [](QLabel* l) { return l->text().contains("'x'"); }));
        letter->setText(QStringLiteral("b"));
        QVERIFY(next->isEnabled());
        // The four charts on a single column's page: named with the size they need, the next step disabled.
        auto* size = dialog.findChildren<QComboBox*>().at(1);
        size->setCurrentIndex(0);
        QVERIFY(!next->isEnabled());
        QVERIFY(std::any_of(labels.begin(), labels.end(), [](QLabel* l) {
            return l->isVisibleTo(l->window()) && l->text().contains(QStringLiteral("at least 7 × 4.8 in"));
        }));
        size->setCurrentIndex(1);
        QVERIFY(next->isEnabled());
        titles->setChecked(false);
        font->setValue(7.5);
        const FigureOptions o = dialog.options();
        QCOMPARE(o.panelLetter, QStringLiteral("b"));
        QCOMPARE(o.titles, false);
        QCOMPARE(o.fontPoints, 7.5);
    }

    // Pinned runs differ from the current run and from each other in print: by dash pattern and by marker shape.
    void pinsHaveTheirOwnDashAndMarker()
    {
        FigureOptions o;
        PinnedCurve pin{QStringLiteral("lr = 0.5"), {{1, 0.4}, {10, 0.1}}, {{1, 0.41}, {10, 0.11}}};
        o.pins = {pin, pin};
        const auto page = figureWidget(run(QStringLiteral("fig2")), FigureChart::Learning, o);
        QList<QList<qreal>> dashes;
        QList<int> shapes;
        for (QAbstractSeries* s : page->findChild<QChartView*>()->chart()->series()) {
            if (auto* scatter = qobject_cast<QScatterSeries*>(s); scatter && scatter->count() > 0)
                shapes << scatter->markerShape();
            else if (auto* line = qobject_cast<QXYSeries*>(s); line && line->name().startsWith(QLatin1String("kept")))
                dashes << line->pen().dashPattern();
        }
        QCOMPARE(dashes.size(), 2);
        QVERIFY(!dashes.contains(QPen().dashPattern()) && dashes[0] != dashes[1]);
        QCOMPARE(shapes.size(), 3);  // the current run's SGD markers and each pin's
        QCOMPARE(QSet<int>(shapes.begin(), shapes.end()).size(), 3);
    }

    // The two maps' titles ("ODE, t = …", "SGD, t = …") are set in one type, at any size: the second used to take
    // the small type of the first map's numbers.
    void overlapMapTitlesShareOneType()
    {
        for (const QSize size : {QSize(190, 240), QSize(420, 300), QSize(300, 420)}) {
            OverlapMap map;
            map.resize(size);
            map.refresh(run(QStringLiteral("fig2")));
            map.grab();
            QList<qreal> heights;
            for (const auto& [box, text] : map.paintedTexts())
                if (text.startsWith(QLatin1String("ODE")) || text.startsWith(QLatin1String("SGD")))
                    heights << box.height();
            QCOMPARE(heights.size(), 2);
            QCOMPARE(heights[0], heights[1]);
        }
    }

    // On a page too, a PCA level's label stays clear of the simulation's markers: at one column figure 4a's top level
    // had no room above its line, and "PCA 0" sat below it, where the first plateau's markers ran through it.
    void pcaLabelsClearOfTheMarkers_data()
    {
        QTest::addColumn<QString>("run");
        QTest::addColumn<QString>("size");
        for (const char* run : {"fig4a", "fig2", "fig4b", "fig5d"})
            for (const char* size : {"single", "double"})
                QTest::addRow("%s %s", run, size) << QString::fromLatin1(run) << QString::fromLatin1(size);
    }
    void pcaLabelsClearOfTheMarkers()
    {
        QFETCH(QString, run);
        QFETCH(QString, size);
        if (run == QLatin1String("fig5d") && !fashionMnist())
            QSKIP("FashionMNIST is not installed");
        const auto page = figureWidget(this->run(run), FigureChart::Learning, printSize(size));
        const auto* curve = page->findChild<LearningCurveChart*>();
        QVERIFY(curve);
        const QList<QRectF> labels = curve->levelLabelBoxes();
        QVERIFY(labels.size() >= 2);
        // The untrained network's level is labelled (at one column figure 5d's was left out: no room above its line,
        // the next level's line below it).
        QVERIFY2(curve->levelLabelTexts().first().startsWith(QStringLiteral("PCA 0")) ||
                     curve->levelLabelTexts().first().startsWith(QStringLiteral("PCA rank 0")),
                 qPrintable(curve->levelLabelTexts().join(QStringLiteral(" | "))));
        // The short figure-5d run (t = 1) is still on its first plateau, along the top level's line, where no label
        // beside that line can miss the markers: there the placement can only hide the least.
        if (run == QLatin1String("fig5d"))
            return;
        QChart* chart = curve->chart();
        int markers = 0;
        for (QAbstractSeries* series : chart->series()) {
            auto* sgd = qobject_cast<QScatterSeries*>(series);
            if (!sgd || !sgd->isVisible())
                continue;
            const qreal r = sgd->markerSize() / 2;
            for (const QPointF& p : sgd->points()) {
                const QRectF marker(chart->mapToPosition(p, sgd) - QPointF(r, r), QSizeF(2 * r, 2 * r));
                ++markers;
                for (const QRectF& label : labels)
                    QVERIFY2(!label.intersects(marker),
                             qPrintable(QStringLiteral("a label at (%1, %2) covers the marker of t = %3")
                                            .arg(label.x()).arg(label.y()).arg(p.x())));
            }
        }
        QVERIFY(markers > 10);
    }

    // A run without theory (aedyn-cli --no-ode) names no ODE line; a tied network's figure draws and names the
    // untied comparison, as the window does.
    void legendNamesOnlyWhatIsDrawn()
    {
        auto entriesOf = [&](const char* name) {
            const auto page = figureWidget(run(QString::fromLatin1(name)), FigureChart::Learning, FigureOptions{});
            QStringList entries;
            for (const Word& e : legendEntries(page.get()))
                entries << e.text;
            return entries;
        };
        QStringList entries = entriesOf("fig4b without theory");
        QVERIFY2(entries.filter(QStringLiteral("ODE")).isEmpty(), qPrintable(entries.join(", ")));
        QVERIFY2(!entries.filter(QStringLiteral("SGD")).isEmpty(), qPrintable(entries.join(", ")));
        entries = entriesOf("fig4a");
        QVERIFY2(!entries.filter(QStringLiteral("ODE of untied")).isEmpty(), qPrintable(entries.join(", ")));
        QVERIFY2(!entries.filter(QStringLiteral("SGD")).isEmpty(), qPrintable(entries.join(", ")));
    }
};

QTEST_MAIN(TestFigureLayout)
#include "tst_figurelayout.moc"
