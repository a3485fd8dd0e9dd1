#include "SteadyLabel.h"

#include <QResizeEvent>

#include <algorithm>

SteadyLabel::SteadyLabel() { setWordWrap(true); }

void SteadyLabel::setSteadyText(const QString& text)
{
    if (text == this->text())
        return;
    setText(text);
    hold();
}

void SteadyLabel::setReserve(const QString& text)
{
    if (text == reserve_)
        return;
    reserve_ = text;
    hold();
}

void SteadyLabel::resizeEvent(QResizeEvent* event)
{
    QLabel::resizeEvent(event);
    if (event->size().width() != event->oldSize().width())
        hold();
}

void SteadyLabel::hold()
{
    // A new width starts afresh: the text may need fewer lines there.
    if (width() != heldWidth_) {
        heldWidth_ = width();
        setMinimumHeight(0);
    }
    int needed = heightForWidth(width());
    if (!reserve_.isEmpty()) {
        // Measured on a label like this one: QLabel measures only its own text.
        QLabel probe;
        probe.setFont(font());
        probe.setTextFormat(textFormat());
        probe.setWordWrap(true);
        probe.setContentsMargins(contentsMargins());
        probe.setText(reserve_);
        needed = std::max(needed, probe.heightForWidth(width()));
    }
    if (needed > minimumHeight())
        setMinimumHeight(needed);
}
