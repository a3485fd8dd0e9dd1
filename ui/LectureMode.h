#pragma once
// Lecture mode (F11 or L; Esc leaves): full screen, the lecture chart style (large type, thick lines), the panel
// reduced to the lecture strip, the learning curve enlarged; ← / → step through the presets. Leaving restores the
// window exactly as it was. It changes only the widgets it is given, and the charts only through their style.
#include <QByteArray>
#include <QList>
#include <QObject>

class DashboardChart;
class LectureStrip;
class QAction;
class QBoxLayout;
class QMainWindow;
class QWidget;

class LectureMode : public QObject {
    Q_OBJECT
public:
    struct Parts {
        QMainWindow* window;
        QList<QWidget*> hidden;  // toolbar, dock, menu bar: out of the way in front of a class
        LectureStrip* strip;
        QBoxLayout* chartRows;   // its first row (the learning curve) grows
        QWidget* spectrum;       // hidden: the static spectrum makes room
        QList<DashboardChart*> charts;
    };
    explicit LectureMode(const Parts& parts, QObject* parent = nullptr);

    void setOn(bool on);
    bool isOn() const { return on_; }

signals:
    void toggled(bool on);  // after the window has changed; charts need a repaint

private:
    Parts parts_;
    bool on_ = false;
    QByteArray savedGeometry_, savedState_;
    Qt::WindowStates savedWindowState_;
    QList<QAction*> keys_;  // ← → Esc, active only in lecture mode
};
