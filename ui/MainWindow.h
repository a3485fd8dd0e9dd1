#pragma once
// The dashboard: parameter dock, toolbar (Run, Pause, Stop, Reset), the four charts, a message banner and a status
// bar with progress. Theory is recomputed whenever a parameter changes; the simulation runs on Run. Results arrive
// from worker threads and are drawn at most about 30 times a second.
#include "CurveStore.h"
#include "ExperimentWorkers.h"

#include <QMainWindow>
#include <QThread>
#include <QTimer>

#include <memory>
#include <vector>

class LearningCurveChart;
class OverlapMap;
class ParameterPanel;
class QAction;
class QLabel;
class QProgressBar;
class SpectrumChart;
class WeightNormChart;
class WeightVectorChart;

class MainWindow : public QMainWindow {
    Q_OBJECT
public:
    explicit MainWindow(QWidget* parent = nullptr);
    ~MainWindow() override;

    ParameterPanel* panel() const { return panel_; }
    LearningCurveChart* learningCurve() const { return learningCurve_; }
    WeightNormChart* weightNorms() const { return weightNorms_; }
    const CurveStore& store() const { return store_; }
    QAction* runAction() const { return run_; }
    QAction* pauseAction() const { return pause_; }
    QAction* stopAction() const { return stop_; }
    bool simulationRunning() const { return simulationRunning_; }
    QString message() const;
    // Worst and median GUI-thread time of a repaint, in ms (frame budget).
    std::pair<double, double> frameStats() const;

public slots:
    void runSimulation();
    void togglePause();
    void stopSimulation();
    void resetSimulation();

protected:
    void closeEvent(QCloseEvent* e) override;
    bool eventFilter(QObject* watched, QEvent* event) override;

private:
    void parametersChanged();
    void requestTheory();
    void scheduleRepaint();
    void repaintCharts();
    void showMessage(const QString& text);
    void updateActions();
    void shutDownWorkers();

    ParameterPanel* panel_;
    LearningCurveChart* learningCurve_;
    WeightNormChart* weightNorms_;
    OverlapMap* overlaps_;
    WeightVectorChart* weightVectors_;
    SpectrumChart* spectrum_;
    QList<QWidget*> charts_;
    QLabel* banner_;
    QProgressBar* progress_;
    QLabel* status_;
    QAction *run_, *pause_, *stop_, *reset_, *logError_;

    QThread theoryThread_, simulationThread_;
    TheoryWorker* theoryWorker_;
    SimulationWorker* simulationWorker_;
    std::shared_ptr<aedyn::RunControl> theoryControl_, simulationControl_;
    quint64 theoryGeneration_ = 0;
    QTimer theoryDebounce_, repaintTimer_;
    CurveStore store_;
    bool simulationRunning_ = false;
    double simulationTMax_ = 0.0;
    qint64 simulationStartMs_ = 0;
    std::vector<double> frameMs_;
};
