#include "MainWindow.h"

#include "Experiment.h"
#include "LearningCurveChart.h"
#include "OverlapMap.h"
#include "ParameterPanel.h"
#include "SpectrumChart.h"
#include "WeightNormChart.h"
#include "WeightVectorChart.h"

#include <QAction>
#include <QCloseEvent>
#include <QDateTime>
#include <QDockWidget>
#include <QElapsedTimer>
#include <QGridLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QProgressBar>
#include <QScrollArea>
#include <QStatusBar>
#include <QToolBar>
#include <QVBoxLayout>

#include <algorithm>

MainWindow::MainWindow(QWidget* parent)
    : QMainWindow(parent)
    , panel_(new ParameterPanel)
    , learningCurve_(new LearningCurveChart)
    , weightNorms_(new WeightNormChart)
    , overlaps_(new OverlapMap)
    , weightVectors_(new WeightVectorChart)
    , spectrum_(new SpectrumChart)
    , banner_(new QLabel)
    , progress_(new QProgressBar)
    , status_(new QLabel)
    , theoryWorker_(new TheoryWorker)
    , simulationWorker_(new SimulationWorker)
{
    qRegisterMetaType<aedyn::Observables>();
    qRegisterMetaType<ExperimentSetup>();
    qRegisterMetaType<SimulationPoint>();
    qRegisterMetaType<aedyn::Weights>();
    qRegisterMetaType<aedyn::ExperimentConfig>();
    qRegisterMetaType<std::shared_ptr<aedyn::RunControl>>();
    setWindowTitle(QStringLiteral("AEDyn — autoencoder learning dynamics"));

    auto* toolbar = addToolBar(QStringLiteral("Run"));
    toolbar->setObjectName(QStringLiteral("runToolbar"));
    toolbar->setToolButtonStyle(Qt::ToolButtonTextBesideIcon);
    run_ = toolbar->addAction(QStringLiteral("▶ Run"), this, &MainWindow::runSimulation);
    pause_ = toolbar->addAction(QStringLiteral("❚❚ Pause"), this, &MainWindow::togglePause);
    stop_ = toolbar->addAction(QStringLiteral("■ Stop"), this, &MainWindow::stopSimulation);
    reset_ = toolbar->addAction(QStringLiteral("↺ Reset"), this, &MainWindow::resetSimulation);
    run_->setToolTip(QStringLiteral("Start the SGD simulation with the current parameters"));
    pause_->setShortcut(Qt::Key_Space);
    reset_->setShortcut(Qt::Key_R);
    toolbar->addSeparator();
    logError_ = toolbar->addAction(QStringLiteral("log ε axis"));
    logError_->setCheckable(true);
    logError_->setChecked(true);
    auto* runs = toolbar->addAction(QStringLiteral("individual runs"));
    runs->setCheckable(true);
    runs->setToolTip(QStringLiteral("Show every SGD run as faded markers (applies live)"));
    connect(runs, &QAction::toggled, this, [this](bool on) {
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
    auto* dock = new QDockWidget(QStringLiteral("Parameters"));
    dock->setObjectName(QStringLiteral("parameters"));
    dock->setWidget(scroll);
    dock->setFeatures(QDockWidget::DockWidgetMovable | QDockWidget::DockWidgetFloatable);
    addDockWidget(Qt::LeftDockWidgetArea, dock);

    banner_->setVisible(false);
    banner_->setWordWrap(true);
    banner_->setStyleSheet(QStringLiteral("background: #FFF3CD; color: #5C4400; padding: 6px; border: 1px solid #E6C35C"));
    auto* central = new QWidget;
    auto* layout = new QVBoxLayout(central);
    layout->addWidget(banner_);
    auto* grid = new QGridLayout;
    grid->addWidget(learningCurve_, 0, 0);
    grid->addWidget(weightNorms_, 0, 1);
    // Chart 3 of the dashboard: what the units have learnt, as overlaps and as vectors over the input index.
    auto* learnt = new QWidget;
    auto* learntLayout = new QHBoxLayout(learnt);
    learntLayout->setContentsMargins(0, 0, 0, 0);
    learntLayout->addWidget(overlaps_, 1);
    learntLayout->addWidget(weightVectors_, 1);
    grid->addWidget(learnt, 1, 0);
    grid->addWidget(spectrum_, 1, 1);
    // The learning curve is the hero: the widest column and the tallest row.
    grid->setColumnStretch(0, 3);
    grid->setColumnStretch(1, 2);
    for (QWidget* w : std::initializer_list<QWidget*>{learningCurve_, weightNorms_, learnt, spectrum_})
        w->setMinimumSize(200, 150);
    grid->setRowStretch(0, 3);
    grid->setRowStretch(1, 2);
    layout->addLayout(grid, 1);
    setCentralWidget(central);
    charts_ = {learningCurve_, weightNorms_, learnt, spectrum_};
    for (QWidget* w : charts_) {
        w->setToolTip(w->toolTip().isEmpty() ? QStringLiteral("Double-click to maximise or restore") : w->toolTip());
        w->installEventFilter(this);
        for (QWidget* child : w->findChildren<QWidget*>())
            child->installEventFilter(this);
    }

    progress_->setRange(0, 1000);
    progress_->setMaximumWidth(240);
    statusBar()->addPermanentWidget(status_, 1);
    statusBar()->addPermanentWidget(progress_);

    theoryWorker_->moveToThread(&theoryThread_);
    simulationWorker_->moveToThread(&simulationThread_);
    connect(&theoryThread_, &QThread::finished, theoryWorker_, &QObject::deleteLater);
    connect(&simulationThread_, &QThread::finished, simulationWorker_, &QObject::deleteLater);
    theoryThread_.start();
    simulationThread_.start();

    connect(theoryWorker_, &TheoryWorker::setupReady, this, [this](quint64 gen, const ExperimentSetup& s) {
        if (gen != theoryGeneration_)
            return;
        store_.resetTheory(s);
        panel_->setEigenvalues(s.trackedRho, s.bulkRho, s.bulkCount);
        if (!s.hasTheory)
            showMessage(s.theoryNote);
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
        if (!failure.isEmpty())
            showMessage(QStringLiteral("Theory: ") + failure);
        status_->setText(QStringLiteral("ODE %1 ms").arg(ms, 0, 'f', 1));
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
    connect(simulationWorker_, &SimulationWorker::progress, this, [this](double t) {
        const double fraction = simulationTMax_ > 0 ? t / simulationTMax_ : 0;
        progress_->setValue(static_cast<int>(1000 * fraction));
        const double elapsed = (QDateTime::currentMSecsSinceEpoch() - simulationStartMs_) / 1000.0;
        const int eta = fraction > 0 ? static_cast<int>(elapsed * (1 - fraction) / fraction) : 0;
        status_->setText(QStringLiteral("t = %1 / %2 · ETA %3:%4")
                             .arg(t, 0, 'g', 4)
                             .arg(simulationTMax_)
                             .arg(eta / 60)
                             .arg(eta % 60, 2, 10, QLatin1Char('0')));
    });
    connect(simulationWorker_, &SimulationWorker::finished, this, [this](const QString& failure, bool stopped) {
        simulationRunning_ = false;
        if (!failure.isEmpty())
            showMessage(QStringLiteral("Simulation: ") + failure + QStringLiteral(" — the curves up to then stay drawn."));
        else if (!stopped)
            progress_->setValue(1000);
        updateActions();
        scheduleRepaint();
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
    theoryThread_.wait();
    simulationThread_.wait();
}

void MainWindow::closeEvent(QCloseEvent* e)
{
    shutDownWorkers();
    e->accept();
}

void MainWindow::parametersChanged()
{
    const bool valid = panel_->config().has_value();
    if (valid) {
        store_.simulationStale = store_.latestSimulation() != nullptr;
        theoryDebounce_.start();
    }
    updateActions();
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
    QMetaObject::invokeMethod(theoryWorker_, [w = theoryWorker_, c = *config, ctl = theoryControl_, generation] {
        w->compute(c, ctl, generation);
    }, Qt::QueuedConnection);
}

void MainWindow::runSimulation()
{
    const auto config = panel_->config();
    if (!config || simulationRunning_)
        return;
    banner_->setVisible(false);
    simulationControl_ = std::make_shared<aedyn::RunControl>();
    simulationRunning_ = true;
    simulationTMax_ = config->tMax;
    simulationStartMs_ = QDateTime::currentMSecsSinceEpoch();
    std::vector<double> times;
    for (long long step : aedyn::logStepGrid(config->D, config->tMax))
        times.push_back(static_cast<double>(step) / config->D);
    store_.resetSimulation(std::move(times));
    progress_->setValue(0);
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
    simulationControl_->paused = !simulationControl_->paused;
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
    progress_->setValue(0);
    banner_->setVisible(false);
    scheduleRepaint();
}

void MainWindow::updateActions()
{
    const bool valid = panel_->config().has_value();
    run_->setEnabled(valid && !simulationRunning_);
    run_->setToolTip(valid ? QStringLiteral("Start the SGD simulation with the current parameters")
                           : QStringLiteral("Fix the parameter marked in red first: ") + panel_->problem());
    pause_->setEnabled(simulationRunning_);
    pause_->setText(simulationRunning_ && simulationControl_->paused ? QStringLiteral("▶ Resume") : QStringLiteral("❚❚ Pause"));
    stop_->setEnabled(simulationRunning_);
}

void MainWindow::scheduleRepaint()
{
    if (!repaintTimer_.isActive())
        repaintTimer_.start();
}

void MainWindow::repaintCharts()
{
    QElapsedTimer timer;
    timer.start();
    learningCurve_->refresh(store_);
    weightNorms_->refresh(store_);
    overlaps_->refresh(store_);
    weightVectors_->refresh(store_);
    spectrum_->refresh(store_);
    frameMs_.push_back(timer.nsecsElapsed() / 1e6);
}

std::pair<double, double> MainWindow::frameStats() const
{
    if (frameMs_.empty())
        return {0, 0};
    std::vector<double> v = frameMs_;
    std::sort(v.begin(), v.end());
    return {v.back(), v[v.size() / 2]};
}

void MainWindow::showMessage(const QString& text)
{
    banner_->setText(text);
    banner_->setVisible(true);
}

QString MainWindow::message() const { return banner_->isHidden() ? QString() : banner_->text(); }

bool MainWindow::eventFilter(QObject* watched, QEvent* event)
{
    if (event->type() == QEvent::MouseButtonDblClick) {
        // Maximise the chart that was double-clicked, or restore the dashboard.
        QWidget* chart = nullptr;
        for (QWidget* w : charts_)
            if (watched == w || w->isAncestorOf(qobject_cast<QWidget*>(watched)))
                chart = w;
        if (chart) {
            const bool alone = std::all_of(charts_.begin(), charts_.end(), [&](QWidget* w) { return w == chart || !w->isVisible(); });
            for (QWidget* w : charts_)
                w->setVisible(alone || w == chart);
            return true;
        }
    }
    return QMainWindow::eventFilter(watched, event);
}
