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
    reserveWidth_ = -1;  // measured again
    heldWidth_ = -1;     // a new fullest text (other units, a part left out) may need fewer lines: start afresh
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
    if (!reserve_.isEmpty() && (reserveWidth_ != width() || reserveFont_ != font())) {
        // Measured on a label like this one (QLabel measures only its own text), once per width and type: hold()
        // runs with every new text of a run.
        QLabel probe;
        probe.setFont(font());
        probe.setTextFormat(textFormat());
        probe.setWordWrap(true);
        probe.setContentsMargins(contentsMargins());
        probe.setText(reserve_);
        reserveHeight_ = probe.heightForWidth(width());
        reserveWidth_ = width();
        reserveFont_ = font();
    }
    const int needed = std::max(heightForWidth(width()), reserve_.isEmpty() ? 0 : reserveHeight_);
    if (needed > minimumHeight())
        setMinimumHeight(needed);
}
