#pragma once
// Lecture mode (F11 or L; Esc leaves): full screen, the lecture chart style (thick lines, type scaled to the
// screen), the panel reduced to the lecture strip, and one hero row — the learning curve with a single companion
// view beside it (what the units learnt, the weight norms or the spectrum; the preset chooses, V cycles) — while the
// other views step aside. ← / → step through the presets; P replays the run (the hidden toolbar's time cursor).
// Leaving puts every view back where it was and restores the window exactly as it was. It changes only the widgets
// it is given, and the charts only through their style.
#include <QByteArray>
#include <QList>
#include <QObject>
#include <QString>

#include <functional>
#include <utility>
#include <vector>

class DashboardChart;
class LectureStrip;
class QAction;
class QBoxLayout;
class QMainWindow;
class QWidget;

class LectureMode : public QObject {
    Q_OBJECT
public:
    struct View {
        QString name;    // as a preset's lecture_view names it: "weights", "norms", "spectrum", "biases"
        QString label;   // for the strip's button, short: "norms"
        QWidget* widget;
        std::function<bool()> available = {};  // empty: always; V passes over a view that is not
    };
    struct Parts {
        QMainWindow* window;
        QList<QWidget*> hidden;  // toolbar, dock, menu bar: out of the way in front of a class
        LectureStrip* strip;
        QBoxLayout* heroRow;     // holds the learning curve; the companion joins it
        QList<View> views;       // each sits in a row of the dashboard, which is remembered and restored
        QList<DashboardChart*> charts;
    };
    explicit LectureMode(const Parts& parts, QObject* parent = nullptr);

    void setOn(bool on);
    bool isOn() const { return on_; }
    // The dark theme's ground for every chart, in and out of lecture mode (the window's palette is the caller's).
    void setDark(bool dark);
    // The companion beside the learning curve ("weights", "norms" or "spectrum"); the preset's unless V was used.
    QString view() const { return parts_.views.value(current_).name; }
    void showView(const QString& name);
    void nextView();

signals:
    void toggled(bool on);  // after the window has changed; charts need a repaint

private:
    struct Place {
        QBoxLayout* row;
        int index;
        int stretch;
    };
    void arrange();
    int followingView() const;  // the next available view after the current one
    // Gives every chart the style of the mode and theme: line widths, type size, colours.
    void applyStyle();
    // An empty row keeps its stretch share of the height: in lecture mode only the hero row has one.
    void setRowStretch(QBoxLayout* row, int stretch);

    Parts parts_;
    std::vector<Place> places_;  // of parts_.views on the dashboard
    std::vector<std::pair<QBoxLayout*, int>> rowStretch_;  // each row's stretch on the dashboard
    int current_ = 0;
    bool on_ = false;
    bool dark_ = false;
    QByteArray savedGeometry_, savedState_;
    Qt::WindowStates savedWindowState_;
    QList<QAction*> keys_;  // ← → V Esc, active only in lecture mode
};
