#include "CaptionText.h"

#include <QRegularExpression>

QString captionHtml(const QString& plain)
{
    QString html = plain.toHtmlEscaped();
    // An exponent: an optional sign, then digits with / or . between them (1/6, 1.5); an index: one letter.
    static const QRegularExpression exponent(QStringLiteral("\\^([+\\-−]?[0-9]+(?:[./][0-9]+)?)"));
    static const QRegularExpression index(QStringLiteral("_(\\w)(?!\\w)"));
    html.replace(exponent, QStringLiteral("<sup>\\1</sup>"));
    html.replace(index, QStringLiteral("<sub>\\1</sub>"));
    return html;
}
