#include "MainWindow.h"

#include "BiasChart.h"
#include "ChartData.h"
#include "ChartStyle.h"
#include "ComparisonRunner.h"
#include "CostEstimate.h"
#include "EncoderWeightsChart.h"
#include "ExportDialog.h"
#include "LearningCurveChart.h"
#include "LectureStrip.h"
#include "ParameterPanel.h"
#include "Presets.h"
#include "ScreenMarkers.h"
#include "SpectrumChart.h"
#include "StaticItemCache.h"
#include "Theme.h"
#include "TimeCursor.h"
#include "SweepWindow.h"
#include "WeightNormChart.h"

#include <QAction>
#include <QApplication>
#include <QChartView>
#include <QBoxLayout>
#include <QClipboard>
#include <QCloseEvent>
#include <QDockWidget>
#include <QElapsedTimer>
#include <QFileDialog>
#include <QDir>
#include <QFileInfo>
#include <QLabel>
#include <QMenu>
#include <QMenuBar>
#include <QMessageBox>
#include <QProgressBar>
#include <QScrollArea>
#include <QSettings>
#include <QShortcut>
#include <QStatusBar>
#include <QToolBar>

#include <algorithm>

MainWindow::MainWindow(QWidget* parent)
    : QMainWindow(parent)
    , panel_(new ParameterPanel)
    , learningCurve_(new LearningCurveChart)
    , weightNorms_(new WeightNormChart)
    , encoderWeights_(new EncoderWeightsChart)
    , spectrum_(new SpectrumChart)
    , biases_(new BiasChart)
    , lectureStrip_(new LectureStrip(panel_))
    , banner_(new QLabel)
    , progress_(new QProgressBar)
    , progressText_(new QLabel)
    , routes_(new QLabel)
{
    setWindowTitle(session_.windowTitle());
    createToolbar();

    auto* scroll = new QScrollArea;
    scroll->setWidget(panel_);
    scroll->setWidgetResizable(true);
    scroll->setMinimumWidth(340);
    scroll->setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    dock_ = new QDockWidget(QStringLiteral("Parameters"));
    dock_->setObjectName(QStringLiteral("parameters"));
    dock_->setWidget(scroll);
    dock_->setFeatures(QDockWidget::DockWidgetMovable | QDockWidget::DockWidgetFloatable);
    addDockWidget(Qt::LeftDockWidgetArea, dock_);
    setCentralWidget(buildDashboard());
    // A refresh changes items all over a chart's scene. Qt's default update mode repaints their exposed pieces, which
    // came to about two paints of the learning curve per refresh; one rectangle around them all paints it once.
    for (QChartView* view : findChildren<QChartView*>())
        view->setViewportUpdateMode(QGraphicsView::BoundingRectViewportUpdate);
    createMenus();
    // The toolbar and dock layout of the last session (a preference; never the parameters).
    restoreState(QSettings().value(QStringLiteral("window/state")).toByteArray());
    // Until chosen, the theme follows the system's palette (design.md).
    setDarkTheme(QSettings()
                     .value(QStringLiteral("view/dark"), QApplication::palette().color(QPalette::Window).lightnessF() < 0.5)
                     .toBool());

    progress_->setRange(0, 1000);
    progress_->setMaximumWidth(240);
    statusBar()->addWidget(progressText_, 1);
    statusBar()->addPermanentWidget(routes_);
    statusBar()->addPermanentWidget(progress_);

    connect(&runs_, &RunController::resultsChanged, this, &MainWindow::scheduleRepaint);
    connect(&runs_, &RunController::statusChanged, this, [this] {
        // A run reports its progress about 50 times a second. Its words and bar are shown with the charts' next
        // round, painted in the same pass: on their own they were a second stream of repaints between the charts'.
        if (runs_.running() && !runs_.paused()) {
            if (!statusTimer_.isActive())
                statusTimer_.start(frameInterval);
        } else {
            statusTimer_.stop();
            updateStatus();
        }
        updateBanner();
        updateActions();
    });
    statusTimer_.setSingleShot(true);
    connect(&statusTimer_, &QTimer::timeout, this, &MainWindow::updateStatus);
    connect(&runs_, &RunController::theorySetupArrived, this, [this](const aedyn::RunSetup&) {
        // The controller has greyed a setup of parameters the panel has since left (a preset stepped during the
        // debounce); its eigenvalues are then not shown as the panel's.
        showEigenvalues();
    });
    connect(&runs_, &RunController::simulationFinished, this, &MainWindow::simulationFinished);
    connect(&runs_, &RunController::estimateChanged, this, &MainWindow::showCost);
    connect(&runs_, &RunController::pinPoint, this, [this](int pin, double t, double eps) {
        pins_.addTheoryPoint(pin, t, eps);
        scheduleRepaint();
    });

    theoryDebounce_.setSingleShot(true);
    theoryDebounce_.setInterval(150);
    connect(&theoryDebounce_, &QTimer::timeout, this, &MainWindow::requestTheory);
    repaintTimer_.setSingleShot(true);
    connect(&repaintTimer_, &QTimer::timeout, this, &MainWindow::refreshNextChart);
    connect(panel_, &ParameterPanel::configChanged, this, &MainWindow::parametersChanged);
    // Another preset is another experiment: the old run's points must not sit under the new theory.
    connect(panel_, &ParameterPanel::presetSelected, this, [this] {
        // A preset is chosen, not typed: its theory starts now, without the pause that waits for typing to stop.
        theoryDebounce_.stop();
        requestTheory();
        runs_.clearSimulation();
        timeCursor_->setTime(std::nullopt);  // a new experiment starts at its latest point
    });
    parametersChanged();
    if (const auto config = panelConfig())
        runs_.requestTheory(*config);
}

MainWindow::~MainWindow() { runs_.shutDown(); }

std::optional<aedyn::ExperimentConfig> MainWindow::panelConfig() const { return panel_->config(); }

void MainWindow::createToolbar()
{
    toolbar_ = addToolBar(QStringLiteral("Run"));
    toolbar_->setObjectName(QStringLiteral("runToolbar"));
    toolbar_->setMovable(false);
    run_ = toolbar_->addAction(QStringLiteral("▶ Run"), this, &MainWindow::runSimulation);
    pause_ = toolbar_->addAction(QStringLiteral("❚❚ Pause"), this, &MainWindow::togglePause);
    stop_ = toolbar_->addAction(QStringLiteral("■ Stop"), this, &MainWindow::stopSimulation);
    reset_ = toolbar_->addAction(QStringLiteral("↺ Reset"), this, &MainWindow::resetSimulation);
    // What Run will cost, measured before it is pressed.
    cost_ = new QLabel;
    cost_->setObjectName(QStringLiteral("runCost"));
    cost_->setContentsMargins(6, 0, 6, 0);
    toolbar_->insertWidget(pause_, cost_);
    pause_->setToolTip(QStringLiteral("Pause or resume the simulation (Space)"));
    stop_->setToolTip(QStringLiteral("Stop the simulation; what was computed stays drawn"));
    reset_->setToolTip(QStringLiteral("Stop and clear the simulation curves (R)"));
    reset_->setShortcut(Qt::Key_R);
    // Space starts a run when none is under way and pauses or resumes one otherwise (design.md).
    connect(new QShortcut(Qt::Key_Space, this), &QShortcut::activated, this, &MainWindow::togglePause);
    toolbar_->addSeparator();
    QAction* lecture = toolbar_->addAction(QStringLiteral("⤢ Lecture"), this, [this] { setLectureMode(!lectureMode()); });
    lecture->setShortcuts({Qt::Key_F11, Qt::Key_L});
    lecture->setToolTip(QStringLiteral("Lecture mode: full screen, large type, the preset's story (F11 or L)"));
    // Added to the window, not the toolbar, so that they work while the toolbar is hidden in lecture mode.
    addAction(lecture);
    addAction(reset_);
    toolbar_->addSeparator();
    QAction* sweep = sweepAction_ = toolbar_->addAction(QStringLiteral("⇶ Sweep"), this, &MainWindow::showSweep);
    sweep->setShortcut(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_W));
    sweep->setToolTip(QStringLiteral("Sweep one or two parameters: a family of learning curves or a phase diagram "
                                     "of the theory (Ctrl+Shift+W)"));
    addAction(sweep);
    toolbar_->addSeparator();
    logError_ = toolbar_->addAction(QStringLiteral("log ε axis"));
    logError_->setCheckable(true);
    logError_->setChecked(true);
    logError_->setToolTip(QStringLiteral("Logarithmic or linear test-error axis (applies live)"));
    individualRuns_ = toolbar_->addAction(QStringLiteral("individual runs"));
    individualRuns_->setCheckable(true);
    individualRuns_->setToolTip(QStringLiteral("Show every SGD run as faded markers (applies live)"));
    connect(individualRuns_, &QAction::toggled, this, [this](bool on) {
        learningCurve_->setShowRuns(on);
        repaintCharts();
    });
    connect(logError_, &QAction::toggled, this, [this](bool on) {
        learningCurve_->setLogError(on);
        repaintCharts();
    });
    // The time cursor has a toolbar of its own, beside the run controls where the window is wide enough and on a
    // second row where it is not (placeTimeBar): in one toolbar it went behind the "»" of a 1024-pixel screen.
    timeBar_ = addToolBar(QStringLiteral("Time"));
    timeBar_->setObjectName(QStringLiteral("timeToolbar"));
    timeBar_->setMovable(false);
    timeCursor_ = new TimeCursor;
    timeBar_->addWidget(timeCursor_);
    connect(timeCursor_, &TimeCursor::timeChanged, this, [this] {
        runs_.setCursor(timeCursor_->time());
        repaintCharts();
    });
}

QWidget* MainWindow::buildDashboard()
{
    banner_->setVisible(false);
    banner_->setWordWrap(true);
    banner_->setStyleSheet(QStringLiteral("background: #FFF3CD; color: #5C4400; padding: 6px; border: 1px solid #E6C35C"));
    auto* central = new QWidget;
    auto* layout = new QVBoxLayout(central);
    lectureStrip_->setVisible(false);
    layout->addWidget(lectureStrip_);
    connect(lectureStrip_, &LectureStrip::runPauseClicked, this, &MainWindow::togglePause);
    connect(lectureStrip_, &LectureStrip::resetClicked, this, &MainWindow::resetSimulation);
    connect(lectureStrip_, &LectureStrip::leaveClicked, this, [this] { setLectureMode(false); });
    // The toolbar's time cursor is hidden in lecture mode: the strip replays the run with it.
    connect(lectureStrip_, &LectureStrip::replayClicked, this, [this] { timeCursor_->replay(!timeCursor_->replaying()); });
    connect(timeCursor_, &TimeCursor::replayingChanged, lectureStrip_, &LectureStrip::setReplaying);
    layout->addWidget(banner_);
    // The learning curve is the hero: top left, in the wider column of the taller row. The spectrum needs the
    // least room, so the weights beside it get more.
    auto* top = new QHBoxLayout;
    top->addWidget(learningCurve_, 3);
    top->addWidget(weightNorms_, 2);
    auto* bottom = new QHBoxLayout;
    bottom->addWidget(encoderWeights_, 7);
    bottom->addWidget(biases_, 3);
    bottom->addWidget(spectrum_, 3);
    biases_->hide();
    auto* rows = new QVBoxLayout;
    rows->addLayout(top, 3);
    rows->addLayout(bottom, 2);
    layout->addLayout(rows, 1);
    charts_ = {learningCurve_, weightNorms_, encoderWeights_, spectrum_, biases_};
    // Right-click on a chart: copy it, export it as a figure or its numbers as CSV.
    const std::pair<QWidget*, FigureChart> menus[] = {{learningCurve_, FigureChart::Learning},
                                                      {weightNorms_, FigureChart::Norms},
                                                      {encoderWeights_, FigureChart::Weights},
                                                      {spectrum_, FigureChart::Spectrum},
                                                      {biases_, FigureChart::Biases}};
    for (const auto& [widget, chart] : menus) {
        QList<QWidget*> targets = widget->findChildren<QWidget*>();
        targets.prepend(widget);
        for (QWidget* w : targets) {
            w->setContextMenuPolicy(Qt::CustomContextMenu);
            connect(w, &QWidget::customContextMenuRequested, this,
                    [this, w, c = chart](const QPoint& at) { showChartMenu(c, w, at); });
        }
    }
    for (QWidget* w : charts_) {
        w->setMinimumSize(200, 150);
        if (w->toolTip().isEmpty())
            w->setToolTip(QStringLiteral("Double-click to maximise this chart, again to restore the dashboard"));
        w->installEventFilter(this);
        for (QWidget* child : w->findChildren<QWidget*>())
            child->installEventFilter(this);
    }
    // On a short screen (a 1280×720 projector) the 3:2 rows left the bottom charts about 170 px: ticks elided to
    // "…", titles cut, image tiles unreadable. The bottom row keeps enough for its charts to read; the rest goes to
    // the hero row.
    for (QWidget* w : std::initializer_list<QWidget*>{encoderWeights_, biases_, spectrum_})
        w->setMinimumHeight(240);
    lecture_ = new LectureMode({this,
                                {toolbar_, timeBar_, dock_, menuBar()},
                                lectureStrip_,
                                top,
                                {{QStringLiteral("weights"), tr("weights"), encoderWeights_},
                                 {QStringLiteral("norms"), tr("norms"), weightNorms_},
                                 {QStringLiteral("spectrum"), tr("spectrum"), spectrum_},
                                 // Figure 4c's story: only where the biases are trained.
                                 {QStringLiteral("biases"), tr("biases"), biases_,
                                  [this] {
                                      const auto c = panelConfig();
                                      return c && c->bias;
                                  }}},
                                {learningCurve_, weightNorms_, encoderWeights_, spectrum_, biases_}},
                               this);
    connect(lecture_, &LectureMode::toggled, this, &MainWindow::repaintCharts);
    return central;
}

void MainWindow::closeEvent(QCloseEvent* e)
{
    // Window layout is a preference, kept across sessions; the science lives in project files only.
    QSettings settings;
    settings.setValue(QStringLiteral("window/geometry"), saveGeometry());
    settings.setValue(QStringLiteral("window/state"), saveState());
    runs_.shutDown();
    e->accept();
}

void MainWindow::setDarkTheme(bool on)
{
    dark_ = on;
    // The window and what it holds; exported pages, built apart from it, keep the application's light palette.
    setPalette(on ? themePalette(true) : QApplication::palette());
    if (darkAction_->isChecked() != on)
        darkAction_->setChecked(on);
    lecture_->setDark(on);
    repaintCharts();
}

void MainWindow::showEigenvalues()
{
    const aedyn::RunSetup& s = runs_.results().setup();
    if (runs_.results().theoryStale || s.trackedRho.empty())
        panel_->setEigenvalues({}, 0, 0);  // the spectrum of the new parameters is still to come
    else
        panel_->setEigenvalues(s.trackedRho, s.bulkRho, s.bulkCount);
}

void MainWindow::requestTheory()
{
    // Parameters edited back to those already requested need no new integration.
    if (const auto config = panelConfig(); config && !theoryRequested())
        runs_.requestTheory(*config);
}

bool MainWindow::theoryRequested() const
{
    const auto config = panelConfig();
    const auto& requested = runs_.requestedTheory();
    return config && requested && aedyn::parameterValues(*config) == aedyn::parameterValues(*requested);
}

void MainWindow::parametersChanged()
{
    // What is drawn greys while it differs from the fields; the theory follows after a short pause in typing.
    const auto config = panelConfig();
    runs_.markStale(config);
    showEigenvalues();
    if (config)
        theoryDebounce_.start();
    updatePinMenu();  // pin labels name the parameters that differ from the current ones
    updateActions();
}

void MainWindow::runSimulation()
{
    if (const auto config = panelConfig(); config && !runs_.running()) {
        runs_.run(*config);
        updateActions();
    }
}

void MainWindow::togglePause()
{
    if (!runs_.running())
        runSimulation();
    else
        runs_.togglePause();
    updateActions();
}

void MainWindow::showCost()
{
    const double seconds = runs_.estimatedSeconds();
    if (seconds <= 0) {
        cost_->setText(QStringLiteral("≈ …"));
        cost_->setStyleSheet(QString());
        cost_->setToolTip(QStringLiteral("Measuring what a run of these parameters costs on this machine"));
        placeTimeBar();  // the run toolbar's width follows the estimate's text
        return;
    }
    const QString duration = QString::fromStdString(aedyn::formatDuration(seconds));
    // Past a few minutes a lecture or a quick comparison is better served by a smaller run: say so before Run.
    const bool long_ = seconds > 180;
    cost_->setText(QStringLiteral("≈ %1%2").arg(duration, long_ ? QStringLiteral(" ⚠") : QString()));
    cost_->setStyleSheet(long_ ? QStringLiteral("color: #B35900; font-weight: bold") : QString());
    cost_->setToolTip(QStringLiteral("A run of these parameters takes about %1 on this machine (measured from a short "
                                     "burst of its SGD steps)%2")
                          .arg(duration, long_ ? QStringLiteral(". Lower t_max, runs or D for a quicker one.")
                                               : QString()));
    placeTimeBar();
}

void MainWindow::updateStatus()
{
    progress_->setValue(static_cast<int>(1000 * runs_.progressFraction()));
    progressText_->setText(runs_.progressText());
    routes_->setText(runs_.routesText());
}

void MainWindow::updateActions()
{
    const bool valid = panelConfig().has_value();
    const bool running = runs_.running();
    run_->setEnabled(valid && !running);
    run_->setToolTip(valid ? QStringLiteral("Start the SGD simulation with the current parameters (Space)")
                           : QStringLiteral("Fix the parameter marked in red first: ") + panel_->problem());
    pause_->setEnabled(running);
    pause_->setText(runs_.paused() ? QStringLiteral("▶ Resume") : QStringLiteral("❚❚ Pause"));
    lectureStrip_->setRunning(running, runs_.paused());
    stop_->setEnabled(running);
}

void MainWindow::updateBanner()
{
    QStringList messages;
    for (const QString& m : {fileMessage_, runs_.theoryMessage(), runs_.simulationMessage()})
        if (!m.isEmpty())
            messages << m;
    banner_->setText(messages.join(QLatin1Char('\n')));
    banner_->setVisible(!messages.isEmpty());
}

QString MainWindow::costText() const { return cost_->text(); }

QString MainWindow::message() const { return banner_->isHidden() ? QString() : banner_->text(); }

void MainWindow::scheduleRepaint()
{
    newResults_ = true;
    if (repaintTimer_.isActive() || !dueCharts_.empty())
        return;  // the round in progress starts the next one when it ends
    repaintTimer_.start(untilNextRound());
}

int MainWindow::untilNextRound() const
{
    // At most one round per frame interval; after a quiet spell the first new point is drawn at once.
    const qint64 since = roundClock_.isValid() ? roundClock_.elapsed() : frameInterval;
    return static_cast<int>(std::max<qint64>(0, frameInterval - since));
}

// The spectrum has a turn of its own when it changes (a new set-up): with the weights' refresh it made a frame of
// over 20 ms. A turn that would change nothing is not taken: it would be a frame with nothing painted.
std::vector<DashboardChart*> MainWindow::turns() const
{
    std::vector<DashboardChart*> charts{learningCurve_, weightNorms_, encoderWeights_};
    if (!spectrum_->shows(runs_.results()))
        charts.push_back(spectrum_);
    return charts;
}

void MainWindow::refreshTurn(DashboardChart* chart)
{
    if (chart == learningCurve_)
        prepareLearningCurve();
    chart->refresh(runs_.results());
    // The biases change little: they share the weights' turn.
    if (chart == encoderWeights_) {
        showBiases();
        if (!biases_->isHidden())
            biases_->refresh(runs_.results());
    }
}

void MainWindow::refreshNextChart()
{
    if (dueCharts_.empty()) {
        if (!newResults_)
            return;
        newResults_ = false;
        roundClock_.start();
        dueCharts_ = turns();
        if (statusTimer_.isActive()) {
            statusTimer_.stop();
            updateStatus();
        }
    }
    DashboardChart* chart = dueCharts_.front();
    dueCharts_.erase(dueCharts_.begin());
    timeFrame([&] { refreshTurn(chart); });
    if (!dueCharts_.empty())
        repaintTimer_.start(sliceGap);
    else if (newResults_)
        repaintTimer_.start(untilNextRound());
}

void MainWindow::repaintCharts()
{
    timeFrame([&] {
        for (DashboardChart* chart : turns())
            refreshTurn(chart);
    });
    dueCharts_.clear();
    newResults_ = false;
}

void MainWindow::prepareLearningCurve()
{
    learningCurve_->setPins(pins_.curves(panelConfig()));
    // The cursor's grid: the times with data of the simulation where there is one, else of the theory.
    std::vector<double> times;
    const aedyn::RunResults& r = runs_.results();
    for (std::size_t i = 0; i < r.simulation().size(); ++i)
        if (r.simulation()[i])
            times.push_back(r.simulationTimes()[i]);
    if (times.empty())
        for (std::size_t i = 0; i < r.theory().size(); ++i)
            if (r.theory()[i])
                times.push_back(r.setup().times[i]);
    timeCursor_->setTimes(times);
}

void MainWindow::timeFrame(const std::function<void()>& refresh)
{
    QElapsedTimer timer;
    timer.start();
    refresh();
    for (QChartView* view : findChildren<QChartView*>()) {
        cacheStaticItems(*view->scene());
        drawMarkersAsImages(*view->chart(), view->devicePixelRatioF());
    }
    // Refreshes that no painting has followed yet belong to the same frame.
    const double ms = timer.nsecsElapsed() / 1e6;
    if (frameMs_.empty() || framePainted_)
        frameMs_.push_back(ms);
    else
        frameMs_.back() += ms;
    framePainted_ = false;
}

void MainWindow::placeTimeBar()
{
    // Both toolbars' full widths against the window's: the break must not depend on where the time bar is now.
    const int needed = toolbar_->sizeHint().width() + timeBar_->sizeHint().width();
    const bool ownRow = needed > width();
    if (ownRow != toolBarBreak(timeBar_)) {
        if (ownRow)
            insertToolBarBreak(timeBar_);
        else
            removeToolBarBreak(timeBar_);
    }
}

void MainWindow::resizeEvent(QResizeEvent* e)
{
    QMainWindow::resizeEvent(e);
    placeTimeBar();
}

bool MainWindow::event(QEvent* e)
{
    if (e->type() != QEvent::UpdateRequest)
        return QMainWindow::event(e);
    // The window paints its dirty widgets here: the rest of a frame after repaintCharts(). A chart view's scene
    // asks for its own paint a moment after the first one, so every paint until the next refresh counts.
    QElapsedTimer timer;
    timer.start();
    const bool handled = QMainWindow::event(e);
    if (!frameMs_.empty()) {
        frameMs_.back() += timer.nsecsElapsed() / 1e6;
        framePainted_ = true;
    }
    return handled;
}

void MainWindow::showBiases()
{
    const aedyn::RunResults& r = runs_.results();
    const bool trained = r.setup().config.bias || (r.simulationSetup().K > 0 && r.simulationSetup().config.bias);
    const bool maximised = std::any_of(charts_.begin(), charts_.end(), [this](QWidget* w) { return w != biases_ && w->isHidden(); });
    if (lectureMode())
        return;  // there the lecture's companion view decides
    const bool show = trained && (!maximised || !biases_->isHidden());
    if (biases_->isHidden() == show)
        biases_->setVisible(show);
}

std::pair<double, double> MainWindow::frameStats() const
{
    if (frameMs_.empty())
        return {0, 0};
    std::vector<double> v = frameMs_;
    std::sort(v.begin(), v.end());
    return {v.back(), v[v.size() / 2]};
}

bool MainWindow::eventFilter(QObject* watched, QEvent* event)
{
    if (event->type() == QEvent::MouseButtonDblClick) {
        // Maximise the chart that was double-clicked, or restore the dashboard.
        QWidget* chart = nullptr;
        for (QWidget* w : charts_)
            if (watched == w || w->isAncestorOf(qobject_cast<QWidget*>(watched)))
                chart = w;
        if (chart) {
            const bool alone = std::all_of(charts_.begin(), charts_.end(),
                                           [&](QWidget* w) { return w == chart || !w->isVisible(); });
            for (QWidget* w : charts_)
                w->setVisible(alone || w == chart);
            showBiases();
            return true;
        }
    }
    return QMainWindow::eventFilter(watched, event);
}

void MainWindow::createMenus()
{
    QMenu* file = menuBar()->addMenu(tr("&File"));
    file->addAction(tr("&Open project…"), QKeySequence::Open, this, [this] {
        const QString path = QFileDialog::getOpenFileName(this, tr("Open project"), QString(),
                                                          tr("AEDyn projects (*.aedyn *.json);;All files (*)"));
        if (!path.isEmpty())
            openProject(path);
    });
    recentMenu_ = file->addMenu(tr("Open &recent"));
    auto saveAs = [this] {
        QString path = QFileDialog::getSaveFileName(this, tr("Save project"), projectPath(),
                                                    tr("AEDyn projects (*.aedyn);;JSON (*.json)"));
        if (path.isEmpty())
            return;
        if (QFileInfo(path).suffix().isEmpty())
            path += QStringLiteral(".aedyn");
        saveProject(path);
    };
    file->addAction(tr("&Save project"), QKeySequence::Save, this, [this, saveAs] {
        if (projectPath().isEmpty())
            saveAs();
        else
            saveProject(projectPath());
    });
    file->addAction(tr("Save project &as…"), QKeySequence::SaveAs, this, saveAs);
    file->addSeparator();
    file->addAction(tr("&Export figure…"), QKeySequence(Qt::CTRL | Qt::Key_E), this,
                    [this] { showExportDialog(FigureChart::Learning); });
    file->addAction(tr("Export &data (CSV)…"), this, [this] { exportDataDialog(FigureChart::Dashboard); });
    file->addSeparator();
    file->addAction(tr("&Quit"), QKeySequence::Quit, this, &QWidget::close);
    updateRecentMenu();
    pinMenu_ = menuBar()->addMenu(tr("&Compare"));
    comparisons_ = new ComparisonRunner(this);
    connect(comparisons_, &ComparisonRunner::progressed, this, [this] {
        statusBar()->showMessage(comparisons_->statusText());
        updatePinMenu();
    });
    connect(comparisons_, &ComparisonRunner::finished, this, [this](const QString& failure) {
        statusBar()->showMessage(failure.isEmpty() ? tr("Comparison complete: the earlier steps are kept as pins")
                                                   : tr("Comparison ended: %1").arg(failure),
                                 10000);
    });
    updatePinMenu();
    QMenu* view = menuBar()->addMenu(tr("&View"));
    darkAction_ = view->addAction(tr("&Dark theme"), this, [this](bool on) {
        setDarkTheme(on);
        QSettings().setValue(QStringLiteral("view/dark"), on);  // a choice, kept; until then the system's
    });
    darkAction_->setCheckable(true);
    darkAction_->setShortcut(Qt::Key_D);
    // On the window too, so that D works in lecture mode, where the menu bar is hidden.
    addAction(darkAction_);
    // The toolbar's action: one shortcut, wherever the action shows.
    menuBar()->addMenu(tr("S&weep"))->addAction(sweepAction_);
    QMenu* help = menuBar()->addMenu(tr("&Help"));
    help->addAction(tr("&Keyboard shortcuts"), QKeySequence::HelpContents, this, [this] {
        QMessageBox::information(this, tr("Keyboard shortcuts"), shortcutsText());
    });
    help->addAction(tr("&About AEDyn"), this, [this] {
        QMessageBox::about(this, tr("About AEDyn"),
                           tr("<b>AEDyn %1</b><p>Watch a shallow non-linear autoencoder learn by online SGD, next to the "
                              "exact ODE theory of its test error.</p><p>After M. Refinetti and S. Goldt, <i>The "
                              "dynamics of representation learning in shallow, non-linear autoencoders</i>, ICML 2022. "
                              "Every equation is in docs/theory.md.</p>")
                               .arg(QStringLiteral(AEDYN_VERSION)));
    });
}

QString MainWindow::shortcutsText()
{
    return tr("<table cellpadding=3>"
              "<tr><td><b>Space</b></td><td>Run, or pause and resume the run</td></tr>"
              "<tr><td><b>R</b></td><td>Reset: stop and clear the simulation</td></tr>"
              "<tr><td><b>L</b> or <b>F11</b></td><td>Lecture mode on and off</td></tr>"
              "<tr><td><b>→ / ←</b></td><td>In lecture mode: the next or previous preset of the paper's story</td></tr>"
              "<tr><td><b>V</b></td><td>In lecture mode: the next chart beside the learning curve</td></tr>"
              "<tr><td><b>P</b></td><td>In lecture mode: replay the run (the toolbar's time cursor), or stop the replay</td></tr>"
              "<tr><td><b>Esc</b></td><td>Leave lecture mode</td></tr>"
              "<tr><td><b>D</b></td><td>Dark theme on and off (exported figures stay black on white)</td></tr>"
              "<tr><td><b>Ctrl+K</b></td><td>Keep this run for comparison</td></tr>"
              "<tr><td><b>Ctrl+E</b></td><td>Export a figure</td></tr>"
              "<tr><td><b>Ctrl+Shift+W</b></td><td>Sweep one or two parameters (curve family or phase diagram)</td></tr>"
              "<tr><td><b>Ctrl+O / Ctrl+S</b></td><td>Open or save a project</td></tr>"
              "<tr><td><b>Double-click</b></td><td>Maximise a chart, again to restore the dashboard</td></tr>"
              "<tr><td><b>Drag</b> on the weight chart</td><td>Choose the power-law fit window</td></tr>"
              "</table>");
}

Project MainWindow::currentProject() const
{
    Project p;
    p.preset = panel_->presetName();
    // Invalid fields are not saved: the last valid configuration is what a Run would use.
    p.config = panelConfig().value_or(aedyn::presetConfig(p.preset.toStdString()));
    for (int i = 0; i < pins_.count(); ++i)
        p.pins.append({QString(), pins_.config(i)});
    p.display.logError = logError_->isChecked();
    p.display.individualRuns = individualRuns_->isChecked();
    std::tie(p.display.fitFrom, p.display.fitTo) = weightNorms_->fitWindow();
    return p;
}

bool MainWindow::openProject(const QString& path)
{
    QString error;
    const auto project = session_.open(path, &error);
    fileMessage_ = project ? QString() : tr("Not opened: %1").arg(error);
    if (project)
        applyProject(*project);
    updateBanner();
    updateRecentMenu();
    setWindowTitle(session_.windowTitle());
    return project.has_value();
}

bool MainWindow::saveProject(const QString& path)
{
    QString error;
    const bool saved = session_.save(path, currentProject(), &error);
    fileMessage_ = saved ? QString() : tr("Not saved: %1").arg(error);
    updateBanner();
    updateRecentMenu();
    setWindowTitle(session_.windowTitle());
    return saved;
}

void MainWindow::applyProject(const Project& p)
{
    // The preset gives the caption; the project's parameters then replace the preset's.
    if (!p.preset.isEmpty())
        panel_->selectPreset(p.preset);
    panel_->setConfig(p.config);
    logError_->setChecked(p.display.logError);
    individualRuns_->setChecked(p.display.individualRuns);
    if (p.display.fitTo > 0)
        weightNorms_->restoreFitWindow(p.display.fitFrom, p.display.fitTo);
    pins_.clear();
    runs_.forgetPinTheories();
    for (const PinnedRun& pin : p.pins)
        runs_.computePinTheory(pins_.add(pin.config), pin.config);
    updatePinMenu();
    scheduleRepaint();
}

void MainWindow::keepRun()
{
    if (!runs_.theoryConfig() || !pins_.keep(runs_.results(), *runs_.theoryConfig()))
        return;  // nothing drawn yet
    runs_.forgetPinTheories();  // a pin still computing from a project keeps what it has
    updatePinMenu();
    scheduleRepaint();
}

void MainWindow::removePin(int index)
{
    pins_.remove(index);
    runs_.forgetPinTheories();
    updatePinMenu();
    scheduleRepaint();
}

SweepWindow* MainWindow::sweepWindow()
{
    if (!sweep_) {
        sweep_ = new SweepWindow(this);
        sweep_->setBase(panelConfig(), panel_->presetName());
        // The sweep follows the panel: every point starts from the parameters there.
        connect(panel_, &ParameterPanel::configChanged, sweep_,
                [this] { sweep_->setBase(panelConfig(), panel_->presetName()); });
    }
    return sweep_;
}

void MainWindow::showSweep()
{
    sweepWindow()->show();
    sweep_->raise();
    sweep_->activateWindow();
}

QString MainWindow::pinLabel(int index) const { return pins_.label(index, panelConfig()); }

void MainWindow::updatePinMenu()
{
    pinMenu_->clear();
    pinMenu_->addAction(tr("&Keep this run"), QKeySequence(Qt::CTRL | Qt::Key_K), this, &MainWindow::keepRun)
        ->setToolTip(tr("Keep the curves on screen as a faded overlay to compare with the next parameters"));
    QMenu* paper = pinMenu_->addMenu(tr("&Paper comparisons"));
    for (const aedyn::Comparison& c : aedyn::comparisons()) {
        QAction* a = paper->addAction(QString::fromStdString(c.title), this, [this, c] { comparisons_->start(c); });
        a->setToolTip(tr("Runs each curve of the figure (theory and SGD) and keeps all but the last as pins"));
        a->setEnabled(!comparisons_->active());
    }
    if (pins_.count() == 0)
        return;
    pinMenu_->addSeparator();
    for (int i = 0; i < pins_.count(); ++i)
        pinMenu_->addAction(tr("Remove \"%1\"").arg(pinLabel(i)), this, [this, i] { removePin(i); });
    pinMenu_->addAction(tr("Remove all"), this, [this] {
        pins_.clear();
        updatePinMenu();
        scheduleRepaint();
    });
}

void MainWindow::updateRecentMenu()
{
    recentMenu_->clear();
    const QStringList recent = session_.recent();
    for (const QString& path : recent)
        recentMenu_->addAction(QFileInfo(path).fileName(), this, [this, path] { openProject(path); })
            ->setToolTip(path);
    recentMenu_->setEnabled(!recent.isEmpty());
}

FigureOptions MainWindow::displayOptions(FigureOptions size) const
{
    size.logError = logError_->isChecked();
    size.individualRuns = individualRuns_->isChecked();
    size.fitWindow = weightNorms_->fitWindow();
    size.weightsView = encoderWeights_->view();
    size.pins = pins_.curves(panelConfig());
    return size;
}

QString MainWindow::exportFigure(FigureChart chart, const QString& path, FigureOptions options)
{
    const QString problem = ::exportFigure(runs_.results(), chart, displayOptions(options), path);
    fileMessage_ = problem.isEmpty() ? QString() : tr("Figure not exported: %1").arg(problem);
    updateBanner();
    if (problem.isEmpty())  // where it went, so that nobody has to look for it
        statusBar()->showMessage(tr("Figure written to %1").arg(QDir::toNativeSeparators(QFileInfo(path).absoluteFilePath())), 8000);
    return problem;
}

QString MainWindow::exportData(FigureChart chart, const QString& path)
{
    const QByteArray csv = tidyCsv(runs_.results(), chart, pins_.curves(panelConfig()), individualRuns_->isChecked());
    const QString problem = exportCsv(csv, path);
    fileMessage_ = problem.isEmpty() ? QString() : tr("Data not exported: %1").arg(problem);
    updateBanner();
    if (problem.isEmpty())
        statusBar()->showMessage(tr("Data written to %1").arg(QDir::toNativeSeparators(QFileInfo(path).absoluteFilePath())), 8000);
    return problem;
}

void MainWindow::copyFigure(FigureChart chart)
{
    FigureOptions o;
    o.dpi = 200;  // sharp when pasted into slides, small enough for the clipboard
    QApplication::clipboard()->setImage(renderFigure(runs_.results(), chart, displayOptions(o)));
}

void MainWindow::showExportDialog(FigureChart chart)
{
    ExportDialog dialog(chart, this);
    if (dialog.exec() != QDialog::Accepted)
        return;
    const QString name = QStringLiteral("aedyn-%1-%2.pdf").arg(panel_->presetName(), figureChartName(dialog.chart()));
    const QString path = QFileDialog::getSaveFileName(this, tr("Export figure"), name,
                                                      tr("PDF (*.pdf);;SVG (*.svg);;PNG (*.png)"));
    if (!path.isEmpty())
        exportFigure(dialog.chart(), path, dialog.options());
}

void MainWindow::exportDataDialog(FigureChart chart)
{
    const QString name = QStringLiteral("aedyn-%1-%2.csv").arg(panel_->presetName(), figureChartName(chart));
    const QString path = QFileDialog::getSaveFileName(this, tr("Export data"), name, tr("CSV (*.csv)"));
    if (!path.isEmpty())
        exportData(chart, path);
}

void MainWindow::showChartMenu(FigureChart chart, QWidget* source, const QPoint& at)
{
    QMenu menu(this);
    menu.addAction(tr("Copy image"), this, [this, chart] { copyFigure(chart); });
    menu.addAction(tr("Export this chart…"), this, [this, chart] { showExportDialog(chart); });
    menu.addAction(tr("Export its data (CSV)…"), this, [this, chart] { exportDataDialog(chart); });
    menu.addSeparator();
    menu.addAction(tr("Export all four charts…"), this, [this] { showExportDialog(FigureChart::Dashboard); });
    menu.exec(source->mapToGlobal(at));
}
