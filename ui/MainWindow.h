#pragma once
// The dashboard: parameter dock, toolbar (Run, Pause, Stop, Reset and the live display options), the four charts,
// a message banner and a status bar with progress. Theory is recomputed whenever a parameter changes; the
// simulation runs on Run. Results arrive from worker threads and are drawn at most about 30 times a second.
#include "CurveStore.h"
#include "ExperimentWorkers.h"
#include "FigureExport.h"
#include "ProjectFile.h"

#include <QElapsedTimer>
#include <QMainWindow>
#include <QThread>
#include <QTimer>

#include <map>
#include <memory>
#include <optional>
#include <vector>

class EncoderWeightsChart;
class LectureStrip;
class QDockWidget;
class QToolBar;
class LearningCurveChart;
class ParameterPanel;
class QAction;
class QLabel;
class QMenu;
class QProgressBar;
class SpectrumChart;
class WeightNormChart;

class MainWindow : public QMainWindow {
    Q_OBJECT
public:
    explicit MainWindow(QWidget* parent = nullptr);
    ~MainWindow() override;

    ParameterPanel* panel() const { return panel_; }
    LearningCurveChart* learningCurve() const { return learningCurve_; }
    WeightNormChart* weightNorms() const { return weightNorms_; }
    EncoderWeightsChart* encoderWeights() const { return encoderWeights_; }
    SpectrumChart* spectrum() const { return spectrum_; }
    const CurveStore& store() const { return store_; }
    QAction* runAction() const { return run_; }
    QAction* pauseAction() const { return pause_; }
    QAction* stopAction() const { return stop_; }
    bool simulationRunning() const { return simulationRunning_; }
    double simulationTime() const { return progressT_; }  // the latest t reported by the simulation
    QString message() const;

    // Project files (Ctrl+O, Ctrl+S): what is on screen, and opening one. A file that cannot be read or is not a
    // valid project changes nothing and says why in the banner; both return false then.
    Project currentProject() const;
    bool openProject(const QString& path);
    bool saveProject(const QString& path);
    QString projectPath() const { return projectPath_; }
    QStringList recentProjects() const;

    // Pinned comparisons ("Keep this run", Ctrl+K): the drawn curves stay as a faded overlay, labelled with the
    // parameters in which they differ from the current ones. Saved in project files by their parameters.
    void keepRun();
    void removePin(int index);
    int pinCount() const { return static_cast<int>(pins_.size()); }
    QString pinLabel(int index) const;
    // Lecture mode (F11 or L; Esc leaves): full screen, large type and thick lines, the panel reduced to a strip
    // with the preset, Run and the parameters to play with; ← / → walk through the presets. Leaving restores the
    // window as it was.
    void setLectureMode(bool on);
    bool lectureMode() const { return lecture_; }
    LectureStrip* lectureStrip() const { return lectureStrip_; }

    // Figures and data (Ctrl+E, chart context menus): what the dashboard shows, at publication size. Both return
    // an empty string or the message (also shown in the banner) naming the file and the problem.
    QString exportFigure(FigureChart chart, const QString& path, FigureOptions options = {});
    QString exportData(FigureChart chart, const QString& path);
    void copyFigure(FigureChart chart);

    // The theory drawn is complete and belongs to the parameters in the panel.
    bool theoryUpToDate() const;
    // Worst and median GUI-thread time of one repaint — the charts' update plus the painting that follows —
    // in ms (the frame budget).
    std::pair<double, double> frameStats() const;

public slots:
    void runSimulation();
    void togglePause();
    void stopSimulation();
    void resetSimulation();

signals:
    // The simulation worker has returned (finished, stopped or failed).
    void simulationFinished();

protected:
    bool event(QEvent* e) override;
    void closeEvent(QCloseEvent* e) override;
    bool eventFilter(QObject* watched, QEvent* event) override;

private:
    void parametersChanged();
    void requestTheory();
    void scheduleRepaint();
    void repaintCharts();
    void showProgress(double t);
    void updateProgressText();
    void showRoutes();
    void updateBanner();
    void updateActions();
    void shutDownWorkers();
    void createMenus();
    void applyProject(const Project& p);
    void rememberRecent(const QString& path);
    void updateRecentMenu();
    void updateTitle();
    void updatePinMenu();
    QList<PinnedCurve> pinnedCurves() const;
    FigureOptions displayOptions(FigureOptions size) const;
    void showExportDialog(FigureChart chart);
    void exportDataDialog(FigureChart chart);
    void showChartMenu(FigureChart chart, QWidget* source, const QPoint& at);
    void computePinTheory(int index);

    ParameterPanel* panel_;
    LearningCurveChart* learningCurve_;
    WeightNormChart* weightNorms_;
    EncoderWeightsChart* encoderWeights_;
    SpectrumChart* spectrum_;
    QList<QWidget*> charts_;
    QLabel* banner_;
    QProgressBar* progress_;
    QLabel* progressText_;
    QLabel* routes_;  // "4 SGD runs · ODE 5 ms"
    QAction *run_, *pause_, *stop_, *reset_;
    QAction *logError_, *individualRuns_;
    QMenu* recentMenu_ = nullptr;
    QString projectPath_;
    QString fileMessage_;  // a project that could not be opened or saved

    QThread theoryThread_, simulationThread_;
    TheoryWorker* theoryWorker_;
    SimulationWorker* simulationWorker_;
    std::shared_ptr<aedyn::RunControl> theoryControl_, simulationControl_;
    quint64 theoryGeneration_ = 0;
    bool setupArrived_ = false;  // the current generation's setup has arrived
    QTimer theoryDebounce_, repaintTimer_;
    CurveStore store_;
    QString theoryMessage_, simulationMessage_;
    QString theoryRoute_, simulationRoute_;
    bool simulationRunning_ = false;
    double simulationTMax_ = 0.0;
    double progressT_ = 0.0;
    QString runState_;  // paused, stopped, done in … s
    QElapsedTimer runClock_, pauseClock_;
    qint64 pausedMs_ = 0;
    double pendingRefreshMs_ = -1.0;  // chart update whose painting is still to come
    std::vector<double> frameMs_;
    QToolBar* toolbar_;
    class QBoxLayout* chartRows_;  // the top and bottom rows of charts
    QDockWidget* dock_;
    LectureStrip* lectureStrip_;
    bool lecture_ = false;
    QByteArray savedGeometry_, savedState_;
    Qt::WindowStates savedWindowState_;
    QList<QAction*> lectureKeys_;  // ← → Esc, active only in lecture mode
    QMenu* pinMenu_ = nullptr;
    struct Pin {
        aedyn::ExperimentConfig config;
        QList<QPointF> theory, simulation;
    };
    std::vector<Pin> pins_;
    std::optional<aedyn::ExperimentConfig> requestedTheory_, drawnTheory_;  // parameters behind the curves
    QThread pinThread_;
    TheoryWorker* pinWorker_;  // the theory of pins opened from a project
    quint64 pinGeneration_ = 0;
    std::map<quint64, int> pinOfGeneration_;
};
