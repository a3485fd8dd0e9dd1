#pragma once
// The window: menus, toolbar, the parameter dock and the dashboard of four charts, a message banner and a status
// bar. The science runs in the RunController, kept runs live on the PinBoard, files in the ProjectSession and
// lecture mode in LectureMode; the window wires them together and repaints the charts at most about 30 times a
// second from the controller's results model.
#include "FigureExport.h"
#include "LectureMode.h"
#include "PinBoard.h"
#include "ProjectFile.h"
#include "ProjectSession.h"
#include "RunController.h"

#include <QMainWindow>
#include <QElapsedTimer>
#include <QTimer>

#include <functional>
#include <vector>

class BiasChart;
class DashboardChart;
class EncoderWeightsChart;
class LearningCurveChart;
class LectureStrip;
class ParameterPanel;
class QAction;
class QDockWidget;
class QLabel;
class QMenu;
class QProgressBar;
class QToolBar;
class SpectrumChart;
class SweepWindow;
class WeightNormChart;
class ComparisonRunner;
class TimeCursor;

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
    // The trained biases (figure 4c), shown only when the bias is trained.
    BiasChart* biases() const { return biases_; }
    const aedyn::RunResults& store() const { return runs_.results(); }
    QAction* runAction() const { return run_; }
    QAction* pauseAction() const { return pause_; }
    QAction* stopAction() const { return stop_; }
    bool simulationRunning() const { return runs_.running(); }
    double simulationTime() const { return runs_.progressTime(); }
    QString message() const;

    // Project files (Ctrl+O, Ctrl+S). A file that cannot be read or is not a valid project changes nothing and
    // says why in the banner; both return false then.
    Project currentProject() const;
    bool openProject(const QString& path);
    bool saveProject(const QString& path);
    QString projectPath() const { return session_.path(); }
    QStringList recentProjects() const { return session_.recent(); }

    void keepRun();
    void removePin(int index);
    // Compare → the paper's comparisons (figure 4a, 4b, 6), run step after step into pins.
    ComparisonRunner* comparisons() const { return comparisons_; }
    // The time shared by the panels (toolbar): scrub or replay.
    TimeCursor* timeCursor() const { return timeCursor_; }
    int pinCount() const { return pins_.count(); }
    QString pinLabel(int index) const;

    // View ▸ Dark theme (D): light type on a dark ground for a dimmed room; the menu's choice is kept across
    // sessions. Exported figures stay black on white.
    void setDarkTheme(bool on);
    bool darkTheme() const { return dark_; }
    void setLectureMode(bool on) { lecture_->setOn(on); }
    bool lectureMode() const { return lecture_->isOn(); }
    LectureStrip* lectureStrip() const { return lectureStrip_; }
    // The sweep window (Ctrl+Shift+W), created on first use; it starts from the panel's parameters.
    SweepWindow* sweepWindow();
    void showSweep();

    // Figures and data (Ctrl+E, chart context menus): what the dashboard shows, at publication size. Both return
    // an empty string or the message (also shown in the banner) naming the file and the problem.
    QString exportFigure(FigureChart chart, const QString& path, FigureOptions options = {});
    QString exportData(FigureChart chart, const QString& path);
    void copyFigure(FigureChart chart);

    // The keyboard shortcuts, as the Help menu lists them (rich text).
    static QString shortcutsText();
    // "≈ 12 s": what Run will cost, shown next to it.
    QString costText() const;
    // The theory drawn is complete and belongs to the parameters in the panel.
    bool theoryUpToDate() const { return runs_.theoryUpToDate(panelConfig()); }
    // The theory of the panel's parameters has been asked of the worker (it may still be under way).
    bool theoryRequested() const;
    // Worst and median GUI-thread time of one repaint — the charts' update plus all painting until the next — in ms.
    std::pair<double, double> frameStats() const;
    // Every repaint's GUI-thread time so far, in ms (for aedyn-bench gui).
    const std::vector<double>& frameTimes() const { return frameMs_; }

public slots:
    void runSimulation();
    void togglePause();
    void stopSimulation() { runs_.stop(); }
    void resetSimulation() { runs_.clearSimulation(); }

signals:
    // The simulation worker has returned (finished, stopped or failed).
    void simulationFinished();

protected:
    bool event(QEvent* e) override;
    void closeEvent(QCloseEvent* e) override;
    bool eventFilter(QObject* watched, QEvent* event) override;
    void resizeEvent(QResizeEvent* e) override;

private:
    std::optional<aedyn::ExperimentConfig> panelConfig() const;
    QWidget* buildDashboard();
    void createToolbar();
    void placeTimeBar();  // beside the run toolbar if both fit the window's width, else on a row of its own
    void createMenus();
    void parametersChanged();
    void requestTheory();  // of the panel's parameters, unless they are the ones last requested
    void showEigenvalues();
    // Streamed results are drawn in rounds of at most one per frame interval, one chart per turn of the event loop
    // (refreshNextChart), so that no turn holds the GUI thread for the whole dashboard's painting.
    void scheduleRepaint();
    void refreshNextChart();
    // Every chart now: the user changed what is shown (cursor, axis, theme) and expects it in one frame.
    void repaintCharts();
    int untilNextRound() const;             // ms
    std::vector<DashboardChart*> turns() const;  // a round's charts, in order
    void refreshTurn(DashboardChart* chart);     // the chart and what shares its turn
    void prepareLearningCurve();  // its pins and the time cursor's grid
    void timeFrame(const std::function<void()>& refresh);
    // The bias chart when biases are trained, except in lecture mode and while another chart is maximised.
    void showBiases();
    void updateStatus();
    void showCost();
    void updateBanner();
    void updateActions();
    void applyProject(const Project& p);
    void updateRecentMenu();
    void updatePinMenu();
    FigureOptions displayOptions(FigureOptions size) const;
    void showExportDialog(FigureChart chart);
    void exportDataDialog(FigureChart chart);
    void showChartMenu(FigureChart chart, QWidget* source, const QPoint& at);

    RunController runs_;
    PinBoard pins_;
    ComparisonRunner* comparisons_ = nullptr;
    TimeCursor* timeCursor_ = nullptr;
    ProjectSession session_;
    ParameterPanel* panel_;
    LearningCurveChart* learningCurve_;
    WeightNormChart* weightNorms_;
    EncoderWeightsChart* encoderWeights_;
    SpectrumChart* spectrum_;
    BiasChart* biases_;
    QList<QWidget*> charts_;
    LectureStrip* lectureStrip_;
    LectureMode* lecture_ = nullptr;
    QLabel* banner_;
    QProgressBar* progress_;
    QLabel* progressText_;
    QLabel* routes_;  // "4 SGD runs · ODE 5 ms"
    QLabel* cost_ = nullptr;  // "≈ 12 s" next to Run
    QToolBar* toolbar_ = nullptr;
    QToolBar* timeBar_ = nullptr;  // the time cursor
    QDockWidget* dock_ = nullptr;
    QAction *run_ = nullptr, *pause_ = nullptr, *stop_ = nullptr, *reset_ = nullptr;
    QAction *logError_ = nullptr, *individualRuns_ = nullptr;
    QMenu *recentMenu_ = nullptr, *pinMenu_ = nullptr;
    SweepWindow* sweep_ = nullptr;
    QAction* sweepAction_ = nullptr;
    QAction* darkAction_ = nullptr;
    bool dark_ = false;
    QString fileMessage_;  // a project or export that failed
    QTimer theoryDebounce_, repaintTimer_;
    QTimer statusTimer_;  // the run's progress, shown at most once per frame interval
    static constexpr int frameInterval = 33;  // ms between rounds: the dashboard redraws at most 30 times a second
    static constexpr int sliceGap = 4;        // ms between the charts of one round: input and painting go between
    std::vector<DashboardChart*> dueCharts_;  // the round in progress: charts still to draw, in order
    bool newResults_ = false;                 // results arrived that no round has begun to draw
    QElapsedTimer roundClock_;                // since the last round began
    std::vector<double> frameMs_;  // per repaint: the charts' update and all painting until the next
    bool framePainted_ = false;    // the last frame's painting has begun
};
