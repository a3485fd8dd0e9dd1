#include "LectureMode.h"

#include "ChartStyle.h"
#include "DashboardChart.h"
#include "LectureStrip.h"

#include <QAction>
#include <QApplication>
#include <QBoxLayout>
#include <QChartView>
#include <QMainWindow>

LectureMode::LectureMode(const Parts& parts, QObject* parent)
    : QObject(parent)
    , parts_(parts)
{
    for (const auto& [key, step] : {std::pair{Qt::Key_Right, 1}, std::pair{Qt::Key_Left, -1}}) {
        auto* a = new QAction(this);
        a->setShortcut(key);
        connect(a, &QAction::triggered, this, [this, step = step] { parts_.strip->stepPreset(step); });
        keys_ << a;
    }
    auto* leave = new QAction(this);
    leave->setShortcut(Qt::Key_Escape);
    connect(leave, &QAction::triggered, this, [this] { setOn(false); });
    keys_ << leave;
    for (QAction* a : keys_) {
        a->setEnabled(false);
        parts_.window->addAction(a);
    }
}

void LectureMode::setOn(bool on)
{
    if (on == on_)
        return;
    on_ = on;
    QMainWindow* w = parts_.window;
    if (on) {
        savedGeometry_ = w->saveGeometry();
        savedState_ = w->saveState();
        savedWindowState_ = w->windowState();
        parts_.strip->sync();
    }
    for (QWidget* part : parts_.hidden)
        part->setVisible(!on);
    parts_.strip->setVisible(on);
    for (QAction* a : keys_)
        a->setEnabled(on);
    const ChartStyle style = on ? ChartStyle::lecture() : ChartStyle::screen();
    const double points = style.fontPoints > 0 ? style.fontPoints : QApplication::font().pointSizeF();
    QFont font = QApplication::font();
    font.setPointSizeF(points);
    w->centralWidget()->setFont(font);
    for (DashboardChart* chart : parts_.charts)
        chart->setChartStyle(style);
    // In front of a class the learning curve gets most of the screen; the static spectrum makes room.
    parts_.chartRows->setStretch(0, on ? 5 : 3);
    parts_.spectrum->setVisible(!on);
    for (QChartView* view : w->centralWidget()->findChildren<QChartView*>())
        setChartFontSize(view->chart(), points);
    if (on) {
        w->showFullScreen();
    } else {
        w->restoreState(savedState_);
        w->setWindowState(savedWindowState_);
        w->restoreGeometry(savedGeometry_);
    }
    emit toggled(on);
}
