#include "MainWindow.h"
#include "Presets.h"

#include "EncoderWeightsChart.h"
#include "Experiment.h"
#include "LearningCurveChart.h"
#include "LectureStrip.h"
#include "ParameterPanel.h"
#include "ChartData.h"
#include "ChartStyle.h"
#include "ExportDialog.h"
#include "SpectrumChart.h"
#include "WeightNormChart.h"

#include <QAction>
#include <QApplication>
#include <QChartView>
#include <QBoxLayout>
#include <QClipboard>
#include <QCloseEvent>
#include <QFileDialog>
#include <QFileInfo>
#include <QMenu>
#include <QMenuBar>
#include <QSettings>
#include <QDockWidget>
#include <QHBoxLayout>
#include <QLabel>
#include <QProgressBar>
#include <QScrollArea>
#include <QShortcut>
#include <QStatusBar>
#include <QToolBar>
#include <QVBoxLayout>

#include <algorithm>

MainWindow::MainWindow(QWidget* parent)
    : QMainWindow(parent)
    , panel_(new ParameterPanel)
    , learningCurve_(new LearningCurveChart)
    , weightNorms_(new WeightNormChart)
    , encoderWeights_(new EncoderWeightsChart)
    , spectrum_(new SpectrumChart)
    , banner_(new QLabel)
    , progress_(new QProgressBar)
    , progressText_(new QLabel)
    , routes_(new QLabel)
    , theoryWorker_(new TheoryWorker)
    , simulationWorker_(new SimulationWorker)
    , pinWorker_(new TheoryWorker)
{
    qRegisterMetaType<aedyn::Observables>();
    qRegisterMetaType<ExperimentSetup>();
    qRegisterMetaType<SimulationPoint>();
    qRegisterMetaType<aedyn::Weights>();
    qRegisterMetaType<aedyn::ExperimentConfig>();
    qRegisterMetaType<std::shared_ptr<aedyn::RunControl>>();
    setWindowTitle(QStringLiteral("AEDyn — autoencoder learning dynamics"));

    auto* toolbar = toolbar_ = addToolBar(QStringLiteral("Run"));
    toolbar->setObjectName(QStringLiteral("runToolbar"));
    toolbar->setMovable(false);
    run_ = toolbar->addAction(QStringLiteral("▶ Run"), this, &MainWindow::runSimulation);
    pause_ = toolbar->addAction(QStringLiteral("❚❚ Pause"), this, &MainWindow::togglePause);
    stop_ = toolbar->addAction(QStringLiteral("■ Stop"), this, &MainWindow::stopSimulation);
    reset_ = toolbar->addAction(QStringLiteral("↺ Reset"), this, &MainWindow::resetSimulation);
    pause_->setToolTip(QStringLiteral("Pause or resume the simulation (Space)"));
    stop_->setToolTip(QStringLiteral("Stop the simulation; what was computed stays drawn"));
    reset_->setToolTip(QStringLiteral("Stop and clear the simulation curves (R)"));
    reset_->setShortcut(Qt::Key_R);
    // Space starts a run when none is under way and pauses or resumes one otherwise (design.md).
    connect(new QShortcut(Qt::Key_Space, this), &QShortcut::activated, this, &MainWindow::togglePause);
    toolbar->addSeparator();
    QAction* lecture = toolbar->addAction(QStringLiteral("⤢ Lecture"), this, [this] { setLectureMode(!lecture_); });
    lecture->setShortcuts({Qt::Key_F11, Qt::Key_L});
    lecture->setToolTip(QStringLiteral("Lecture mode: full screen, large type, the preset's story (F11 or L)"));
    // Added to the window, not the toolbar, so that they work while the toolbar is hidden in lecture mode.
    addAction(lecture);
    addAction(reset_);
    for (const auto& [key, step] : {std::pair{Qt::Key_Right, 1}, std::pair{Qt::Key_Left, -1}}) {
        auto* a = new QAction(this);
        a->setShortcut(key);
        connect(a, &QAction::triggered, this, [this, step = step] {
            lectureStrip_->stepPreset(step);
        });
        lectureKeys_ << a;
    }
    auto* leave = new QAction(this);
    leave->setShortcut(Qt::Key_Escape);
    connect(leave, &QAction::triggered, this, [this] { setLectureMode(false); });
    lectureKeys_ << leave;
    for (QAction* a : lectureKeys_) {
        a->setEnabled(false);
        addAction(a);
    }
    toolbar->addSeparator();
    logError_ = toolbar->addAction(QStringLiteral("log ε axis"));
    logError_->setCheckable(true);
    logError_->setChecked(true);
    logError_->setToolTip(QStringLiteral("Logarithmic or linear test-error axis (applies live)"));
    individualRuns_ = toolbar->addAction(QStringLiteral("individual runs"));
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

    auto* scroll = new QScrollArea;
    scroll->setWidget(panel_);
    scroll->setWidgetResizable(true);
    scroll->setMinimumWidth(340);
    scroll->setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    auto* dock = dock_ = new QDockWidget(QStringLiteral("Parameters"));
    dock->setObjectName(QStringLiteral("parameters"));
    dock->setWidget(scroll);
    dock->setFeatures(QDockWidget::DockWidgetMovable | QDockWidget::DockWidgetFloatable);
    addDockWidget(Qt::LeftDockWidgetArea, dock);

    banner_->setVisible(false);
    banner_->setWordWrap(true);
    banner_->setStyleSheet(QStringLiteral("background: #FFF3CD; color: #5C4400; padding: 6px; border: 1px solid #E6C35C"));
    auto* central = new QWidget;
    auto* layout = new QVBoxLayout(central);
    lectureStrip_ = new LectureStrip(panel_);
    lectureStrip_->setVisible(false);
    layout->addWidget(lectureStrip_);
    connect(lectureStrip_, &LectureStrip::runPauseClicked, this, &MainWindow::togglePause);
    connect(lectureStrip_, &LectureStrip::resetClicked, this, &MainWindow::resetSimulation);
    connect(lectureStrip_, &LectureStrip::leaveClicked, this, [this] { setLectureMode(false); });
    layout->addWidget(banner_);
    // The learning curve is the hero: top left, in the wider column of the taller row. The spectrum needs the
    // least room, so the weights beside it get more.
    auto* top = new QHBoxLayout;
    top->addWidget(learningCurve_, 3);
    top->addWidget(weightNorms_, 2);
    auto* bottom = new QHBoxLayout;
    bottom->addWidget(encoderWeights_, 7);
    bottom->addWidget(spectrum_, 3);
    layout->addLayout(top, 3);
    layout->addLayout(bottom, 2);
    chartRows_ = layout;
    setCentralWidget(central);
    charts_ = {learningCurve_, weightNorms_, encoderWeights_, spectrum_};
    // Right-click on a chart: copy it, export it as a figure or its numbers as CSV.
    const std::pair<QWidget*, FigureChart> menus[] = {{learningCurve_, FigureChart::Learning},
                                                      {weightNorms_, FigureChart::Norms},
                                                      {encoderWeights_, FigureChart::Weights},
                                                      {spectrum_, FigureChart::Spectrum}};
    for (const auto& [widget, chart] : menus) {
        widget->setContextMenuPolicy(Qt::CustomContextMenu);
        connect(widget, &QWidget::customContextMenuRequested, this,
                [this, w = widget, c = chart](const QPoint& at) { showChartMenu(c, w, at); });
        for (QWidget* child : widget->findChildren<QWidget*>()) {
            child->setContextMenuPolicy(Qt::CustomContextMenu);
            connect(child, &QWidget::customContextMenuRequested, this,
                    [this, child, c = chart](const QPoint& at) { showChartMenu(c, child, at); });
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

    createMenus();
    // The toolbar and dock layout of the last session (a preference; never the parameters).
    restoreState(QSettings().value(QStringLiteral("window/state")).toByteArray());

    progress_->setRange(0, 1000);
    progress_->setMaximumWidth(240);
    statusBar()->addWidget(progressText_, 1);
    statusBar()->addPermanentWidget(routes_);
    statusBar()->addPermanentWidget(progress_);

    theoryWorker_->moveToThread(&theoryThread_);
    simulationWorker_->moveToThread(&simulationThread_);
    connect(&theoryThread_, &QThread::finished, theoryWorker_, &QObject::deleteLater);
    connect(&simulationThread_, &QThread::finished, simulationWorker_, &QObject::deleteLater);
    pinWorker_->moveToThread(&pinThread_);
    connect(&pinThread_, &QThread::finished, pinWorker_, &QObject::deleteLater);
    theoryThread_.start();
    simulationThread_.start();
    pinThread_.start();
    // A pin opened from a project gets its theory curve recomputed from its parameters.
    connect(pinWorker_, &TheoryWorker::pointReady, this, [this](quint64 gen, qulonglong, const aedyn::Observables& o) {
        const auto it = pinOfGeneration_.find(gen);
        if (it == pinOfGeneration_.end() || it->second >= pinCount() || !(o.t > 0 && o.eps > 0 && std::isfinite(o.eps)))
            return;
        pins_[it->second].theory.append({o.t, o.eps});
        scheduleRepaint();
    });

    // Signals of an obsolete theory generation are dropped: only the latest parameters are drawn.
    connect(theoryWorker_, &TheoryWorker::setupReady, this, [this](quint64 gen, const ExperimentSetup& s) {
        if (gen != theoryGeneration_)
            return;
        store_.resetTheory(s);
        setupArrived_ = true;
        drawnTheory_ = requestedTheory_;
        panel_->setEigenvalues(s.trackedRho, s.bulkRho, s.bulkCount);
        theoryMessage_.clear();
        updateBanner();
        scheduleRepaint();
    });
    connect(theoryWorker_, &TheoryWorker::pointReady, this,
            [this](quint64 gen, qulonglong i, const aedyn::Observables& o) {
                if (gen != theoryGeneration_)
                    return;
                store_.setTheory(i, o);
                scheduleRepaint();
            });
    connect(theoryWorker_, &TheoryWorker::finished, this, [this](quint64 gen, const QString& failure, double ms) {
        if (gen != theoryGeneration_)
            return;
        // A failure before the setup (missing data, say) leaves only the previous parameters' curves, greyed.
        const aedyn::Observables* last = store_.latestTheory();
        if (failure.isEmpty())
            theoryMessage_.clear();
        else if (!setupArrived_) {
            theoryMessage_ = QStringLiteral("Theory: %1").arg(failure);
            store_.theoryStale = last != nullptr;
        } else {
            theoryMessage_ = QStringLiteral("Theory: %1 — the curve up to t = %2 stays drawn.")
                                 .arg(failure)
                                 .arg(last ? last->t : 0.0, 0, 'g', 3);
        }
        theoryRoute_ = QStringLiteral("ODE %1 ms").arg(ms, 0, 'f', 0);
        showRoutes();
        updateBanner();
        scheduleRepaint();
    });
    connect(simulationWorker_, &SimulationWorker::pointReady, this, [this](const SimulationPoint& p) {
        store_.setSimulation(p);
        scheduleRepaint();
    });
    connect(simulationWorker_, &SimulationWorker::firstRunWeights, this, [this](const aedyn::Weights& w) {
        store_.setFirstRunWeights(w);
        scheduleRepaint();
    });
    connect(simulationWorker_, &SimulationWorker::progress, this, &MainWindow::showProgress);
    connect(simulationWorker_, &SimulationWorker::finished, this, [this](const QString& failure, bool stopped) {
        simulationRunning_ = false;
        if (!failure.isEmpty())
            simulationMessage_ = QStringLiteral("Simulation: %1 — the curves up to then stay drawn.").arg(failure);
        runState_ = !failure.isEmpty() ? QStringLiteral("failed")
                    : stopped          ? QStringLiteral("stopped")
                                       : QStringLiteral("done in %1 s").arg((runClock_.elapsed() - pausedMs_) / 1000.0, 0, 'f', 1);
        updateProgressText();
        updateBanner();
        updateActions();
        scheduleRepaint();
        emit simulationFinished();
    });

    theoryDebounce_.setSingleShot(true);
    theoryDebounce_.setInterval(150);
    connect(&theoryDebounce_, &QTimer::timeout, this, &MainWindow::requestTheory);
    repaintTimer_.setSingleShot(true);
    repaintTimer_.setInterval(33);
    connect(&repaintTimer_, &QTimer::timeout, this, &MainWindow::repaintCharts);
    connect(panel_, &ParameterPanel::configChanged, this, &MainWindow::parametersChanged);
    parametersChanged();
    requestTheory();
}

MainWindow::~MainWindow() { shutDownWorkers(); }

void MainWindow::shutDownWorkers()
{
    if (theoryControl_)
        theoryControl_->stopRequested = true;
    if (simulationControl_)
        simulationControl_->stopRequested = true;
    theoryThread_.quit();
    simulationThread_.quit();
    pinThread_.quit();
    theoryThread_.wait();
    simulationThread_.wait();
    pinThread_.wait();
}

void MainWindow::closeEvent(QCloseEvent* e)
{
    // Window layout is a preference, kept across sessions; the science lives in project files only.
    QSettings settings;
    settings.setValue(QStringLiteral("window/geometry"), saveGeometry());
    settings.setValue(QStringLiteral("window/state"), saveState());
    shutDownWorkers();
    e->accept();
}

void MainWindow::parametersChanged()
{
    // What is drawn no longer matches the fields: grey it until the new theory (or a new run) replaces it.
    store_.theoryStale = store_.latestTheory() != nullptr;
    store_.simulationStale = store_.latestSimulation() != nullptr;
    if (panel_->config())
        theoryDebounce_.start();
    updatePinMenu();  // pin labels name the parameters that differ from the current ones
    updateActions();
    scheduleRepaint();
}

void MainWindow::requestTheory()
{
    const auto config = panel_->config();
    if (!config)
        return;
    // The running integration is obsolete: stop it rather than queue behind it.
    if (theoryControl_)
        theoryControl_->stopRequested = true;
    theoryControl_ = std::make_shared<aedyn::RunControl>();
    const quint64 generation = ++theoryGeneration_;
    setupArrived_ = false;
    requestedTheory_ = config;
    theoryRoute_ = QStringLiteral("ODE computing…");
    showRoutes();
    QMetaObject::invokeMethod(theoryWorker_, [w = theoryWorker_, c = *config, ctl = theoryControl_, generation] {
        w->compute(c, ctl, generation);
    }, Qt::QueuedConnection);
}

void MainWindow::runSimulation()
{
    const auto config = panel_->config();
    if (!config || simulationRunning_)
        return;
    simulationMessage_.clear();
    updateBanner();
    simulationControl_ = std::make_shared<aedyn::RunControl>();
    simulationRunning_ = true;
    simulationTMax_ = config->tMax;
    simulationRoute_ = config->runs == 1 ? QStringLiteral("1 SGD run") : QStringLiteral("%1 SGD runs").arg(config->runs);
    showRoutes();
    runClock_.start();
    pausedMs_ = 0;
    std::vector<double> times;
    for (long long step : aedyn::logStepGrid(config->D, config->tMax))
        times.push_back(static_cast<double>(step) / config->D);
    store_.resetSimulation(std::move(times));
    runState_.clear();
    showProgress(0.0);
    QMetaObject::invokeMethod(simulationWorker_, [w = simulationWorker_, c = *config, ctl = simulationControl_] {
        w->run(c, ctl);
    }, Qt::QueuedConnection);
    updateActions();
    scheduleRepaint();
}

void MainWindow::togglePause()
{
    if (!simulationRunning_) {
        runSimulation();
        return;
    }
    const bool pause = !simulationControl_->paused;
    simulationControl_->paused = pause;
    // Paused time does not count towards the ETA.
    if (pause)
        pauseClock_.start();
    else
        pausedMs_ += pauseClock_.elapsed();
    runState_ = pause ? QStringLiteral("paused") : QString();
    updateProgressText();
    updateActions();
}

void MainWindow::stopSimulation()
{
    if (simulationControl_)
        simulationControl_->stopRequested = true;
}

void MainWindow::resetSimulation()
{
    stopSimulation();
    store_.resetSimulation({});
    progressT_ = 0.0;
    runState_.clear();
    progress_->setValue(0);
    progressText_->clear();
    simulationMessage_.clear();
    updateBanner();
    scheduleRepaint();
}

void MainWindow::showProgress(double t)
{
    progressT_ = t;
    updateProgressText();
}

void MainWindow::updateProgressText()
{
    const double fraction = simulationTMax_ > 0 ? std::clamp(progressT_ / simulationTMax_, 0.0, 1.0) : 0.0;
    progress_->setValue(static_cast<int>(1000 * fraction));
    QString text = QStringLiteral("t = %1 / %2")
                       .arg(progressT_, 0, 'f', progressT_ < 10 ? 2 : 1)
                       .arg(simulationTMax_, 0, 'g', 6);
    if (simulationRunning_ && fraction > 0.01) {
        // SGD costs the same per unit of t, so the remaining time scales with the remaining t.
        const double elapsed = (runClock_.elapsed() - pausedMs_) / 1000.0;
        const int eta = static_cast<int>(elapsed * (1 - fraction) / fraction + 0.5);
        text += QStringLiteral(" · ETA %1:%2").arg(eta / 60).arg(eta % 60, 2, 10, QLatin1Char('0'));
    }
    if (!runState_.isEmpty())
        text += QStringLiteral(" · ") + runState_;
    progressText_->setText(text);
}

void MainWindow::showRoutes()
{
    routes_->setText(simulationRoute_.isEmpty() ? theoryRoute_ : simulationRoute_ + QStringLiteral(" · ") + theoryRoute_);
}

void MainWindow::updateActions()
{
    const bool valid = panel_->config().has_value();
    run_->setEnabled(valid && !simulationRunning_);
    run_->setToolTip(valid ? QStringLiteral("Start the SGD simulation with the current parameters (Space)")
                           : QStringLiteral("Fix the parameter marked in red first: ") + panel_->problem());
    pause_->setEnabled(simulationRunning_);
    const bool paused = simulationRunning_ && simulationControl_->paused;
    pause_->setText(paused ? QStringLiteral("▶ Resume") : QStringLiteral("❚❚ Pause"));
    lectureStrip_->setRunning(simulationRunning_, paused);
    stop_->setEnabled(simulationRunning_);
}

void MainWindow::updateBanner()
{
    QStringList messages;
    for (const QString& m : {fileMessage_, theoryMessage_, simulationMessage_})
        if (!m.isEmpty())
            messages << m;
    banner_->setText(messages.join(QLatin1Char('\n')));
    banner_->setVisible(!messages.isEmpty());
}

QString MainWindow::message() const { return banner_->isHidden() ? QString() : banner_->text(); }

void MainWindow::scheduleRepaint()
{
    if (!repaintTimer_.isActive())
        repaintTimer_.start();
}

void MainWindow::repaintCharts()
{
    QElapsedTimer timer;
    timer.start();
    learningCurve_->setPins(pinnedCurves());
    learningCurve_->refresh(store_);
    weightNorms_->refresh(store_);
    encoderWeights_->refresh(store_);
    spectrum_->refresh(store_);
    pendingRefreshMs_ = std::max(pendingRefreshMs_, 0.0) + timer.nsecsElapsed() / 1e6;
}

bool MainWindow::event(QEvent* e)
{
    if (e->type() != QEvent::UpdateRequest)
        return QMainWindow::event(e);
    // The window paints all its dirty widgets here: the second half of a frame after repaintCharts().
    QElapsedTimer timer;
    timer.start();
    const bool handled = QMainWindow::event(e);
    if (pendingRefreshMs_ >= 0) {
        frameMs_.push_back(pendingRefreshMs_ + timer.nsecsElapsed() / 1e6);
        pendingRefreshMs_ = -1.0;
    }
    return handled;
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
        QString path = QFileDialog::getSaveFileName(this, tr("Save project"), projectPath_,
                                                    tr("AEDyn projects (*.aedyn);;JSON (*.json)"));
        if (path.isEmpty())
            return;
        if (QFileInfo(path).suffix().isEmpty())
            path += QStringLiteral(".aedyn");
        saveProject(path);
    };
    file->addAction(tr("&Save project"), QKeySequence::Save, this, [this, saveAs] {
        if (projectPath_.isEmpty())
            saveAs();
        else
            saveProject(projectPath_);
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
    updatePinMenu();
}

Project MainWindow::currentProject() const
{
    Project p;
    p.preset = panel_->presetName();
    // Invalid fields are not saved: the last valid configuration is what a Run would use.
    p.config = panel_->config().value_or(aedyn::presetConfig(p.preset.toStdString()));
    for (const Pin& pin : pins_)
        p.pins.append({QString(), pin.config});
    p.display.logError = logError_->isChecked();
    p.display.individualRuns = individualRuns_->isChecked();
    std::tie(p.display.fitFrom, p.display.fitTo) = weightNorms_->fitWindow();
    return p;
}

bool MainWindow::openProject(const QString& path)
{
    QString error;
    const auto project = loadProject(path, &error);
    if (!project) {
        fileMessage_ = tr("Not opened: %1").arg(error);
        updateBanner();
        return false;
    }
    applyProject(*project);
    projectPath_ = path;
    fileMessage_.clear();
    updateBanner();
    rememberRecent(path);
    updateTitle();
    return true;
}

bool MainWindow::saveProject(const QString& path)
{
    QString error;
    if (!::saveProject(path, currentProject(), &error)) {
        fileMessage_ = tr("Not saved: %1").arg(error);
        updateBanner();
        return false;
    }
    projectPath_ = path;
    fileMessage_.clear();
    updateBanner();
    rememberRecent(path);
    updateTitle();
    return true;
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
    for (const PinnedRun& pin : p.pins) {
        pins_.push_back({pin.config, {}, {}});
        computePinTheory(pinCount() - 1);
    }
    updatePinMenu();
    scheduleRepaint();
}

void MainWindow::computePinTheory(int index)
{
    const quint64 generation = ++pinGeneration_;
    pinOfGeneration_[generation] = index;
    QMetaObject::invokeMethod(pinWorker_,
                              [w = pinWorker_, c = pins_[index].config, generation] {
                                  w->compute(c, std::make_shared<aedyn::RunControl>(), generation);
                              },
                              Qt::QueuedConnection);
}

void MainWindow::keepRun()
{
    if (!drawnTheory_ || store_.latestTheory() == nullptr)
        return;  // nothing drawn yet
    Pin pin{*drawnTheory_, {}, {}};
    const ExperimentSetup& setup = store_.setup();
    for (std::size_t i = 0; i < store_.theory().size(); ++i)
        if (const auto& o = store_.theory()[i]; o && setup.times[i] > 0 && o->eps > 0 && std::isfinite(o->eps))
            pin.theory.append({setup.times[i], o->eps});
    for (std::size_t i = 0; i < store_.simulation().size(); ++i)
        if (const auto& p = store_.simulation()[i]; p && store_.simulationTimes()[i] > 0 && p->eps > 0)
            pin.simulation.append({store_.simulationTimes()[i], p->eps});
    pins_.push_back(std::move(pin));
    pinOfGeneration_.clear();  // a pin still computing from a project keeps what it has
    updatePinMenu();
    scheduleRepaint();
}

void MainWindow::removePin(int index)
{
    if (index < 0 || index >= pinCount())
        return;
    pins_.erase(pins_.begin() + index);
    pinOfGeneration_.clear();
    updatePinMenu();
    scheduleRepaint();
}

QString MainWindow::pinLabel(int index) const
{
    // The parameters in which the pin differs from what the panel holds now.
    const auto current = panel_->config();
    if (!current)
        return QStringLiteral("pin %1").arg(index + 1);
    QStringList differences;
    const auto now = aedyn::parameterValues(*current), then = aedyn::parameterValues(pins_[index].config);
    for (std::size_t k = 0; k < then.size(); ++k)
        if (then[k].second != now[k].second)
            differences << QStringLiteral("%1 = %2").arg(QString::fromStdString(then[k].first),
                                                        QString::fromStdString(then[k].second));
    return differences.isEmpty() ? QStringLiteral("same parameters") : differences.join(QStringLiteral(", "));
}

bool MainWindow::theoryUpToDate() const
{
    const auto current = panel_->config();
    const aedyn::Observables* last = store_.latestTheory();
    return current && drawnTheory_ && last && !store_.setup().times.empty() &&
           last->t == store_.setup().times.back() &&
           aedyn::parameterValues(*current) == aedyn::parameterValues(*drawnTheory_);
}

void MainWindow::updatePinMenu()
{
    pinMenu_->clear();
    pinMenu_->addAction(tr("&Keep this run"), QKeySequence(Qt::CTRL | Qt::Key_K), this, &MainWindow::keepRun)
        ->setToolTip(tr("Keep the curves on screen as a faded overlay to compare with the next parameters"));
    if (pins_.empty())
        return;
    pinMenu_->addSeparator();
    for (int i = 0; i < pinCount(); ++i)
        pinMenu_->addAction(tr("Remove \"%1\"").arg(pinLabel(i)), this, [this, i] { removePin(i); });
    pinMenu_->addAction(tr("Remove all"), this, [this] {
        pins_.clear();
        updatePinMenu();
        scheduleRepaint();
    });
}

QStringList MainWindow::recentProjects() const
{
    return QSettings().value(QStringLiteral("recentProjects")).toStringList();
}

void MainWindow::rememberRecent(const QString& path)
{
    QStringList recent = recentProjects();
    const QString absolute = QFileInfo(path).absoluteFilePath();
    recent.removeAll(absolute);
    recent.prepend(absolute);
    while (recent.size() > 8)
        recent.removeLast();
    QSettings().setValue(QStringLiteral("recentProjects"), recent);
    updateRecentMenu();
}

void MainWindow::updateRecentMenu()
{
    recentMenu_->clear();
    const QStringList recent = recentProjects();
    for (const QString& path : recent)
        recentMenu_->addAction(QFileInfo(path).fileName(), this, [this, path] { openProject(path); })
            ->setToolTip(path);
    recentMenu_->setEnabled(!recent.isEmpty());
}

void MainWindow::updateTitle()
{
    const QString base = QStringLiteral("AEDyn — autoencoder learning dynamics");
    setWindowTitle(projectPath_.isEmpty() ? base : QFileInfo(projectPath_).fileName() + QStringLiteral(" — ") + base);
}

void MainWindow::setLectureMode(bool on)
{
    if (on == lecture_)
        return;
    lecture_ = on;
    if (on) {
        savedGeometry_ = saveGeometry();
        savedState_ = saveState();
        savedWindowState_ = windowState();
        lectureStrip_->sync();
    }
    toolbar_->setVisible(!on);
    dock_->setVisible(!on);
    menuBar()->setVisible(!on);
    lectureStrip_->setVisible(on);
    for (QAction* a : lectureKeys_)
        a->setEnabled(on);
    // design.md: ≥ 18 pt and 3 px lines in lecture mode; the system font and 1.5 px otherwise.
    const double points = on ? 18.0 : QApplication::font().pointSizeF();
    QFont big = QApplication::font();
    big.setPointSizeF(on ? 18.0 : big.pointSizeF());
    centralWidget()->setFont(on ? big : QApplication::font());
    setLectureLines(on);
    // In front of a class the learning curve gets most of the screen; the static spectrum makes room.
    chartRows_->setStretch(chartRows_->count() - 2, on ? 5 : 3);
    spectrum_->setVisible(!on);
    for (QChartView* view : centralWidget()->findChildren<QChartView*>())
        setChartFontSize(view->chart(), points);
    if (on) {
        showFullScreen();
    } else {
        restoreState(savedState_);
        setWindowState(savedWindowState_);
        restoreGeometry(savedGeometry_);
    }
    repaintCharts();
}

QList<PinnedCurve> MainWindow::pinnedCurves() const
{
    QList<PinnedCurve> pins;
    for (int i = 0; i < pinCount(); ++i)
        pins.append({pinLabel(i), pins_[i].theory, pins_[i].simulation});
    return pins;
}

FigureOptions MainWindow::displayOptions(FigureOptions size) const
{
    size.logError = logError_->isChecked();
    size.individualRuns = individualRuns_->isChecked();
    size.fitWindow = weightNorms_->fitWindow();
    size.pins = pinnedCurves();
    return size;
}

QString MainWindow::exportFigure(FigureChart chart, const QString& path, FigureOptions options)
{
    const QString problem = ::exportFigure(store_, chart, displayOptions(options), path);
    fileMessage_ = problem.isEmpty() ? QString() : tr("Figure not exported: %1").arg(problem);
    updateBanner();
    return problem;
}

QString MainWindow::exportData(FigureChart chart, const QString& path)
{
    const QString problem = exportCsv(tidyCsv(store_, chart, pinnedCurves()), path);
    fileMessage_ = problem.isEmpty() ? QString() : tr("Data not exported: %1").arg(problem);
    updateBanner();
    return problem;
}

void MainWindow::copyFigure(FigureChart chart)
{
    FigureOptions o;
    o.dpi = 200;  // sharp when pasted into slides, small enough for the clipboard
    QApplication::clipboard()->setImage(renderFigure(store_, chart, displayOptions(o)));
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
